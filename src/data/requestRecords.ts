// Where request ids live: in the audit events themselves. The first event a writing request appends to
// Metadata has ID `<requestId>-1` and carries the request's fingerprint and result, committed with the work in
// the same write, so "done" and "remembered" can never disagree (design §5, issue 7 §1).

import { a1 } from '../domain/cell';
import { cellToText } from '../domain/text';
import { SHEETS } from './productionHeaders';
import type { UnitOfWork } from './unitOfWork';
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

/**
 * Looks a request id up in Metadata: one TextFinder search on the ID column (about 100 ms whatever the
 * log's size) and, only when found, one read of that row. Recognised for as long as the audit row exists.
 */
export function findRequest(uow: UnitOfWork, requestId: string): RequestLookup {
  const rows = uow.findRows(SHEETS.metadata, 'ID', firstEventId(requestId));
  if (rows.length === 0) return { found: false };
  const row = Math.min(...rows);
  const record = uow.readRecord(SHEETS.metadata, row);
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
