// What FINALIZAR does per spool, and whose spool's unions a worker may record (design §3, issue 7 §3, issue
// 14): one rule shared by the server (src/app/finishWork.ts) and the sidebar's confirmation
// (src/client/plan.ts), so the dialog promises what the server then does.

import type { Operation } from './operation';
import { needsSold, type Settings } from './settings';

/** The spool-level outcome of a FINALIZAR, in the shared sheet's vocabulary (design §2). */
export type SpoolAction = 'COMPLETAR' | 'PAUSAR' | 'CANCELAR';

/** A readable union as the decision sees it: its type, and whether `operation` is done once the write lands. */
export interface UnionProgress {
  tipo: string;
  done: boolean;
}

/**
 * Every union of the spool that needs `operation` is done: ARM counts all of them, SOLD all but the ARM-only
 * types (settings). False for a spool with no such union.
 */
export function operationComplete(
  unions: readonly UnionProgress[],
  operation: Operation,
  settings: Pick<Settings, 'armOnlyTypes'>,
): boolean {
  const relevant = operation === 'ARM' ? unions : unions.filter((u) => needsSold(u.tipo, settings));
  return relevant.length > 0 && relevant.every((u) => u.done);
}

/**
 * The action for one spool of a FINALIZAR: CANCELAR when none of its unions is recorded (`recorded` 0),
 * COMPLETAR when the operation is complete after the write and no union row of the spool is unreadable,
 * PAUSAR otherwise. `blocked`: complete but held back by an unreadable row (no decision on a cell that could
 * not be read; the server warns, naming the cell).
 */
export function spoolDecision(input: { recorded: number; complete: boolean; unreadableRows: number }): {
  action: SpoolAction;
  blocked: boolean;
} {
  const blocked = input.complete && input.recorded > 0 && input.unreadableRows > 0;
  const action: SpoolAction =
    input.recorded === 0 ? 'CANCELAR' : input.complete && !blocked ? 'COMPLETAR' : 'PAUSAR';
  return { action, blocked };
}

/**
 * A spool taken by someone other than `display` (its Ocupado_Por set to another worker): `display` records
 * none of its unions. `display` null (no worker chosen yet): any taken spool counts as someone else's.
 */
export function heldByOther(ocupadoPor: string, display: string | null): boolean {
  return ocupadoPor !== '' && ocupadoPor !== display;
}
