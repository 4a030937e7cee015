// TextFinder searches of the SpreadsheetApp adapter: one sheet's columns (findRows), or every sheet at once
// for several searches (findAcross, issue 15 §1). A findAll is one round trip; where a found range lies
// (getSheet().getName(), getRow(), getColumn()) is read locally.

import { columnLetter } from '../domain/cell';
import type { FindOptions, SheetSearch } from '../ports';
import type { SheetLike, SpreadsheetLike } from './appsScriptShapes';

/**
 * Rows (1-based) of `sheet` whose cell in column `col` (or, with `options.columns`, under one of those
 * columns: one TextFinder over their span, hits between them dropped) holds `text` as a whole cell,
 * case-sensitive; `options.regex` makes `text` an RE2 pattern. One createTextFinder and one findAll. With
 * `columns` the rows are ascending and each once; without, in the order found.
 */
export function findRowsInSheet(
  sheet: SheetLike,
  col: number,
  text: string,
  options: FindOptions = {},
): number[] {
  const kept = options.columns && options.columns.length > 0 ? new Set(options.columns) : null;
  const first = kept ? Math.min(col, ...kept) : col;
  const last = kept ? Math.max(col, ...kept) : col;
  const finder = sheet
    .getRange(`${columnLetter(first)}:${columnLetter(last)}`)
    .createTextFinder(text)
    .matchCase(true)
    .matchEntireCell(true);
  const hits = (options.regex ? finder.useRegularExpression(true) : finder).findAll();
  // getRow/getColumn of a found range are local getters: no round trip.
  const rows = hits.filter((range) => !kept || kept.has(range.getColumn())).map((range) => range.getRow());
  return kept ? [...new Set(rows)].sort((a, b) => a - b) : rows;
}

/**
 * ONE spreadsheet-wide TextFinder (whole cell, case-sensitive, RE2) for every search: its pattern is the
 * alternation of theirs (anyOf), and each hit is kept for the searches whose sheet and columns hold it; hits
 * in other sheets or columns are dropped. Returns per search, in order, its rows (1-based, ascending, each
 * once); [] for a search without columns. One createTextFinder and one findAll, none when no search has a
 * column.
 */
export function findAcrossSpreadsheet(
  spreadsheet: SpreadsheetLike,
  searches: readonly SheetSearch[],
): number[][] {
  const patterns = [...new Set(searches.filter((s) => s.columns.length > 0).map((s) => s.pattern))];
  if (patterns.length === 0) return searches.map(() => []);
  const hits = spreadsheet
    .createTextFinder(anyOf(patterns))
    .matchCase(true)
    .matchEntireCell(true)
    .useRegularExpression(true)
    .findAll()
    .map((range) => ({ sheet: range.getSheet().getName(), row: range.getRow(), col: range.getColumn() }));
  return searches.map(({ sheet, columns }) => {
    const kept = new Set(columns);
    const rows = hits.filter((h) => h.sheet === sheet && kept.has(h.col)).map((h) => h.row);
    return [...new Set(rows)].sort((a, b) => a - b);
  });
}

/**
 * One RE2 pattern matching what any of `patterns` matches: each in a group of its own, the alternation in
 * one more, so a whole-cell match of the result is a whole-cell match of one of them. E.g. `["a", "b|c"]`
 * gives `(?:(?:a)|(?:b|c))`.
 */
export function anyOf(patterns: readonly string[]): string {
  return `(?:${patterns.map((p) => `(?:${p})`).join('|')})`;
}
