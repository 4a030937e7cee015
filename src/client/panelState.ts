// The Panel's part of the screen state (issue 16 §10) and its named transitions: which section is shown,
// the day, the occupied spools, a release being written and confirmed, a spool's history. Pure.

import type { ReleaseSpoolRequest } from '../app/panel/releaseSpool';
import type { SpoolHistoryRequest } from '../app/panel/spoolHistory';
import type { WorkerDayRequest } from '../app/panel/workerDay';
import type { MessageKey } from './i18n';
import type { CallErrorCode } from './serverClient';
import type {
  LastCapacityView,
  OccupiedList,
  ReleaseResult,
  SpoolHistoryView,
  SummaryView,
  WorkerDayView,
} from './serverApi';

/** The sidebar's top-level views: the recording form, or the Panel beside it. */
export type View = 'record' | 'panel';
export type PanelTab = 'day' | 'occupied' | 'history';

/** One Panel intent: Reintentar resends it as is (a release keeps its requestId: nothing written twice). */
export type PanelIntent =
  | { kind: 'day'; request: WorkerDayRequest }
  | { kind: 'occupied' }
  | { kind: 'release'; request: ReleaseSpoolRequest }
  | { kind: 'history'; request: SpoolHistoryRequest }
  /** Actualizar Resumen: rewrites the Resumen sheet (a write, under the lock) and answers the capacity. */
  | { kind: 'summary' };

export interface PanelError {
  code: CallErrorCode;
  detail: string;
  retry: PanelIntent;
}

/** Liberar pressed on a spool: the reason being written, then (`confirming`) the confirmation shown. */
export interface ReleaseDraft {
  tagSpool: string;
  reason: string;
  confirming: boolean;
}

export interface PanelState {
  tab: PanelTab;
  busy: PanelIntent['kind'] | null;
  error: PanelError | null;
  /** The date field, `YYYY-MM-DD` (what <input type=date> holds); '' until the sheet's today is known. */
  date: string;
  day: WorkerDayView | null;
  occupied: OccupiedList | null;
  draft: ReleaseDraft | null;
  /** The last release answered (shown in the status line until another Panel call). */
  released: ReleaseResult | null;
  /** The spool typed or picked for Historial. */
  spoolInput: string;
  history: SpoolHistoryView | null;
  /** The last Resumen refresh of this session (its capacity line is shown under every section). */
  summary: SummaryView | null;
  /**
   * The capacity line the last refresh (menu, hourly trigger) wrote on Resumen, read once when the Panel
   * opens, beside the section's own call and never blocking it: idle until then, `failed` with the detail.
   */
  capacity: {
    status: 'idle' | 'loading' | 'ready' | 'failed';
    view: LastCapacityView | null;
    detail: string;
  };
}

export function initialPanel(): PanelState {
  return {
    tab: 'day',
    busy: null,
    error: null,
    date: '',
    day: null,
    occupied: null,
    draft: null,
    released: null,
    spoolInput: '',
    history: null,
    summary: null,
    capacity: { status: 'idle', view: null, detail: '' },
  };
}

