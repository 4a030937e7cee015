// The cell store behind one in-memory sheet, and the defaults Apps Script gives a new sheet.

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
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    const moved = move(r, c);
    if (moved) map.set(key(moved[0], moved[1]), v);
  }
}
