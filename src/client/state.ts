// The sidebar's screen as one state object, and the pure functions over it: named transitions (what a tap
// changes) and selectors (totals, what is disabled and why, what FINALIZAR will do per spool).

import type { FinishWorkRequest, SpoolAction } from '../app/finishWork';
import type { StartWorkRequest } from '../app/startWork';
import { ROLES_FOR, type Operation } from '../domain/operation';
import type { Locale, MessageKey } from './i18n';
import type { CallErrorCode } from './serverClient';
import type {
  Bootstrap,
  BootWorker,
  FinishResult,
  JobStatusView,
  SpoolView,
  StartResult,
  UnionItem,
  UnionList,
} from './serverApi';
import { toUnionItem } from './serverApi';

/** One user intent: retried as is (same requestId) by Reintentar. */
export type Intent =
  | { kind: 'bootstrap' }
  | { kind: 'load'; ot: string; operation: Operation }
  | { kind: 'start'; request: StartWorkRequest }
  | { kind: 'finish'; request: FinishWorkRequest }
  | { kind: 'job' };

export type Busy = Intent['kind'] | null;

/** The last outcome, shown in the role=status region. */
export type Outcome =
  | { kind: 'loaded'; ot: string; operation: Operation; unions: number; disponibles: number }
  | { kind: 'started'; result: StartResult }
  | {
      kind: 'finished';
      result: FinishResult;
      /** Per spool, how many of its unions need SOLD (ARM-only types excluded), from the list shown. */
      soldNeeded: Record<string, number>;
    };

export interface ScreenError {
  code: CallErrorCode;
  /** The server's text without its code ('' when it sent none). */
  detail: string;
  retry: Intent;
}

/** A union list with `dn` possibly null (unreadable DN_UNION cell). */
export type LoadedList = Omit<UnionList, 'unions'> & { unions: UnionItem[] };

export interface ScreenState {
  locale: Locale;
  boot: Bootstrap | null;
  operation: Operation;
  workerId: number | null;
  otInput: string;
  recentOts: string[];
  list: LoadedList | null;
  /** Selected union keys, in the order of the list. */
  selected: string[];
  busy: Busy;
  confirming: boolean;
  outcome: Outcome | null;
  error: ScreenError | null;
  job: JobStatusView | null;
}

export function initialState(locale: Locale, recentOts: string[] = []): ScreenState {
  return {
    locale,
    boot: null,
    operation: 'ARM',
    workerId: null,
    otInput: '',
    recentOts,
    list: null,
    selected: [],
    busy: null,
    confirming: false,
    outcome: null,
    error: null,
    job: null,
  };
}

// ---- selectors ----

/** Active workers (bootstrap lists only those) holding a role for the operation: ARM Armador/Ayudante… */
export function workersFor(boot: Bootstrap | null, operation: Operation): BootWorker[] {
  if (!boot) return [];
  const allowed = ROLES_FOR[operation].map((r) => r.toLowerCase());
  return boot.workers.filter((w) => w.roles.some((role) => allowed.includes(role.trim().toLowerCase())));
}

export function currentWorker(state: ScreenState): BootWorker | null {
  return workersFor(state.boot, state.operation).find((w) => w.id === state.workerId) ?? null;
}

const pulgadasOf = (unions: readonly UnionItem[]) =>
  Math.round(unions.reduce((sum, u) => sum + (typeof u.dn === 'number' ? u.dn : 0), 0) * 100) / 100;

export function selectableUnions(state: ScreenState): UnionItem[] {
  return state.list ? state.list.unions.filter((u) => u.disponible) : [];
}

