// The sidebar's confirmation and the server decide with one rule (src/domain/finishRules.ts): on the demo
// workbook, what the dialog promises per spool is what FINALIZAR then does, and what the sidebar lets a
// worker tick is what the server records.

import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { startWork } from '../../../src/app/startWork';
import type { Bootstrap, UnionList } from '../../../src/client/serverApi';
import * as S from '../../../src/client/state';
import { buildDemoWorkbook, demoOt, demoTag } from '../../../src/memory/demoWorkbook';
import { environment, rowOf } from '../../support/tracking';

/** A JSON round trip, as google.script.run makes it. */
const wire = <T>(value: unknown) => JSON.parse(JSON.stringify(value)) as T;

function screen(env: ReturnType<typeof environment>, ot: string, workerId: number): S.ScreenState {
  const boot = wire<Bootstrap>(bootstrap(env.ports()));
  const withBoot = S.withBootstrap(S.initialState('es'), boot, workerId);
  const list = wire<UnionList>(listUnions(env.ports(), { ot, operation: 'ARM' }));
  return S.withLoadedList({ ...withBoot, otInput: ot }, list);
}

function finish(env: ReturnType<typeof environment>, state: S.ScreenState, requestId: string) {
  return finishWork(env.ports(), {
    ot: state.list!.ot,
    operation: 'ARM',
    workerId: state.workerId!,
    unionKeys: state.selected,
    requestId,
  });
}

describe('the confirmation promises what the server does (demo workbook)', () => {
  it('OT 002 (union 1 armed, its DN a date): the dialog says PAUSAR, not COMPLETAR, and so does the server', () => {
    const book = buildDemoWorkbook();
    const env = environment(book);
    const state = S.selectAvailable(screen(env, demoOt(2), 93));
    const unreadable = state.list!.unions.filter((u) => !u.readable);
    expect(unreadable.map((u) => [u.key, u.arm.done, u.disponible])).toEqual([['002+1', true, false]]);
    expect(state.selected).toHaveLength(7); // unions 4..10
    const plan = S.finishPlan(state);
    expect(plan).toEqual([
      { tagSpool: demoTag(2), action: 'PAUSAR', unions: 7, pulgadas: plan[0]!.pulgadas, blocked: true },
    ]);
    const result = finish(env, state, 'req-plan-002');
    expect(result.updated).toHaveLength(7);
    expect(result.spools.map((s) => [s.tagSpool, s.action])).toEqual(plan.map((l) => [l.tagSpool, l.action]));
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === demoTag(2)).Fecha_Armado).toBe('');
  });

  it('OT 007 without an unreadable row: the dialog and the server both say COMPLETAR', () => {
    const book = buildDemoWorkbook();
    const env = environment(book);
    const state = S.selectAvailable(screen(env, demoOt(7), 93));
    const plan = S.finishPlan(state);
    expect(plan.map((l) => [l.action, l.blocked])).toEqual([['COMPLETAR', false]]);
    const result = finish(env, state, 'req-plan-007');
    expect(result.spools.map((s) => s.action)).toEqual(['COMPLETAR']);
    expect(result.skipped).toEqual([]);
  });

  it('a spool held by MR(93), loaded by AS(95): nothing of it can be ticked; MR(93) still can', () => {
    const book = buildDemoWorkbook();
    const env = environment(book);
    startWork(env.ports(), { tagSpool: demoTag(1), operation: 'ARM', workerId: 93, requestId: 'req-take-1' });
    const ana = screen(env, demoOt(1), 95);
    expect(ana.list!.unions.filter((u) => u.disponible)).toHaveLength(10);
    expect(S.takenByOther(ana, demoTag(1))).toBe('MR(93)');
    expect(S.selectableUnions(ana)).toEqual([]);
    expect(ana.outcome).toMatchObject({ kind: 'loaded', unions: 10, disponibles: 0 });
    expect(S.toggleUnion(ana, demoOt(1) + '+1').selected).toEqual([]);
    expect(S.selectAvailable(ana).selected).toEqual([]);
    expect(S.availability(ana)).toMatchObject({
      finish: 'why.nothing',
      selectAvailable: 'why.noneAvailable',
    });
    // What the sidebar refuses, the server refuses too: the same rule (finishRules.heldByOther).
    const refused = finishWork(env.ports(), {
      ot: demoOt(1),
      operation: 'ARM',
      workerId: 95,
      unionKeys: [demoOt(1) + '+1'],
      requestId: 'req-ana-1',
    });
    expect(refused.updated).toEqual([]);
    expect(refused.skipped).toEqual([{ key: '001+1', reason: 'El spool está ocupado por MR(93).' }]);
    // Ticked by MR(93), then the worker changes to AS(95): the tick goes.
    const mauricio = S.toggleUnion(screen(env, demoOt(1), 93), '001+1');
    expect(mauricio.selected).toEqual(['001+1']);
    expect(S.withWorker(mauricio, 95).selected).toEqual([]);
  });
});
