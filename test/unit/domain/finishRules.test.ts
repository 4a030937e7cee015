import { describe, expect, it } from 'vitest';
import { heldByOther, operationComplete, spoolDecision } from '../../../src/domain/finishRules';
import { de } from '../../../src/domain/spanish';

const settings = { armOnlyTypes: ['FW', 'MIT'] };

describe('the FINALIZAR rule the server and the sidebar share', () => {
  it('ARM completes when every union is armed; SOLD ignores ARM-only types; no union never completes', () => {
    const unions = [
      { tipo: 'BW', done: true },
      { tipo: ' fw ', done: false },
    ];
    expect(operationComplete(unions, 'ARM', settings)).toBe(false);
    expect(operationComplete(unions, 'SOLD', settings)).toBe(true);
    expect(operationComplete([], 'ARM', settings)).toBe(false);
    expect(operationComplete([{ tipo: 'FW', done: false }], 'SOLD', settings)).toBe(false);
  });

  it('CANCELAR with nothing recorded, COMPLETAR when complete, PAUSAR when an unreadable row holds it back', () => {
    expect(spoolDecision({ recorded: 0, complete: true, unreadableRows: 0 })).toEqual({
      action: 'CANCELAR',
      blocked: false,
    });
    expect(spoolDecision({ recorded: 2, complete: true, unreadableRows: 0 }).action).toBe('COMPLETAR');
    expect(spoolDecision({ recorded: 2, complete: false, unreadableRows: 0 }).action).toBe('PAUSAR');
    expect(spoolDecision({ recorded: 2, complete: true, unreadableRows: 1 })).toEqual({
      action: 'PAUSAR',
      blocked: true,
    });
    expect(spoolDecision({ recorded: 2, complete: false, unreadableRows: 1 }).blocked).toBe(false);
  });

  it('a spool taken by another worker (or by anyone, when no worker is chosen) is someone else’s', () => {
    expect(heldByOther('MR(93)', 'AS(95)')).toBe(true);
    expect(heldByOther('MR(93)', 'MR(93)')).toBe(false);
    expect(heldByOther('', 'AS(95)')).toBe(false);
    expect(heldByOther('MR(93)', null)).toBe(true);
  });
});

describe('Spanish built from parts', () => {
  it('"de" + "el …" reads "del …"; other phrases keep "de"', () => {
    expect('el fallo ' + de('el registro de ARM de la OT 001')).toBe(
      'el fallo del registro de ARM de la OT 001',
    );
    expect(de('la OT 001')).toBe('de la OT 001');
    expect(de('elementos')).toBe('de elementos');
  });
});
