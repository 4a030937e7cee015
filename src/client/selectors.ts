// Read-only views of the sidebar's screen state: who may be chosen, which unions may be ticked (and why not),
// the live totals, the spool cards, and what each control needs before it may be used.

import { heldByOther, operationComplete } from '../domain/finishRules';
import { ROLES_FOR, type Operation } from '../domain/operation';
import type { MessageKey } from './i18n';
import type { Bootstrap, BootWorker, SpoolView, UnionItem } from './serverApi';
import type { ScreenState } from './state';

/** Active workers (bootstrap lists only those) holding a role for the operation: ARM Armador/Ayudante… */
export function workersFor(boot: Bootstrap | null, operation: Operation): BootWorker[] {
  if (!boot) return [];
  const allowed = ROLES_FOR[operation].map((r) => r.toLowerCase());
  return boot.workers.filter((w) => w.roles.some((role) => allowed.includes(role.trim().toLowerCase())));
}

export function currentWorker(state: ScreenState): BootWorker | null {
  return workersFor(state.boot, state.operation).find((w) => w.id === state.workerId) ?? null;
}

export const pulgadasOf = (unions: readonly UnionItem[]) =>
  Math.round(unions.reduce((sum, u) => sum + (typeof u.dn === 'number' ? u.dn : 0), 0) * 100) / 100;

/**
 * The worker a spool is taken by when that is not the chosen worker (finishRules.heldByOther: the server
 * skips its unions), else null. With no worker chosen, any taken spool is someone else's.
 */
export function takenByOther(state: ScreenState, tagSpool: string): string | null {
  const spool = state.list?.spools.find((s) => s.tagSpool === tagSpool);
  if (!spool) return null;
  return heldByOther(spool.ocupadoPor, currentWorker(state)?.display ?? null) ? spool.ocupadoPor : null;
}

/** A union may be ticked: disponible for the operation, and its spool not taken by someone else. */
export function isSelectable(state: ScreenState, union: UnionItem): boolean {
  return union.disponible && takenByOther(state, union.tagSpool) === null;
}

export function selectableUnions(state: ScreenState): UnionItem[] {
  return state.list ? state.list.unions.filter((u) => isSelectable(state, u)) : [];
}

/** The selection without what may no longer be ticked (another worker chosen, a list refreshed). */
export function prunedSelection(state: ScreenState): string[] {
  const allowed = new Set(selectableUnions(state).map((u) => u.key));
  return state.selected.filter((key) => allowed.has(key));
}

/** The live line: how many are selected out of how many may be, and their pulgadas (unreadable DN = 0). */
export function selectionSummary(state: ScreenState): { selected: number; of: number; pulgadas: number } {
  const chosen = new Set(state.selected);
  const unions = state.list ? state.list.unions.filter((u) => chosen.has(u.key)) : [];
  return { selected: unions.length, of: selectableUnions(state).length, pulgadas: pulgadasOf(unions) };
}

/**
 * The spools of the list whose every union needing the operation is done (finishRules.operationComplete:
 * SOLD leaves out the ARM-only types); a spool with an unreadable union row is not known to be complete.
 */
export function completeSpools(state: ScreenState): string[] {
  const operation = state.list?.operation ?? state.operation;
  return spoolCards(state)
    .filter(({ unions }) => unions.length > 0 && unions.every((u) => u.readable))
    .filter(({ unions }) =>
      operationComplete(
        unions.map((u) => ({ tipo: u.tipo, done: (operation === 'ARM' ? u.arm : u.sol).done })),
        operation,
        armOnlySettings(state),
      ),
    )
    .map(({ tag }) => tag);
}

/** Every spool listed is complete for the operation: nothing is left to tick, start or finish. */
export function listComplete(state: ScreenState): boolean {
  const cards = spoolCards(state);
  return cards.length > 0 && completeSpools(state).length === cards.length;
}

/** Spools the current worker holds (INICIAR done): FINALIZAR with nothing selected cancels them. */
export function spoolsHeldByWorker(state: ScreenState): SpoolView[] {
  const worker = currentWorker(state);
  if (!worker || !state.list) return [];
  return state.list.spools.filter((s) => s.ocupadoPor === worker.display);
}

/** The spools of the list, each once (a tag repeated in Operaciones is one card), with its unions. */
export interface SpoolCard {
  tag: string;
  /** The server's view of the spool (repetido when any of its rows says so); undefined: only in Uniones. */
  spool: SpoolView | undefined;
  unions: UnionItem[];
}

export function spoolCards(state: ScreenState): SpoolCard[] {
  if (!state.list) return [];
  const { spools, unions } = state.list;
  const tags: string[] = [];
  for (const tag of [...spools.map((s) => s.tagSpool), ...unions.map((u) => u.tagSpool)])
    if (!tags.includes(tag)) tags.push(tag);
  return tags.map((tag) => {
    const rows = spools.filter((s) => s.tagSpool === tag);
    const first = rows[0];
    const spool = first && { ...first, repetido: rows.length > 1 || rows.some((s) => s.repetido) };
    return { tag, spool, unions: unions.filter((u) => u.tagSpool === tag) };
  });
}

/** ARM-only union types of the bootstrap settings, as the shared rules take them. */
export function armOnlySettings(state: ScreenState): { armOnlyTypes: string[] } {
  return { armOnlyTypes: state.boot?.settings.armOnlyTypes ?? [] };
}

/** Per spool of the list, how many unions need SOLD (design §3: ARM-only types need none). */
export function soldNeededBySpool(state: ScreenState): Record<string, number> {
  const armOnly = new Set(armOnlySettings(state).armOnlyTypes.map((t) => t.trim().toUpperCase()));
  const counts: Record<string, number> = {};
  for (const u of state.list?.unions ?? [])
    counts[u.tagSpool] = (counts[u.tagSpool] ?? 0) + (armOnly.has(u.tipo.trim().toUpperCase()) ? 0 : 1);
  return counts;
}

/** Why a control is disabled (a catalogue key), or null when it may be used. */
export interface Availability {
  search: MessageKey | null;
  finish: MessageKey | null;
  selectAvailable: MessageKey | null;
}

export function availability(state: ScreenState): Availability {
  const busy: MessageKey | null = state.busy ? 'why.busy' : null;
  const search: MessageKey | null = busy ?? (state.otInput.trim() === '' ? 'why.noOt' : null);
  let finish: MessageKey | null = busy ?? (currentWorker(state) ? null : 'why.noWorker');
  if (!finish && !state.list) finish = 'why.notLoaded';
  if (!finish && state.selected.length === 0 && spoolsHeldByWorker(state).length === 0)
    finish = listComplete(state) ? 'why.complete' : 'why.nothing';
  let selectAvailable: MessageKey | null = busy ?? (state.list ? null : 'why.notLoaded');
  if (!selectAvailable && selectableUnions(state).length === 0) selectAvailable = 'why.noneAvailable';
  return { search, finish, selectAvailable };
}

/** INICIAR is offered for a free, unrepeated spool with something disponible, once a worker is chosen. */
export function mayStart(state: ScreenState, spool: SpoolView): boolean {
  if (!currentWorker(state) || !state.list || spool.ocupadoPor !== '' || spool.repetido) return false;
  return state.list.unions.some((u) => u.tagSpool === spool.tagSpool && u.disponible);
}
