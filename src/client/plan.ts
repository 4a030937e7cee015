// What FINALIZAR will do per spool, decided by the server's own rule (src/domain/finishRules.ts) over the
// list shown, so the confirmation never promises what the server then refuses.

import { operationComplete, spoolDecision, type SpoolAction } from '../domain/finishRules';
import { armOnlySettings, pulgadasOf, spoolsHeldByWorker } from './selectors';
import type { ScreenState } from './state';

export interface PlanLine {
  tagSpool: string;
  action: SpoolAction;
  unions: number;
  pulgadas: number;
  /** Complete after the write, but a union row of the spool could not be read: PAUSAR, not COMPLETAR. */
  blocked: boolean;
}

/**
 * Per spool with a selected union, or held by the worker: the action the server will take (design §3,
 * finishRules.spoolDecision). Completion counts the readable rows with the selection done; an unreadable
 * row of the spool holds COMPLETAR back, as on the server.
 */
export function finishPlan(state: ScreenState): PlanLine[] {
  const list = state.list;
  if (!list) return [];
  const { operation } = state;
  const chosen = new Set(state.selected);
  const held = new Set(spoolsHeldByWorker(state).map((s) => s.tagSpool));
  const tags: string[] = [];
  for (const u of list.unions) if (chosen.has(u.key) && !tags.includes(u.tagSpool)) tags.push(u.tagSpool);
  for (const s of list.spools) if (held.has(s.tagSpool) && !tags.includes(s.tagSpool)) tags.push(s.tagSpool);
  return tags.map((tagSpool) => {
    const ofSpool = list.unions.filter((u) => u.tagSpool === tagSpool);
    const mine = ofSpool.filter((u) => chosen.has(u.key));
    const progress = ofSpool
      .filter((u) => u.readable)
      .map((u) => ({
        tipo: u.tipo,
        done: chosen.has(u.key) || (operation === 'ARM' ? u.arm.done : u.sol.done),
      }));
    const complete = operationComplete(progress, operation, armOnlySettings(state));
    const unreadableRows = ofSpool.filter((u) => !u.readable).length;
    const { action, blocked } = spoolDecision({ recorded: mine.length, complete, unreadableRows });
    return { tagSpool, action, unions: mine.length, pulgadas: pulgadasOf(mine), blocked };
  });
}

/** The spools FINALIZAR will release: those of the plan the worker holds (INICIAR done). */
export function releasedByFinish(state: ScreenState): string[] {
  const held = new Set(spoolsHeldByWorker(state).map((s) => s.tagSpool));
  return finishPlan(state)
    .map((line) => line.tagSpool)
    .filter((tag) => held.has(tag));
}
