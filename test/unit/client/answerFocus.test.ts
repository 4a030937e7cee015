// Where the sidebar takes the user when a call ends: FINALIZAR's or INICIAR's answer and every error are
// brought into view and focused; a search's answer only into view (the focus stays in the form).
import { describe, expect, it } from 'vitest';
import { answerMove } from '../../../src/client/answerFocus';
import type { Outcome, ScreenError } from '../../../src/client/state';
import { finishResult } from '../../support/clientFixtures';

const finished: Outcome = { kind: 'finished', result: finishResult(), soldNeeded: {} };
const loaded: Outcome = { kind: 'loaded', ot: '001', operation: 'ARM', unions: 10, disponibles: 10 };
const lost: ScreenError = { code: 'NETWORK', detail: '', retry: { kind: 'job' } };

describe('the answer when a call ends', () => {
  it("FINALIZAR's and INICIAR's answers are scrolled to and focused", () => {
    expect(answerMove('finish', { error: null, outcome: finished })).toBe('focus');
    expect(answerMove('start', { error: null, outcome: { kind: 'booted', warnings: [] } })).toBe('focus');
  });

  it('every error is scrolled to and focused, whatever the call', () => {
    for (const kind of ['bootstrap', 'load', 'start', 'finish', 'job'] as const)
      expect(answerMove(kind, { error: lost, outcome: null }), kind).toBe('focus');
  });

  it("a search's answer is brought into view, the focus left in the form; a job step or no call moves nothing", () => {
    expect(answerMove('load', { error: null, outcome: loaded })).toBe('scroll');
    expect(answerMove('bootstrap', { error: null, outcome: { kind: 'booted', warnings: ['x'] } })).toBe(
      'scroll',
    );
    expect(answerMove('job', { error: null, outcome: finished })).toBeNull();
    expect(answerMove('bootstrap', { error: null, outcome: null })).toBeNull();
    expect(answerMove(null, { error: lost, outcome: finished })).toBeNull();
  });
});
