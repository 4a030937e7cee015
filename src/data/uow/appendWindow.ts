// Where an audit append goes without asking the server (issue 15 §3): a hint of the next row, kept from the
// last append, checked against a small window of rows read in the request's batch of reads.

import { isEmptyCell, type Cell } from '../../domain/cell';
import type { AppendPosition, Rect } from '../../ports';

/**
 * Rows the window reads from the row above the hint down. Rows the other system appends meanwhile are
 * found inside it as long as they are fewer than this; a hint that moved more than half of it is stored
 * again (see shouldStoreHint), so a stored hint stays at most half a window behind the log's end.
 */
export const APPEND_WINDOW_ROWS = 64;

/** The rectangle that checks `hint` on a sheet `width` columns wide: the row above it and the rows below. */
export function windowRect(hint: AppendPosition, width: number): Rect {
  const row = Math.max(1, hint.row - 1);
  const last = Math.min(hint.maxRows, row + APPEND_WINDOW_ROWS - 1);
  return { row, col: 1, numRows: Math.max(1, last - row + 1), numCols: Math.max(1, width) };
}

/** A position verified in a window: where rows go, and how many rows of the window are free from there. */
export interface WindowPosition extends AppendPosition {
  /** Free rows known from `row` down (to the window's end); appending more needs the grid's end or a search. */
  room: number;
  /** True when the window reaches the grid's last row (rows beyond it are appended by growing the grid). */
  atGridEnd: boolean;
}

/**
 * The append position the window proves, or null when it proves none (then the adapter finds it, at a
 * metadata call's cost). `values` are the rows read from `firstRow`, every column of the header; `anchor`
 * is the 0-based column every appended row fills. Proven when the row above the hint still holds a value
 * under `anchor` (no row above it was deleted), the last value under `anchor` from there is inside the
 * window (rows appended meanwhile, by anyone, are fewer than the window), and every cell below it in the
 * window is empty (nothing is overwritten).
 */
export function positionInWindow(
  firstRow: number,
  values: readonly (readonly Cell[])[],
  anchor: number,
  hint: AppendPosition,
): WindowPosition | null {
  const at = (row: number) => values[row - firstRow];
  const above = Math.max(1, hint.row - 1);
  const aboveRow = at(above);
  if (!aboveRow || isEmptyCell(aboveRow[anchor])) return null;
  const lastRead = firstRow + values.length - 1;
  let last = above;
  for (let row = above + 1; row <= lastRead; row++) if (!isEmptyCell(at(row)?.[anchor])) last = row;
  const row = last + 1;
  if (row > lastRead) return null; // the window is full: the log grew more than it
  for (let r = row; r <= lastRead; r++) if (at(r)?.some((cell) => !isEmptyCell(cell))) return null;
  return {
    row,
    maxRows: Math.max(hint.maxRows, lastRead),
    room: lastRead - row + 1,
    atGridEnd: lastRead >= hint.maxRows,
  };
}

/**
 * Whether the next position should be stored (one property write, 62 ms): when none is stored, when the
 * stored one is ahead of it (rows were removed), or when it moved half a window or more past it.
 */
export function shouldStoreHint(stored: AppendPosition | null, next: AppendPosition): boolean {
  if (!stored) return true;
  if (stored.row > next.row || stored.maxRows > next.maxRows) return true;
  return next.row - stored.row >= APPEND_WINDOW_ROWS / 2;
}