/** `YYYY-MM-DD` (date field) → `DD-MM-YYYY` (the server's day); '' when it is not a date. */
export function fieldToDay(field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(field.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

/** `DD-MM-YYYY` → `YYYY-MM-DD`; '' when it is not one. */
export function dayToField(day: string): string {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(day.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

/**
 * Today as the date field holds it, in the spreadsheet's time zone (the server's "today" of design §2), else
 * the device's when the zone is unknown to the browser.
 */
export function todayField(nowMs: number, timeZone: string | undefined): string {
  const parts = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(nowMs)
      .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  let p: Record<string, string>;
  try {
    p = parts(timeZone);
  } catch {
    p = parts(undefined);
  }
  return `${p.year}-${p.month}-${p.day}`;
}

/** `todayField` as the day, month and year `shortTime` compares with (design §2: the spreadsheet's zone). */
export function todayIn(
  nowMs: number,
  timeZone: string | undefined,
): { day: number; month: number; year: number } {
  const [year = 0, month = 0, day = 0] = todayField(nowMs, timeZone).split('-').map(Number);
  return { day, month, year };
}

// ---- transitions (pure: panel in, panel out) ----

export function withTab(panel: PanelState, tab: PanelTab): PanelState {
  return tab === panel.tab ? panel : { ...panel, tab };
}

export function withDate(panel: PanelState, date: string): PanelState {
  return { ...panel, date };
}

export function withSpoolInput(panel: PanelState, spoolInput: string): PanelState {
  return { ...panel, spoolInput };
}

/** Liberar on a spool: its reason field opens (another spool's draft is dropped). */
export function askRelease(panel: PanelState, tagSpool: string): PanelState {
  if (panel.busy) return panel;
  return { ...panel, draft: { tagSpool, reason: '', confirming: false }, released: null };
}

export function withReason(panel: PanelState, reason: string): PanelState {
  return panel.draft ? { ...panel, draft: { ...panel.draft, reason, confirming: false } } : panel;
}

/** Continuar: the confirmation opens, only with a reason written (the server refuses a blank one). */
export function reviewRelease(panel: PanelState): PanelState {
  if (!panel.draft || panel.busy || panel.draft.reason.trim() === '') return panel;
  return { ...panel, draft: { ...panel.draft, confirming: true } };
}

/** Volver in the confirmation: back to the reason (kept). */
export function backToReason(panel: PanelState): PanelState {
  return panel.draft ? { ...panel, draft: { ...panel.draft, confirming: false } } : panel;
}

/** Volver under the reason: no release. */
export function dropRelease(panel: PanelState): PanelState {
  return panel.busy === 'release' ? panel : { ...panel, draft: null };
}

/** A call starts: the last error and release note go; the confirmation closes (the draft stays for a retry). */
export function beginPanel(panel: PanelState, intent: PanelIntent): PanelState {
  const draft = panel.draft && { ...panel.draft, confirming: false };
  return { ...panel, busy: intent.kind, error: null, released: null, draft };
}

export function panelFailed(panel: PanelState, error: PanelError): PanelState {
  return { ...panel, busy: null, error };
}

export function dismissPanelError(panel: PanelState): PanelState {
  return { ...panel, error: null };
}

/** The day answered: the date field shows the day the server read. */
export function withDay(panel: PanelState, day: WorkerDayView): PanelState {
  return { ...panel, busy: null, day, date: dayToField(day.date) || panel.date };
}

/** The occupied list answered; a draft for a spool no longer held is dropped. */
export function withOccupied(panel: PanelState, occupied: OccupiedList): PanelState {
  const held = panel.draft && occupied.spools.some((s) => s.tagSpool === panel.draft!.tagSpool);
  return { ...panel, busy: null, occupied, draft: held ? panel.draft : null };
}

/** The release answered: the spool leaves the list now; the re-read that follows replaces the list. */
export function withReleased(panel: PanelState, result: ReleaseResult): PanelState {
  const occupied = panel.occupied && {
    ...panel.occupied,
    spools: panel.occupied.spools.filter((s) => s.tagSpool !== result.tagSpool),
  };
  return { ...panel, busy: null, released: result, draft: null, occupied };
}

export function withSummary(panel: PanelState, summary: SummaryView): PanelState {
  return { ...panel, busy: null, summary };
}

/** The capacity read began, answered or failed (its failure is said in the card, not as the Panel's error). */
export function withCapacity(panel: PanelState, capacity: PanelState['capacity']): PanelState {
  return { ...panel, capacity };
}

export function withHistory(panel: PanelState, history: SpoolHistoryView): PanelState {
  return { ...panel, busy: null, history };
}

/** Why Continuar (to the release confirmation) cannot be used yet; null when it can. */
export function releaseBlocker(panel: PanelState, workerId: number | null): MessageKey | null {
  if (workerId === null) return 'release.why.noWorker';
  if (!panel.draft || panel.draft.reason.trim() === '') return 'release.why.noReason';
  return null;
}

/** Whether a Panel intent only reads (a lost answer saved nothing). */
export function isPanelRead(intent: PanelIntent): boolean {
  return intent.kind !== 'release' && intent.kind !== 'summary';
}

/**
 * The button a Panel error gets: Recargar (the occupied list again) when a release met a CONFLICT (the spool
 * was freed meanwhile), Reintentar when resending can help, none for a refused or invalid request.
 */
export function panelErrorAction(error: Pick<PanelError, 'code' | 'retry'>): 'retry' | 'reload' | null {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'BUSY':
    case 'INTERNAL':
    case 'UNKNOWN':
      return 'retry';
    case 'CONFLICT':
      return error.retry.kind === 'occupied' ? 'reload' : null;
    default:
      return null;
  }
}
