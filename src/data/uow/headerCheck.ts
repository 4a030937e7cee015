// How a header taken from the document cache is checked against the sheet's row 1, and what happens when
// it no longer matches (StaleHeaderError, caught once by retryOnStaleHeader).

import { isEmptyCell, type Cell } from '../../domain/cell';

/**
 * A header taken from the cache turned out to differ from the sheet's row 1 (a column inserted, deleted or
 * renamed by hand within the cache's minute). Nothing was written; the request is run again with the
 * header read fresh (runIdempotent, listUnions).
 */
export class StaleHeaderError extends Error {
  constructor(readonly sheet: string) {
    super(`El encabezado de "${sheet}" cambió; se vuelve a leer.`);
    this.name = 'StaleHeaderError';
  }
}

/** Runs `work` once more when it found a cached header stale: the second run reads the header fresh. */
export function retryOnStaleHeader<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StaleHeaderError) return work();
    throw error;
  }
}

/** Columns up to the last non-blank header cell. */
export function trimmedWidth(header: readonly Cell[]): number {
  let width = header.length;
  while (width > 0 && isEmptyCell(header[width - 1])) width--;
  return width;
}

/** Row 1 as read against a cached header: the same names in the same places (trailing blanks aside). */
export function sameHeader(row1: readonly Cell[], cached: readonly Cell[]): boolean {
  const names = (cells: readonly Cell[]) =>
    cells.slice(0, trimmedWidth(cells)).map((c) => (isEmptyCell(c) ? '' : String(c).trim()));
  const [a, b] = [names(row1), names(cached)];
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
