// Column edits of an in-memory sheet's grid (values, formulas, number formats), as Sheets makes them:
// insert, delete, move. FakeSheet counts the call and keeps its size and developer metadata in step.

import type { Cell } from '../domain/cell';
import { rekey, type Grid } from './fakeGrid';

/** Inserts `howMany` blank columns after 1-based column `after` (0: before the first). */
export function insertGridColumns(grid: Grid, after: number, howMany: number): void {
  for (const row of grid.values) {
    if (after < row.length) row.splice(after, 0, ...Array<Cell>(howMany).fill(''));
  }
  rekey(grid.formulas, (r, c) => [r, c > after ? c + howMany : c]);
  rekey(grid.formats, (r, c) => [r, c > after ? c + howMany : c]);
}

/** Deletes columns `position`..`position + howMany - 1` (1-based): what is right of them moves left. */
export function deleteGridColumns(grid: Grid, position: number, howMany: number): void {
  for (const row of grid.values) row.splice(position - 1, howMany);
  const last = position + howMany - 1;
  const move = (r: number, c: number): [number, number] | null =>
    c < position ? [r, c] : c > last ? [r, c - howMany] : null;
  rekey(grid.formulas, move);
  rekey(grid.formats, move);
}

/**
 * Where each column goes when columns `first`..`first + count - 1` (1-based) move to `destination`, the
 * column before which they land, counted before the move (Sheet.moveColumns, the Sheets API's
 * moveDimension): moving A to 3 in A B C D gives B A C D. Returns old column → new column.
 */
export function columnMove(
  first: number,
  count: number,
  destination: number,
  width: number,
): (col: number) => number {
  const order = Array.from({ length: width }, (_, i) => i + 1);
  const moved = order.slice(first - 1, first - 1 + count);
  const before = order.slice(0, destination - 1).filter((c) => !moved.includes(c));
  const after = order.slice(destination - 1).filter((c) => !moved.includes(c));
  const next = [...before, ...moved, ...after];
  const to = new Map(next.map((col, i) => [col, i + 1]));
  return (col) => to.get(col) ?? col;
}

/** Moves the grid's columns as `to` says (old 1-based column → new), over `width` columns. */
export function moveGridColumns(grid: Grid, to: (col: number) => number, width: number): void {
  for (const row of grid.values) {
    if (row.length === 0) continue;
    while (row.length < width) row.push('');
    const copy = row.slice(0, width);
    copy.forEach((value, i) => (row[to(i + 1) - 1] = value));
  }
  rekey(grid.formulas, (r, c) => [r, c <= width ? to(c) : c]);
  rekey(grid.formats, (r, c) => [r, c <= width ? to(c) : c]);
}
