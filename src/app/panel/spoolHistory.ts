// apiSpoolHistory (issue 16 §4): a spool's audit events, newest first, and its work sessions (INICIAR to the
// PAUSAR / COMPLETAR / CANCELAR that ends it), from the rows one TextFinder search on TAG_SPOOL finds.

import {
  findRowsOfSpool,
  isUnionEvent,
  operationOf,
  readAuditRows,
  type AuditRow,
} from '../../data/metadataQueries';
import { SHEETS } from '../../data/productionHeaders';
import { retryOnStaleHeader } from '../../data/unitOfWork';
import { formatDateTime } from '../../domain/dates';
import type { Operation } from '../../domain/operation';
import type { Ports } from '../../ports';
import { openRequest } from '../request';

export interface SpoolHistoryRequest {
  tagSpool: string;
  /** Events answered at most (default 50). */
  limit?: number;
}

/**
 * One event of the spool. A FINALIZAR's per-union rows and its batch summary are folded into its spool event
 * (same Timestamp, worker and operation, next to it in the log): `unions` lists their N_UNIONs.
 */
export interface HistoryEvent {
  /** `DD-MM-YYYY HH:MM:SS`; null when the Timestamp cannot be read (named in `warnings`). */
  at: string | null;
  /** Evento_Tipo as written (`COMPLETAR_ARM`, `SPOOL_CANCELADO`, `ERROR`, …). */
  type: string;
  accion: string;
  operation: Operation | null;
  /** Worker_Nombre as written (`MR(93)`), else the Worker_ID; '' when neither. */
  worker: string;
  unions: number[];
  /** A release from the Panel (SPOOL_CANCELADO whose Metadata_JSON names who released and why), else null. */
  release: Release | null;
}

/** Who freed a spool someone left taken, and the reason written (apiReleaseSpool's Metadata_JSON). */
export interface Release {
  /** `released_by` as logged (`MR(93)`). */
  by: string;
  reason: string;
}

/** `abierta`: no event ends it yet; `sin cierre`: another INICIAR came before anything ended it. */
export type SessionOutcome = 'PAUSAR' | 'COMPLETAR' | 'CANCELAR' | 'abierta' | 'sin cierre';

export interface WorkSession {
  operation: Operation | null;
  worker: string;
  from: string;
  /** null while `abierta` or `sin cierre`. */
  to: string | null;
  /** Whole minutes from `from` to `to`, or until now while `abierta`; null for `sin cierre`. */
  minutes: number | null;
  outcome: SessionOutcome;
  /** The session was ended by a release (its outcome is CANCELAR): who released it and why; else null. */
  release: Release | null;
}

export interface SpoolHistoryResult {
  tagSpool: string;
  /** Newest first, at most `limit`. */
  events: HistoryEvent[];
  /** Newest first, from the events read. */
  sessions: WorkSession[];
  /** More events exist than `limit` (or than the rows read). */
  truncated: boolean;
  warnings: string[];
}

export const DEFAULT_HISTORY_LIMIT = 50;
/** Rows read at most: a FINALIZAR writes up to 22 rows, so this covers `limit` events in any realistic log. */
const ROWS_PER_EVENT = 25;
const CLOSING: Record<string, SessionOutcome> = {
  PAUSAR: 'PAUSAR',
  COMPLETAR: 'COMPLETAR',
  CANCELAR: 'CANCELAR',
};

const workerOf = (row: AuditRow) => row.workerNombre || (row.workerId === null ? '' : String(row.workerId));
const isSpoolLevel = (row: AuditRow) => !/^UNION_(ARM|SOLD)_REGISTRADA$/.test(row.type);

/** A SPOOL_CANCELADO logged by apiReleaseSpool: `released_by` and `reason` read from its Metadata_JSON. */
export function releaseOf(row: AuditRow): Release | null {
  if (row.type !== 'SPOOL_CANCELADO' || row.json === null) return null;
  const { released_by: by, reason } = row.json;
  if (typeof by !== 'string' || typeof reason !== 'string') return null;
  return { by: by.trim() || workerOf(row), reason: reason.trim() };
}

/**
 * The spool's history (issue 16 §4). Reads: Metadata's header (document cache), one TextFinder search on
 * TAG_SPOOL, and the newest rows found (up to `limit` × 25), one read per block of neighbouring rows. Rows
 * are taken in log order (append order). No lock, no write.
 */
export function spoolHistory(ports: Ports, request: SpoolHistoryRequest): SpoolHistoryResult {
  return retryOnStaleHeader(() => historyOnce(ports, request));
}

function historyOnce(ports: Ports, request: SpoolHistoryRequest): SpoolHistoryResult {
  const scope = openRequest(ports);
  const { uow } = scope;
  uow.prefetch([], [SHEETS.metadata]);
  const limit = request.limit ?? DEFAULT_HISTORY_LIMIT;
  const found = findRowsOfSpool(uow, request.tagSpool).sort((a, b) => a - b);
  const cap = limit * ROWS_PER_EVENT;
  const rows = readAuditRows(uow, found.slice(-cap));
  const tz = uow.timeZone();
  const time = (t: number | null) => (t === null ? null : formatDateTime(t, tz));
  const warnings = rows.filter((r) => r.timestampIssue !== null).map((r) => `${r.timestampIssue}.`);

  // Fold each spool event's union rows (and batch summary) into it: same time, worker and operation.
  const folded: Array<{ row: AuditRow; unions: number[] }> = [];
  for (const row of rows) {
    const last = folded[folded.length - 1];
    const sameRecord =
      last !== undefined &&
      last.row.at === row.at &&
      workerOf(last.row) === workerOf(row) &&
      operationOf(last.row) === operationOf(row);
    if (!isSpoolLevel(row) && sameRecord) {
      if (isUnionEvent(row) && !last.unions.includes(row.nUnion!)) last.unions.push(row.nUnion!);
      continue;
    }
    folded.push({ row, unions: isUnionEvent(row) ? [row.nUnion!] : [] });
  }

  const sessions: WorkSession[] = [];
  let open: { row: AuditRow } | null = null;
  const minutes = (from: number | null, to: number | null) =>
    from === null || to === null ? null : Math.round((to - from) / 60_000);
  for (const { row } of folded) {
    if (!isSpoolLevel(row)) continue;
    if (row.accion === 'INICIAR') {
      if (open) sessions.push(session(open.row, null, 'sin cierre'));
      open = { row };
      continue;
    }
    const outcome = CLOSING[row.accion];
    if (outcome && open) {
      sessions.push(session(open.row, row, outcome));
      open = null;
    }
  }
  if (open) sessions.push(session(open.row, null, 'abierta'));

  function session(start: AuditRow, end: AuditRow | null, outcome: SessionOutcome): WorkSession {
    return {
      operation: operationOf(start),
      worker: workerOf(start),
      from: time(start.at) ?? '',
      to: end ? time(end.at) : null,
      minutes: outcome === 'abierta' ? minutes(start.at, scope.now) : end ? minutes(start.at, end.at) : null,
      outcome,
      release: end ? releaseOf(end) : null,
    };
  }

  const newest = folded.reverse();
  uow.saveCache();
  return {
    tagSpool: rows[0]?.tagSpool || request.tagSpool.trim(),
    events: newest.slice(0, limit).map(({ row, unions }) => ({
      at: time(row.at),
      type: row.type,
      accion: row.accion,
      operation: operationOf(row),
      worker: workerOf(row),
      unions: unions.sort((a, b) => a - b),
      release: releaseOf(row),
    })),
    sessions: sessions.reverse(),
    truncated: newest.length > limit || found.length > cap,
    warnings,
  };
}