/** The live line: how many are selected out of how many may be, and their pulgadas (unreadable DN = 0). */
export function selectionSummary(state: ScreenState): { selected: number; of: number; pulgadas: number } {
  const chosen = new Set(state.selected);
  const unions = state.list ? state.list.unions.filter((u) => chosen.has(u.key)) : [];
  return { selected: unions.length, of: selectableUnions(state).length, pulgadas: pulgadasOf(unions) };
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

/** ARM-only union types of the bootstrap settings, normalised (trimmed, upper case). */
function armOnlyTypes(state: ScreenState): Set<string> {
  return new Set((state.boot?.settings.armOnlyTypes ?? []).map((t) => t.trim().toUpperCase()));
}

/** Per spool of the list, how many unions need SOLD (design §3: ARM-only types need none). */
export function soldNeededBySpool(state: ScreenState): Record<string, number> {
  const armOnly = armOnlyTypes(state);
  const counts: Record<string, number> = {};
  for (const u of state.list?.unions ?? [])
    counts[u.tagSpool] = (counts[u.tagSpool] ?? 0) + (armOnly.has(u.tipo.trim().toUpperCase()) ? 0 : 1);
  return counts;
}

/**
 * Whether Reintentar can help: a lost connection, a timeout, a busy or failing server, an unknown failure,
 * or a stale list (CONFLICT, whose retry reloads the OT). A missing OT, a refused or invalid request stays
 * as it is when resent.
 */
export function retryable(error: Pick<ScreenError, 'code' | 'retry'>): boolean {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'BUSY':
    case 'INTERNAL':
    case 'UNKNOWN':
      return true;
    case 'CONFLICT':
      return error.retry.kind === 'load';
    default:
      return false;
  }
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
    finish = 'why.nothing';
  let selectAvailable: MessageKey | null = busy ?? (state.list ? null : 'why.notLoaded');
  if (!selectAvailable && selectableUnions(state).length === 0) selectAvailable = 'why.noneAvailable';
  return { search, finish, selectAvailable };
}

/** INICIAR is offered for a free, unrepeated spool with something disponible, once a worker is chosen. */
export function mayStart(state: ScreenState, spool: SpoolView): boolean {
  if (!currentWorker(state) || !state.list || spool.ocupadoPor !== '' || spool.repetido) return false;
  return state.list.unions.some((u) => u.tagSpool === spool.tagSpool && u.disponible);
}

export interface PlanLine {
  tagSpool: string;
  action: SpoolAction;
  unions: number;
  pulgadas: number;
}

/**
 * What FINALIZAR will do per spool, as the server decides it (design §3): COMPLETAR when every union that
 * needs the operation is done after the write, PAUSAR otherwise, CANCELAR for a held spool with nothing
 * selected. ARM-only types (settings) need no SOLD.
 */
export function finishPlan(state: ScreenState): PlanLine[] {
  if (!state.list) return [];
  const { operation } = state;
  const armOnly = armOnlyTypes(state);
  const chosen = new Set(state.selected);
  const held = new Set(spoolsHeldByWorker(state).map((s) => s.tagSpool));
  const tags: string[] = [];
  for (const u of state.list.unions)
    if (chosen.has(u.key) && !tags.includes(u.tagSpool)) tags.push(u.tagSpool);
  for (const s of state.list.spools)
    if (held.has(s.tagSpool) && !tags.includes(s.tagSpool)) tags.push(s.tagSpool);
  return tags.map((tagSpool) => {
    const ofSpool = state.list!.unions.filter((u) => u.tagSpool === tagSpool);
    const mine = ofSpool.filter((u) => chosen.has(u.key));
    const needing =
      operation === 'ARM' ? ofSpool : ofSpool.filter((u) => !armOnly.has(u.tipo.trim().toUpperCase()));
    const complete = needing.every(
      (u) => chosen.has(u.key) || (operation === 'ARM' ? u.arm.done : u.sol.done),
    );
    const action: SpoolAction = mine.length === 0 ? 'CANCELAR' : complete ? 'COMPLETAR' : 'PAUSAR';
    return { tagSpool, action, unions: mine.length, pulgadas: pulgadasOf(mine) };
  });
}

/** The spools FINALIZAR will release: those of the plan the worker holds (INICIAR done). */
export function releasedByFinish(state: ScreenState): string[] {
  const held = new Set(spoolsHeldByWorker(state).map((s) => s.tagSpool));
  return finishPlan(state)
    .map((line) => line.tagSpool)
    .filter((tag) => held.has(tag));
}

// ---- transitions (pure: state in, state out) ----

export function withBootstrap(
  state: ScreenState,
  boot: Bootstrap,
  rememberedWorker: number | null,
): ScreenState {
  const next = { ...state, boot, busy: null, error: null };
  const known = workersFor(boot, state.operation).some((w) => w.id === rememberedWorker);
  return { ...next, workerId: known ? rememberedWorker : null };
}

/** Changing the operation empties the list (its disponibles are per operation) and the selection. */
export function withOperation(
  state: ScreenState,
  operation: Operation,
  rememberedWorker: number | null,
): ScreenState {
  if (operation === state.operation) return state;
  const candidates = workersFor(state.boot, operation);
  const keep = candidates.some((w) => w.id === state.workerId)
    ? state.workerId
    : candidates.some((w) => w.id === rememberedWorker)
      ? rememberedWorker
      : null;
  return { ...state, operation, workerId: keep, list: null, selected: [], confirming: false, outcome: null };
}

