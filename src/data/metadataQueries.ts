// Reads of the Metadata audit log that cost what they answer (issue 16 §5): rows are found by TextFinder
// searches on one column (the day's Timestamp text, a spool's TAG_SPOOL), then only those rows are read.
// The log is never read whole, nor any of its columns.

import { a1, type Cell } from '../domain/cell';
import { parseDateCell } from '../domain/dates';
import { dayCandidatesPattern, type Day } from '../domain/dayText';
import { parseIntegerCell } from '../domain/numbers';
import { cellToText } from '../domain/text';
import { parseWorkerIdCell } from '../domain/worker';
import type { TableSpec } from './columnMap';
import { SHEETS } from './productionHeaders';
import { keyPattern } from './rowLocator';
import type { UnitOfWork } from './unitOfWork';

/** What the Panel reads of Metadata: the columns it needs (lower-case headers count too, design §2). */
export const METADATA_READ_SPEC: TableSpec = {
  sheet: SHEETS.metadata,
  required: ['Timestamp', 'Evento_Tipo', 'TAG_SPOOL'],
  optional: [
    'ID',
    'Worker_ID',
    'Worker_Nombre',
    'Operacion',
    'Accion',
    'Fecha_Operacion',
    'Metadata_JSON',
    'N_UNION',
  ],
  keys: ['TAG_SPOOL'],
};

/** One Metadata row as the Panel reads it, whoever wrote it (this add-on or the shop's other system). */
export interface AuditRow {
  /** 1-based row of Metadata. */
  rowNumber: number;
  /** The Timestamp as an instant (ms); null when the cell cannot be read as a date (see `timestampIssue`). */
  at: number | null;
  /** `Metadata!B17: …` when the Timestamp cannot be read, else null. */
  timestampIssue: string | null;
  type: string;
  accion: string;
  tagSpool: string;
  /** Worker_ID as a number; null when blank or not an id. */
  workerId: number | null;
  workerNombre: string;
  operacion: string;
  /** N_UNION as an integer; null when blank or not an integer. */
  nUnion: number | null;
  /** Metadata_JSON parsed when it is a JSON object, else null. */
  json: Record<string, unknown> | null;
}

/**
 * Rows whose Timestamp may fall on `day` (one TextFinder search on the Timestamp column, with the pattern of
 * src/domain/dayText.ts). Candidates only: readAuditRows and the caller's check of `at` decide.
 */
export function findRowsOfDay(uow: UnitOfWork, day: Day): number[] {
  return uow.findRowsMatching(SHEETS.metadata, 'Timestamp', dayCandidatesPattern(day, uow.timeZone()));
}

/** Rows whose TAG_SPOOL shows `tag` (trimmed, and with any leading zeros when all digits): one search. */
export function findRowsOfSpool(uow: UnitOfWork, tag: string): number[] {
  const pattern = keyPattern([tag]);
  return pattern === null ? [] : uow.findRowsMatching(SHEETS.metadata, 'TAG_SPOOL', pattern);
}

/**
 * Reads `rows` of Metadata (one read per block of neighbouring rows, UnitOfWork.loadRows) and decodes them,
 * in row order. Call once per request, before anything else takes a table of Metadata. Throws
 * StaleHeaderError (retryOnStaleHeader) when Metadata's cached header no longer matches row 1.
 */
export function readAuditRows(uow: UnitOfWork, rows: readonly number[]): AuditRow[] {
  // Even with no rows: a header taken from the cache is checked, so "nothing found" is never a stale column's.
  uow.loadRows([{ spec: METADATA_READ_SPEC, rows }]);
  const table = uow.partialTable(METADATA_READ_SPEC);
  const tz = uow.timeZone();
  const wanted = new Set(rows);
  const col = (name: string) => (table.columns.has(name) ? table.columns.index(name) : -1);
  const cell = (values: readonly Cell[], index: number): Cell => (index < 0 ? '' : (values[index] ?? ''));
  const [ts, tipo, tag, id, nombre, op, accion, json, n] = [
    'Timestamp',
    'Evento_Tipo',
    'TAG_SPOOL',
    'Worker_ID',
    'Worker_Nombre',
    'Operacion',
    'Accion',
    'Metadata_JSON',
    'N_UNION',
  ].map(col) as [number, number, number, number, number, number, number, number, number];
  const out: AuditRow[] = [];
  for (const row of table.rows) {
    if (!wanted.has(row.rowNumber)) continue;
    const stamp = parseDateCell(cell(row.values, ts), tz);
    const worker = parseWorkerIdCell(cell(row.values, id));
    const nUnion = parseIntegerCell(cell(row.values, n), tz);
    out.push({
      rowNumber: row.rowNumber,
      at: stamp.ok ? stamp.value : null,
      timestampIssue: stamp.ok
        ? stamp.value === null
          ? `${SHEETS.metadata}!${a1(row.rowNumber, ts + 1)} (Timestamp): vacía`
          : null
        : `${SHEETS.metadata}!${a1(row.rowNumber, ts + 1)} (Timestamp): ${stamp.reason}`,
      type: cellToText(cell(row.values, tipo), tz),
      accion: cellToText(cell(row.values, accion), tz),
      tagSpool: table.keyText(row, tag, tz),
      workerId: worker.ok ? worker.value : null,
      workerNombre: cellToText(cell(row.values, nombre), tz),
      operacion: cellToText(cell(row.values, op), tz),
      nUnion: nUnion.ok ? nUnion.value : null,
      json: parseJsonObject(cell(row.values, json)),
    });
  }
  return out.sort((a, b) => a.rowNumber - b.rowNumber);
}

function parseJsonObject(value: Cell): Record<string, unknown> | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The worker id in a display such as `MR(93)` or `Mauricio Rodriguez (93)`; null when there is none. */
export function idInDisplay(text: string): number | null {
  const m = /\((\d+)\)\s*$/.exec(text.trim()) ?? /\((\d+)\)/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a row was written for worker `id`: by its Worker_ID when that holds an id, else by the `(93)` in
 * Worker_Nombre (the other system may leave Worker_ID blank; issue 16 §3).
 */
export function isWorkersRow(row: AuditRow, id: number): boolean {
  return row.workerId !== null ? row.workerId === id : idInDisplay(row.workerNombre) === id;
}

/** ARM or SOLD from a row's Operacion or, failing that, its event type (`UNION_ARM_REGISTRADA`). */
export function operationOf(row: AuditRow): 'ARM' | 'SOLD' | null {
  const op = row.operacion.toUpperCase();
  if (op === 'ARM' || op === 'SOLD') return op;
  if (/_ARM(_|$)/.test(row.type)) return 'ARM';
  if (/_SOLD(_|$)/.test(row.type)) return 'SOLD';
  return null;
}

/** A per-union event (shared vocabulary, design §2): UNION_*_REGISTRADA with an N_UNION; the batch has none. */
export function isUnionEvent(row: AuditRow): boolean {
  return /^UNION_(ARM|SOLD)_REGISTRADA$/.test(row.type) && row.nUnion !== null;
}
