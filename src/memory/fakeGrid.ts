// The cell store behind one in-memory sheet, and the defaults Apps Script gives a new sheet.

import { CELL_MAX_CHARS } from '../domain/bytes';
import type { Cell } from '../domain/cell';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** A sheet's cells: values by row, formulas and number formats by `row:col` (1-based). */
export interface Grid {
  values: Cell[][];
  formulas: Map<string, string>;
  formats: Map<string, string>;
}

/** The `row:col` key (1-based) of the formula and format maps. */
export const key = (row: number, col: number) => `${row}:${col}`;

/** Moves every `row:col` entry of `map` as `move` says (null drops it): rows or columns inserted, deleted. */
export function rekey(map: Map<string, string>, move: (row: number, col: number) => [number, number] | null) {
  // Only the entries that move are rebuilt: rows added at the bottom move nothing (a log that grows).
  const moved: Array<[string, string]> = [];
  for (const [k, v] of map) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    const to = move(r, c);
    if (to === null || to[0] !== r || to[1] !== c)
      moved.push([k, to === null ? '' : `${key(to[0], to[1])}\u0000${v}`]);
  }
  if (moved.length === 0) return;
  for (const [k] of moved) map.delete(k);
  for (const [, target] of moved) {
    if (target === '') continue;
    const at = target.indexOf('\u0000');
    map.set(target.slice(0, at), target.slice(at + 1));
  }
}

/** What Apps Script throws for a value over a cell's 50,000 characters (setValues, setValue, appendRow, the API). */
export const CELL_TOO_LONG_MESSAGE =
  'Exception: Your input contains more than the maximum of 50000 characters in a single cell.';

/** Throws Apps Script's refusal when a text of `values` is longer than a cell holds (as typed: an apostrophe counts). */
export function checkCellLength(values: readonly unknown[]): void {
  for (const value of values) {
    if (typeof value === 'string' && value.length > CELL_MAX_CHARS) throw new Error(CELL_TOO_LONG_MESSAGE);
  }
}
