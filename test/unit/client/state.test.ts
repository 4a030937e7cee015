import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/client/i18n';
import * as S from '../../../src/client/state';
import { planLineText } from '../../../src/client/texts';
import { boot, done, finishResult, list, loadedScreen, otTwo, union } from '../../support/clientFixtures';

const es = translator('es');
const summaryText = (state: S.ScreenState) => {
  const s = S.selectionSummary(state);
  return es.t('summary', { n: s.selected, of: s.of, pulgadas: s.pulgadas });
};
const pick = (state: S.ScreenState, ...keys: string[]) => keys.reduce(S.toggleUnion, state);

describe('the sidebar state', () => {
  describe('selection and the live totals line', () => {
    it('three unions of 4,5 + 6 + 8 read "Seleccionadas 3/8 · 18,5 pulgadas"', () => {
      const state = pick(loadedScreen(), '002+2', '002+3', '002+4');
      expect(state.selected).toEqual(['002+2', '002+3', '002+4']);
      expect(summaryText(state)).toBe('Seleccionadas 3/8 · 18,5 pulgadas');
      expect(translator('en').t('summary', { n: 3, of: 8, pulgadas: 18.5 })).toBe(
        'Selected 3/8 · 18.5 inches',
      );
    });

    it('a second tap unticks; done or not-disponible unions cannot be ticked; order follows the list', () => {
      let state = pick(loadedScreen(), '002+4', '002+2', '002+4');
      expect(state.selected).toEqual(['002+2']);
      state = pick(state, '002+1', '002+10', '999+1');
      expect(state.selected).toEqual(['002+2']);
    });

    it('Seleccionar disponibles ticks every disponible union; an unreadable DN counts 0 pulgadas', () => {
      const state = S.selectAvailable(loadedScreen());
      expect(state.selected).toEqual([
        '002+2',
        '002+3',
        '002+4',
        '002+5',
        '002+6',
        '002+7',
        '002+8',
        '002+9',
      ]);
      expect(summaryText(state)).toBe('Seleccionadas 8/8 · 46,5 pulgadas');
      const unreadable = loadedScreen(list([union('002+1', 'SP-A', null), union('002+2', 'SP-A', 2.5)]));
      expect(summaryText(S.selectAvailable(unreadable))).toBe('Seleccionadas 2/2 · 2,5 pulgadas');
    });

    it('nothing changes while a call runs', () => {
      const busy = S.begin(loadedScreen(), { kind: 'job' });
      expect(S.toggleUnion(busy, '002+2')).toBe(busy);
      expect(S.selectAvailable(busy)).toBe(busy);
    });
  });

  describe('workers offered per operation', () => {
    it('ARM offers Armador and Ayudante, SOLD offers Soldador and Ayudante; Metrologia never', () => {
      const b = boot();
      expect(S.workersFor(b, 'ARM').map((w) => w.display)).toEqual(['MR(93)', 'AS(95)']);
      expect(S.workersFor(b, 'SOLD').map((w) => w.display)).toEqual(['JP(94)', 'AS(95)']);
    });

    it('switching to SOLD drops an Armador, takes the worker remembered for SOLD, and empties the list', () => {
      const state = S.withOperation(loadedScreen(), 'SOLD', 94);
      expect(state.workerId).toBe(94);
      expect(state.list).toBeNull();
      expect(state.selected).toEqual([]);
      const helper = S.withOperation(loadedScreen(undefined, 95), 'SOLD', 94);
      expect(helper.workerId).toBe(95);
    });
  });

  describe('what is disabled and why', () => {
    it('FINALIZAR needs a worker, a loaded OT, and a selection or a spool the worker holds', () => {
      expect(S.availability(S.initialState('es')).finish).toBe('why.noWorker');
      const noList = { ...loadedScreen(), list: null };
      expect(S.availability(noList).finish).toBe('why.notLoaded');
      expect(S.availability(loadedScreen()).finish).toBe('why.nothing');
      expect(S.availability(pick(loadedScreen(), '002+2')).finish).toBeNull();
      const held = list(otTwo().unions);
      held.spools[1]!.ocupadoPor = 'MR(93)';
      expect(S.availability(loadedScreen(held)).finish).toBeNull();
      expect(S.availability(S.begin(loadedScreen(held), { kind: 'job' })).finish).toBe('why.busy');
      expect(es.t('why.nothing')).toBe(
        'Marque al menos una unión (o inicie un spool para poder cancelarlo).',
      );
    });

    it('Buscar needs an OT typed; Seleccionar disponibles needs something disponible', () => {
      expect(S.availability(S.initialState('es')).search).toBe('why.noOt');
      expect(S.availability(S.withOtInput(S.initialState('es'), ' 002 ')).search).toBeNull();
      const allDone = loadedScreen(
        list([union('002+1', 'SP-A', 2, { arm: done('MR(93)'), disponible: false })]),
      );
      expect(S.availability(allDone).selectAvailable).toBe('why.noneAvailable');
    });

    it('INICIAR is offered for a free spool with a disponible union, once a worker is chosen', () => {
      const taken = list(otTwo().unions);
      taken.spools[0]!.ocupadoPor = 'NR(94)';
      const state = loadedScreen(taken);
      expect(state.list!.spools.map((s) => S.mayStart(state, s))).toEqual([false, true]);
      const noWorker = loadedScreen(otTwo(), null);
      expect(noWorker.list!.spools.map((s) => S.mayStart(noWorker, s))).toEqual([false, false]);
    });
  });

  describe('the confirmation says per spool what FINALIZAR will do', () => {
    it('PAUSAR when unions stay to do, COMPLETAR when the selection finishes the spool, CANCELAR for a held spool', () => {
      const held = list([
        ...otTwo().unions,
        union('002+11', 'SP-C', 3, { arm: done('MR(93)'), disponible: false }),
      ]);
      held.spools[2]!.ocupadoPor = 'MR(93)';
      const state = pick(loadedScreen(held), '002+2', '002+3', '002+7', '002+8', '002+9');
      // SP-B's readable unions are all armed after this, but 002+10 cannot be read: PAUSAR (as the server
      // decides, finishRules.spoolDecision), and the line says why.
      expect(S.finishPlan(state).map((line) => planLineText(line, es))).toEqual([
        'SP-A: PAUSAR · uniones: 2 · pulgadas: 10,5',
        'SP-B: PAUSAR · uniones: 3 · pulgadas: 23 (no se completa: una fila de sus uniones no se pudo leer)',
        'SP-C: CANCELAR · se libera sin registrar uniones',
      ]);
      const all = pick(loadedScreen(held), '002+2', '002+3', '002+4', '002+5', '002+6');
      expect(planLineText(S.finishPlan(all)[0]!, es)).toBe('SP-A: COMPLETAR · uniones: 5 · pulgadas: 23,5');
    });

    it('for SOLD, ARM-only types (FW, MIT) need no welding: the spool completes without them', () => {
      const sold = list(
        [
          union('003+1', 'SP-S', 2, { tipo: 'FW', arm: done('MR(93)'), disponible: false }),
          union('003+2', 'SP-S', 4, { arm: done('MR(93)'), sol: done('JP(94)'), disponible: false }),
          union('003+3', 'SP-S', 6, { arm: done('MR(93)') }),
        ],
        { ot: '003', operation: 'SOLD' },
      );
      const state = S.withOperation(loadedScreen(list([])), 'SOLD', 94);
      const loaded = S.toggleUnion(S.withLoadedList(state, sold), '003+3');
      expect(S.finishPlan(loaded).map((line) => planLineText(line, es))).toEqual([
        'SP-S: COMPLETAR · uniones: 1 · pulgadas: 6',
      ]);
    });
  });

  describe('answers change the screen', () => {
    it('FINALIZAR marks the recorded unions done by the worker, releases the spools and empties the selection', () => {
      const held = list(otTwo().unions);
      held.spools[0]!.ocupadoPor = 'MR(93)';
      const state = pick(loadedScreen(held), '002+2', '002+3', '002+4');
      const after = S.withFinished(state, finishResult());
      expect(after.selected).toEqual([]);
      expect(after.list!.spools[0]!.ocupadoPor).toBe('');
      const u2 = after.list!.unions.find((u) => u.key === '002+2')!;
      expect([u2.disponible, u2.arm.done, u2.arm.worker]).toEqual([false, true, 'MR(93)']);
      expect(after.list!.unions.find((u) => u.key === '002+4')!.disponible).toBe(true);
      expect(after.outcome?.kind).toBe('finished');
    });

    it('a replayed result kept as a summary (counts instead of keys) patches nothing and does not break', () => {
      const summary = { ...finishResult(), updated: 2, skipped: 1 } as unknown as ReturnType<
        typeof finishResult
      >;
      const after = S.withFinished(pick(loadedScreen(), '002+2'), summary);
      expect(after.list!.unions.filter((u) => u.arm.done).map((u) => u.key)).toEqual(['002+1']);
    });

    it('a loaded OT goes first in the recent OTs, without repeats, at most 8', () => {
      let state = { ...loadedScreen(), recentOts: ['001', '002', '003', '004', '005', '006', '007', '008'] };
      state = S.withLoadedList(state, list([], { ot: '005' }));
      expect(state.recentOts).toEqual(['005', '001', '002', '003', '004', '006', '007', '008']);
      state = S.withLoadedList(state, list([], { ot: '009' }));
      expect(state.recentOts).toHaveLength(8);
      expect(state.recentOts[0]).toBe('009');
    });
  });

  describe('what a new user met (issue: sidebar polish)', () => {
    const repeated = () => {
      // OT 010 of the demo: its tag twice in Operaciones; the server lists the spool twice, repetido.
      const unions = Array.from({ length: 10 }, (_, i) =>
        union('010+' + (i + 1), 'SP-R', 2, { disponible: false, reason: 'Spool repetido en Operaciones' }),
      );
      const answer = list(unions, { ot: '010' });
      answer.spools = [
        { ...answer.spools[0]!, repetido: true },
        { ...answer.spools[0]!, repetido: true },
      ];
      return loadedScreen(answer);
    };

    it('a spool repeated in Operaciones is one card listing each of its unions once, not startable', () => {
      const state = repeated();
      const cards = S.spoolCards(state);
      expect(cards.map((c) => [c.tag, c.unions.length, c.spool?.repetido])).toEqual([['SP-R', 10, true]]);
      expect(S.mayStart(state, cards[0]!.spool!)).toBe(false);
    });

    it('cards follow the list; a tag only in Uniones still gets its card', () => {
      const answer = otTwo();
      answer.spools = answer.spools.filter((s) => s.tagSpool === 'SP-A');
      const cards = S.spoolCards(loadedScreen(answer));
      expect(cards.map((c) => [c.tag, c.unions.length, c.spool === undefined])).toEqual([
        ['SP-A', 6, false],
        ['SP-B', 4, true],
      ]);
    });

    it('an unknown OT after a loaded one clears the list (nothing of the old OT stays usable), no Reintentar', () => {
      const loaded = pick(loadedScreen(), '002+2');
      const intent: S.Intent = { kind: 'load', ot: '999', operation: 'ARM' };
      const error = { code: 'NOT_FOUND' as const, detail: 'No existe la OT 999.', retry: intent };
      const after = S.failed(S.begin(loaded, intent), error, intent);
      expect([after.list, after.selected, after.outcome]).toEqual([null, [], null]);
      expect(S.availability(after).finish).toBe('why.notLoaded');
      expect(S.retryable(error)).toBe(false);
    });

    it('Reintentar is offered only where resending can help', () => {
      const load: S.Intent = { kind: 'load', ot: '002', operation: 'ARM' };
      const job: S.Intent = { kind: 'job' };
      const can = (code: S.ScreenError['code'], retry: S.Intent = job) => S.retryable({ code, retry });
      expect(['NETWORK', 'TIMEOUT', 'BUSY', 'INTERNAL', 'UNKNOWN'].map((c) => can(c as never))).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
      expect(
        ['NOT_FOUND', 'VALIDATION', 'FORBIDDEN', 'SCHEMA', 'UNAVAILABLE'].map((c) => can(c as never)),
      ).toEqual([false, false, false, false, false]);
      // A stale list (CONFLICT on FINALIZAR or INICIAR): the button is Recargar, and it reloads the OT.
      expect(can('CONFLICT', load)).toBe(true);
      expect(S.errorAction({ code: 'CONFLICT', retry: load })).toBe('reload');
      expect(S.errorAction({ code: 'NETWORK', retry: load })).toBe('retry');
      // Several Google accounts: resending fails the same way, so no button.
      expect(S.errorAction({ code: 'ACCOUNTS', retry: load })).toBeNull();
    });

    it('a failed FINALIZAR keeps the list and the selection', () => {
      const state = pick(loadedScreen(), '002+2');
      const intent: S.Intent = { kind: 'job' };
      const after = S.failed(state, { code: 'NETWORK', detail: '', retry: intent }, intent);
      expect(after.list).toBe(state.list);
      expect(after.selected).toEqual(['002+2']);
    });

    it('the confirmation mentions releasing a spool only for spools the worker took', () => {
      const notTaken = pick(loadedScreen(), '002+2');
      expect(S.releasedByFinish(notTaken)).toEqual([]);
      const held = list(otTwo().unions);
      held.spools[0]!.ocupadoPor = 'MR(93)';
      expect(S.releasedByFinish(pick(loadedScreen(held), '002+2', '002+7'))).toEqual(['SP-A']);
    });

    it('FINALIZAR remembers per spool how many unions need SOLD (ARM-only FW/MIT excluded)', () => {
      const unions = [
        union('003+1', 'SP-S', 2, { tipo: 'FW' }),
        union('003+2', 'SP-S', 4, { tipo: ' mit ' }),
        union('003+3', 'SP-S', 6),
        union('003+4', 'SP-T', 6),
      ];
      const state = pick(loadedScreen(list(unions, { ot: '003' })), '003+3');
      const after = S.withFinished(state, finishResult({ ot: '003' }));
      expect(after.outcome).toMatchObject({ kind: 'finished', soldNeeded: { 'SP-S': 1, 'SP-T': 1 } });
    });
  });
});
