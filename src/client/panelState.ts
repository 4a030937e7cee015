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
  /**
   * The date field as typed, shown `DD-MM-YYYY` like every date of the sheet and the sidebar (a text field,
   * not the browser's date input, whose format follows the device); '' until the sheet's today is known.
   */
  date: string;
  /** Ver día was pressed on a date field that is not a day: the field says so, no call is made. */
  dateError: boolean;
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
   * The capacity line the last refresh (menu, hourly trigger) wrote on Resumen, read each time the Panel
   * opens, beside the section's own call and never blocking it: idle until then, `loading` (keeping the view
   * read before), `failed` with the detail.
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
    dateError: false,
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

/** What the date field accepts (its `pattern`): day, month, year separated by `-`, `/` or `.`. */
export const DATE_FIELD_PATTERN = '\\d{1,2}[\\-\\/\\.]\\d{1,2}[\\-\\/\\.]\\d{4}';

/**
 * The date field as typed → `DD-MM-YYYY` (the server's day): `7-12-2026`, `07/12/2026` and `07.12.2026`
 * become `07-12-2026`; '' when it is not a day of the calendar (31-02-2026, 2026-12-07, text).
 */
export function fieldToDay(field: string): string {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(field.trim());
  if (!m) return '';
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return '';
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return two(d) + '-' + two(mo) + '-' + y;
}

/**
 * Today as the date field holds it, in the spreadsheet's time zone (the server's "today" of design §2), else
 * the device's when the zone is unknown to the browser.
 */
export function todayField(nowMs: number, timeZone: string | undefined): string {
  const { day, month, year } = todayIn(nowMs, timeZone);
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return two(day) + '-' + two(month) + '-' + year;
}

/** Today's day, month and year in the spreadsheet's time zone (design §2), for `shortTime` and the field. */
export function todayIn(
  nowMs: number,
  timeZone: string | undefined,
): { day: number; month: number; year: number } {
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
  return { day: Number(p.day), month: Number(p.month), year: Number(p.year) };
}

// ---- transitions (pure: panel in, panel out) ----

export function withTab(panel: PanelState, tab: PanelTab): PanelState {
  return tab === panel.tab ? panel : { ...panel, tab };
}

/** The date field edited: what was typed, and no error until Ver día is pressed again. */
export function withDate(panel: PanelState, date: string): PanelState {
  return { ...panel, date, dateError: false };
}

/** Ver día on a field that is not a day: said next to the field, nothing asked of the server. */
export function withDateError(panel: PanelState): PanelState {
  return { ...panel, dateError: true };
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
  return { ...panel, busy: null, day, date: day.date || panel.date, dateError: false };
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
