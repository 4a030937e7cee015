// What a call changed in the workbook, as the page shows it: the cells whose shown text differs between the
// view before the call and the view after it, per sheet, and the same cells as A1 ranges
// (`Operaciones!BO2:BQ2`). The page keeps the last writing call's change until the next one: a read-only call
// changes no cell and leaves it alone.

import { a1Of } from '../../src/memory/fakeA1';

/** A sheet as the page shows it: rows of shown text (trailing empty cells dropped). */
export interface SheetText {
  name: string;
  rows: string[][];
}

/** The changed cells of one sheet: 0-based [row, column] pairs (row-major) and the A1 ranges covering them. */
export interface SheetChange {
  name: string;
  cells: Array<[number, number]>;
  /** `Uniones!G2:I4`, row by row then column; the sheet name quoted when Sheets would quote it. */
  ranges: string[];
}

/** The last call that changed the workbook: its name and what it changed, sheet by sheet (workbook order). */
export interface WorkbookChange {
  call: string;
  sheets: SheetChange[];
}

/** `Operaciones`, or `'Mi hoja'` (quoted, quotes doubled) as an A1 sheet prefix. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The cells whose text differs (a cell cleared counts), 0-based, row-major. */
export function changedCells(before: string[][], after: string[][]): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  const height = Math.max(before.length, after.length);
  for (let r = 0; r < height; r++) {
    const was = before[r] ?? [];
    const now = after[r] ?? [];
    const width = Math.max(was.length, now.length);
    for (let c = 0; c < width; c++) if ((was[c] ?? '') !== (now[c] ?? '')) cells.push([r, c]);
  }
  return cells;
}

/**
 * Row-major cells as rectangles: each row's runs of adjacent columns, a run joined to the rectangle right
 * above it when it spans the same columns. Ordered by first row, then first column.
 */
export function rangesOf(cells: ReadonlyArray<readonly [number, number]>): string[] {
  const rects: Array<{ r1: number; r2: number; c1: number; c2: number }> = [];
  /** The rectangle still open for a column span `c1:c2` (its last row is the previous row with a run). */
  const open = new Map<string, (typeof rects)[number]>();
  let i = 0;
  while (i < cells.length) {
    const r = cells[i]![0];
    while (i < cells.length && cells[i]![0] === r) {
      const c1 = cells[i]![1];
      let c2 = c1;
      while (i + 1 < cells.length && cells[i + 1]![0] === r && cells[i + 1]![1] === c2 + 1)
        c2 = cells[++i]![1];
      i++;
      const key = `${c1}:${c2}`;
      const above = open.get(key);
      if (above && above.r2 === r - 1) above.r2 = r;
      else {
        const rect = { r1: r, r2: r, c1, c2 };
        rects.push(rect);
        open.set(key, rect);
      }
    }
  }
  return rects
    .sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)
    .map(({ r1, r2, c1, c2 }) => a1Of(r1 + 1, c1 + 1, r2 - r1 + 1, c2 - c1 + 1));
}

/** What changed from `before` to `after` (a sheet added counts its filled cells), or null when nothing did. */
export function workbookChange(
  call: string,
  before: readonly SheetText[],
  after: readonly SheetText[],
): WorkbookChange | null {
  const sheets: SheetChange[] = [];
  for (const sheet of after) {
    const was = before.find((s) => s.name === sheet.name)?.rows ?? [];
    const cells = changedCells(was, sheet.rows);
    if (cells.length === 0) continue;
    const prefix = sheetPrefix(sheet.name);
    sheets.push({ name: sheet.name, cells, ranges: rangesOf(cells).map((a1) => `${prefix}!${a1}`) });
  }
  return sheets.length > 0 ? { call, sheets } : null;
}
