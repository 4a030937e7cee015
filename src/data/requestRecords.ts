// Where request ids live: in the audit events themselves. The first event a writing request appends to
// Metadata has ID `<requestId>-1` and carries the request's fingerprint and result, committed with the work in
// the same write, so "done" and "remembered" can never disagree (design §5, issue 7 §1).

import { a1, type Cell } from '../domain/cell';
import { cellToText } from '../domain/text';
import { SHEETS } from './productionHeaders';
import { escapeRegex } from './rowLocator';
import type { RowSearch, UnitOfWork } from './unitOfWork';
import { normalizeHeader } from './columnMap';

/** Metadata_JSON keys of the first event that make a request recognisable. */
export const REQUEST_ID_KEY = 'requestId';
export const FINGERPRINT_KEY = 'fingerprint';
export const RESULT_KEY = 'result';

/** The ID of a request's first audit event. */
export const firstEventId = (requestId: string) => `${requestId}-1`;

export type RequestLookup =
  | { found: false }
  /** `fingerprint`/`result` are null when the stored event cannot be read (then no decision is taken). */
  | { found: true; cell: string; fingerprint: string | null; result: unknown };

/** The Metadata column of event ids, where a request's first event is looked for. */
const ID_COLUMN = 'ID';

/**
 * The search for a request's first event (`<requestId>-1`, regex-escaped) as a whole cell of Metadata's ID
 * column only, to be made with other searches in one findAcross (issue 15 §1); its rows go to findRequest.
 */
export function requestSearch(requestId: string): RowSearch {
  return { sheet: SHEETS.metadata, columns: [ID_COLUMN], pattern: escapeRegex(firstEventId(requestId)) };
}

/**
 * Looks a request id up in Metadata: one TextFinder search on the ID column (about 100 ms whatever the
 * log's size) and, only when found, one read of that row. Recognised for as long as the audit row exists.
 * `candidates` are the rows requestSearch found with other searches (then no search is made here): such a
 * search tells rows, not which pattern a cell matched, so the row read must hold the id; when it holds
 * something else (an ID that is also an OT or a tag), the id is looked for alone, exactly, as without them.
 */
export function findRequest(
  uow: UnitOfWork,
  requestId: string,
  candidates?: readonly number[],
): RequestLookup {
  const rows = candidates ?? uow.findRows(SHEETS.metadata, ID_COLUMN, firstEventId(requestId));
  if (rows.length === 0) return { found: false };
  const row = Math.min(...rows);
  const record = uow.readRecord(SHEETS.metadata, row);
  if (candidates && !holdsId(record, requestId)) return findRequest(uow, requestId);
  return lookupOf(uow, row, record);
}

/** Whether a Metadata row (as readRecord gives it) is the first event of `requestId`. */
function holdsId(record: Record<string, Cell>, requestId: string): boolean {
  const id = record[normalizeHeader(ID_COLUMN)] ?? '';
  return cellToText(id, 'UTC') === firstEventId(requestId);
}

/** What a request's first event, read at `row`, says: its fingerprint and result, or that it is unreadable. */
function lookupOf(uow: UnitOfWork, row: number, record: Record<string, Cell>): RequestLookup {
  const header = uow.header(SHEETS.metadata) ?? [];
  const jsonCol = header.findIndex((h) => normalizeHeader(String(h)) === normalizeHeader('Metadata_JSON'));
  const cell = `${SHEETS.metadata}!${a1(row, jsonCol + 1)}`;
  try {
    const parsed: unknown = JSON.parse(cellToText(record[normalizeHeader('Metadata_JSON')] ?? '', 'UTC'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as Record<string, unknown>)[FINGERPRINT_KEY] === 'string'
    ) {
      const stored = parsed as Record<string, unknown>;
      return {
        found: true,
        cell,
        fingerprint: stored[FINGERPRINT_KEY] as string,
        result: withOmissions(stored[RESULT_KEY] ?? null, stored._omitidos, cell),
      };
    }
  } catch {
    // falls through: an event exists but its record cannot be read
  }
  return { found: true, cell, fingerprint: null, result: null };
}

/**
 * A stored result that had to be summarised to fit its cell (boundedJson cuts its longest lists and names
 * them under `_omitidos`) is replayed with a warning saying so, so a replay never passes a cut list off as
 * the whole answer. Only results that carry `warnings` (FINALIZAR) can be that long.
 */
function withOmissions(result: unknown, omitted: unknown, cell: string): unknown {
  if (!result || typeof result !== 'object' || !omitted || typeof omitted !== 'object') return result;
  const answer = result as Record<string, unknown>;
  if (!Array.isArray(answer.warnings)) return result;
  const prefix = `${RESULT_KEY}.`;
  const notes = Object.entries(omitted as Record<string, unknown>)
    .filter(([path, count]) => path.startsWith(prefix) && typeof count === 'number')
    .map(([path, count]) => {
      const field = path.slice(prefix.length);
      const kept = answer[field];
      const shown = Array.isArray(kept)
        ? `${kept.length} de ${count as number}`
        : `parte de ${count as number}`;
      return `Respuesta repetida resumida: la lista ${field} muestra ${shown} (el registro original está en ${cell}).`;
    });
  return notes.length === 0 ? result : { ...answer, warnings: [...(answer.warnings as unknown[]), ...notes] };
}
