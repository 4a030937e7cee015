// The sidebar's screen as one state object and its named transitions (what a tap or an answer changes);
// selectors.ts, plan.ts and failures.ts read it.

import type { FinishWorkRequest } from '../app/finishWork';
import type { StartWorkRequest } from '../app/startWork';
import type { Operation } from '../domain/operation';
import type { Locale } from './i18n';
import { initialPanel, type PanelState, type View } from './panelState';
import {
  currentWorker,
  isSelectable,
  prunedSelection,
  selectableUnions,
  soldNeededBySpool,
  workersFor,
} from './selectors';
import type { CallErrorCode } from './serverClient';
import type { Bootstrap, FinishResult, JobStatusView, StartResult, UnionItem, UnionList } from './serverApi';
import { toUnionItem } from './serverApi';

// The selectors and the plan live in their own modules; the state's users get them here too.
export * from './failures';
export * from './plan';
export * from './selectors';

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
  | { kind: 'booted'; warnings: string[] }
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
  /** Registrar (the recording form) or the Panel; the Panel's own state in `panel` (panelState.ts). */
  view: View;
  panel: PanelState;
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
    view: 'record',
    panel: initialPanel(),
  };
}

// ---- transitions (pure: state in, state out) ----

export function withBootstrap(
  state: ScreenState,
  boot: Bootstrap,
  rememberedWorker: number | null,
): ScreenState {
  const warnings = warningsOf(boot);
  const outcome: Outcome | null = warnings.length > 0 ? { kind: 'booted', warnings } : state.outcome;
  const next = { ...state, boot, busy: null, error: null, outcome };
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

/** Another worker: unions of spools taken by someone else than the new worker are unticked. */
export function withWorker(state: ScreenState, workerId: number | null): ScreenState {
  const next = { ...state, workerId, confirming: false };
  const outcome = state.outcome?.kind === 'loaded' ? loadedOutcome(next) : state.outcome;
  return { ...next, selected: prunedSelection(next), outcome };
}

export function withOtInput(state: ScreenState, otInput: string): ScreenState {
  return { ...state, otInput };
}

export function toggleUnion(state: ScreenState, key: string): ScreenState {
  if (state.busy || !state.list) return state;
  const union = state.list.unions.find((u) => u.key === key);
  if (!union || !isSelectable(state, union)) return state;
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
  const next = { ...state, busy: null, list: { ...list, unions }, selected: [], recentOts };
  return { ...next, outcome: loadedOutcome(next) };
}

/** "OT … · disponibles para ARM: n": n counts what this worker may tick (not another's spool). */
function loadedOutcome(state: ScreenState): Outcome | null {
  if (!state.list) return null;
  return {
    kind: 'loaded',
    ot: state.list.ot,
    operation: state.list.operation,
    unions: state.list.unions.length,
    disponibles: selectableUnions(state).length,
  };
}

/**
 * The unions of the OT shown, read again after INICIAR (another tab may have recorded some): the list and
 * the selection follow the sheet, the INICIAR outcome stays.
 */
export function withRefreshedList(state: ScreenState, list: UnionList): ScreenState {
  const next = { ...state, busy: null, list: { ...list, unions: list.unions.map(toUnionItem) } };
  return { ...next, selected: prunedSelection(next) };
}

/**
 * The read after INICIAR failed: the spool was taken (its outcome stays), but the list is no longer known
 * to be the sheet's, so it is cleared until the OT is loaded again.
 */
export function refreshFailed(state: ScreenState, error: ScreenError): ScreenState {
  return { ...state, busy: null, error, list: null, selected: [], confirming: false };
}

/** The warnings an answer carries (work saved, something after it failed), [] when it has none. */
export function warningsOf(answer: unknown): string[] {
  const warnings = (answer as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : [];
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
