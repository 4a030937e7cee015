// A spool whose unions are all done for the operation: the live line says so ("Spool completo en ARM"), not
// "Seleccionadas 0/0 · 0 pulgadas", and FINALIZAR's hint says nothing is left (not "Marque al menos una unión").
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/client/i18n';
import * as S from '../../../src/client/state';
import { summaryText } from '../../../src/client/texts';
import { done, finishResult, list, loadedScreen, union } from '../../support/clientFixtures';

const es = translator('es');
const en = translator('en');
const armed = { arm: done('MR(93)'), disponible: false };

describe('a spool complete for the operation', () => {
  it('after the FINALIZAR that records its last unions: "Spool completo en ARM", nothing left to mark', () => {
    const before = loadedScreen(
      list([union('002+1', 'SP-A', 2, armed), union('002+2', 'SP-A', 4.5), union('002+3', 'SP-A', 6)]),
    );
    expect(summaryText(before, es)).toBe('Seleccionadas 0/2 · 0 pulgadas');
    expect(S.availability(before).finish).toBe('why.nothing');
    const ticked = S.selectAvailable(before);
    const after = S.withFinished(
      ticked,
      finishResult({
        updated: ['002+2', '002+3'],
        spools: [{ ...finishResult().spools[0]!, action: 'COMPLETAR' }],
      }),
    );
    expect(S.selectionSummary(after)).toMatchObject({ selected: 0, of: 0 });
    expect(summaryText(after, es)).toBe('Spool completo en ARM');
    expect(summaryText(after, en)).toBe('Spool complete for ARM');
    expect(S.availability(after).finish).toBe('why.complete');
    expect(es.t(S.availability(after).finish!)).toBe('No queda ninguna unión por registrar.');
    expect(en.t('why.complete')).toBe('No union is left to record.');
  });

  it('SOLD counts the unions that need it: an ARM-only FW left unwelded does not hold it back', () => {
    const welded = { arm: done('MR(93)'), sol: done('JP(94)'), disponible: false };
    const state = loadedScreen(
      list(
        [
          union('002+1', 'SP-A', 2, welded),
          union('002+2', 'SP-A', 4, { ...armed, tipo: 'FW' }),
          union('002+3', 'SP-A', 6, welded),
        ],
        { operation: 'SOLD' },
      ),
    );
    expect(summaryText({ ...state, operation: 'SOLD' }, es)).toBe('Spool completo en SOLD');
  });

  it('several spools all complete name the OT; one spool left, or an unreadable row, keeps the count', () => {
    const both = loadedScreen(list([union('002+1', 'SP-A', 2, armed), union('002+2', 'SP-B', 4, armed)]));
    expect(summaryText(both, es)).toBe('Los 2 spools de la OT 002 completos en ARM');
    expect(summaryText(both, en)).toBe('All 2 spools of work order 002 complete for ARM');
    const oneLeft = loadedScreen(list([union('002+1', 'SP-A', 2, armed), union('002+2', 'SP-B', 4)]));
    expect(summaryText(oneLeft, es)).toBe('Seleccionadas 0/1 · 0 pulgadas');
    expect(S.completeSpools(oneLeft)).toEqual(['SP-A']);
    // A row that could not be read may be a union not done: the spool is not said to be complete.
    const unreadable = loadedScreen(
      list([
        union('002+1', 'SP-A', 2, armed),
        union('002+2', 'SP-A', null, { disponible: false, reason: 'Celda ilegible Uniones!E3' }),
      ]),
    );
    expect(summaryText(unreadable, es)).toBe('Seleccionadas 0/0 · 0 pulgadas');
    expect(S.availability(unreadable).finish).toBe('why.nothing');
  });
});