export function withWorker(state: ScreenState, workerId: number | null): ScreenState {
  return { ...state, workerId, confirming: false };
}

export function withOtInput(state: ScreenState, otInput: string): ScreenState {
  return { ...state, otInput };
}

export function toggleUnion(state: ScreenState, key: string): ScreenState {
  if (state.busy || !state.list) return state;
  const union = state.list.unions.find((u) => u.key === key);
  if (!union || !union.disponible) return state;
  const chosen = new Set(state.selected);
  if (chosen.has(key)) chosen.delete(key);
  else chosen.add(key);
  return { ...state, selected: state.list.unions.filter((u) => chosen.has(u.key)).map((u) => u.key) };
}

export function selectAvailable(state: ScreenState): ScreenState {
  if (state.busy) return state;
  return { ...state, selected: selectableUnions(state).map((u) => u.key) };
}

export function clearSelection(state: ScreenState): ScreenState {
  return state.busy ? state : { ...state, selected: [] };
}

export function begin(state: ScreenState, intent: Intent): ScreenState {
  // A new outcome replaces the last one; the metrics job reports in its own area.
  const outcome = intent.kind === 'job' ? state.outcome : null;
  return { ...state, busy: intent.kind, error: null, confirming: false, outcome };
}

/**
 * A call failed. When it was loading an OT (Buscar, a recent OT, a reload), the list below is not the one
 * asked for: it is cleared, so nothing of the previous OT can be started or recorded by mistake.
 */
export function failed(state: ScreenState, error: ScreenError, failedIntent?: Intent): ScreenState {
  if (failedIntent?.kind === 'load')
    return { ...state, busy: null, error, list: null, selected: [], confirming: false, outcome: null };
  return { ...state, busy: null, error };
}

export function dismissError(state: ScreenState): ScreenState {
  return { ...state, error: null };
}

const MAX_RECENT_OTS = 8;

export function withLoadedList(state: ScreenState, list: UnionList): ScreenState {
  const unions = list.unions.map(toUnionItem);
  const recentOts = [list.ot, ...state.recentOts.filter((ot) => ot !== list.ot)].slice(0, MAX_RECENT_OTS);
  return {
    ...state,
    busy: null,
    list: { ...list, unions },
    selected: [],
    recentOts,
    outcome: {
      kind: 'loaded',
      ot: list.ot,
      operation: list.operation,
      unions: unions.length,
      disponibles: unions.filter((u) => u.disponible).length,
    },
  };
}

/** INICIAR answered: the spool shows as taken by the worker, with the server's time. */
export function withStarted(state: ScreenState, result: StartResult): ScreenState {
  const list = state.list && {
    ...state.list,
    spools: state.list.spools.map((s) =>
      s.tagSpool === result.tagSpool
        ? {
            ...s,
            ocupadoPor: result.ocupadoPor,
            fechaOcupacion: result.fechaOcupacion,
            estadoDetalle: result.estadoDetalle,
          }
        : s,
    ),
  };
  return { ...state, busy: null, list, outcome: { kind: 'started', result } };
}

/**
 * FINALIZAR answered: recorded unions show as done by the worker and are no longer selectable, involved
 * spools are released, the selection is emptied. No second call to re-list (one call per action).
 */
export function withFinished(state: ScreenState, result: FinishResult): ScreenState {
  const worker = currentWorker(state);
  // A replayed result may be kept as a summary where `updated` is a count: then nothing is patched.
  const updated = new Set(Array.isArray(result.updated) ? result.updated : []);
  const released = new Set((Array.isArray(result.spools) ? result.spools : []).map((s) => s.tagSpool));
  const side = result.operation === 'ARM' ? 'arm' : 'sol';
  const list = state.list && {
    ...state.list,
    spools: state.list.spools.map((s) =>
      released.has(s.tagSpool) ? { ...s, ocupadoPor: '', fechaOcupacion: '', estadoDetalle: '' } : s,
    ),
    unions: state.list.unions.map((u) =>
      updated.has(u.key)
        ? {
            ...u,
            disponible: false,
            reason: '',
            [side]: { ...u[side], done: true, worker: worker?.display ?? '', fin: '' },
          }
        : u,
    ),
  };
  const outcome: Outcome = { kind: 'finished', result, soldNeeded: soldNeededBySpool(state) };
  return { ...state, busy: null, list, selected: [], outcome };
}

export function withJob(state: ScreenState, job: JobStatusView, stillRunning: boolean): ScreenState {
  return { ...state, job, busy: stillRunning ? 'job' : null };
}
