// The column read: chosen columns of a sheet over every used row, one rectangle per run of adjacent
// columns, all in one batch; a cached header is checked in the same read and read fresh when it changed.

import { isEmptyCell, type Cell } from '../../domain/cell';
import type { BlockRead, Rect } from '../../ports';
import { normalizeHeader, type TableSpec } from '../columnMap';
import { sameHeader, trimmedWidth } from './headerCheck';
import { missingSheet, type SheetReader } from './sheetReader';

/**
 * One sheet's columns to read in a column read (loadColumns): each entry a column name, or a list of
 * alternatives of which the first present in the header is read (TAG_SPOOL, else SPLIT).
 */
export interface ColumnsToLoad {
  spec: TableSpec;
  columns: ReadonlyArray<string | readonly string[]>;
}

/** One sheet's column read: its header, the 0-based columns, their rectangles (rows 1..lastRow). */
interface ColumnPlan {
  sheet: string;
  spec: TableSpec;
  header: Cell[];
  cols: number[];
  rects: Rect[];
  lastRow: number;
}

/**
 * Reads only `columns` of each sheet, over every row up to the last used one (one getLastRow each): one
 * rectangle per run of adjacent columns, all in one batch (one batchGet on the Sheets API). Each rectangle
 * starts at row 1, so a header taken from the cache is checked in the same read; when it changed, the
 * header is read fresh and the columns again. The sheet's table then holds every row, with the cells of
 * the columns not read blank (repositories work unchanged); a write to such a column is refused. The shown
 * text of key columns holding numbers is read for these columns only (issue 10 §4).
 */
export function loadColumns(reader: SheetReader, loads: readonly ColumnsToLoad[]): void {
  let pending = loads.filter(({ spec }) => !reader.grids.get(spec.sheet));
  for (let attempt = 0; pending.length > 0; attempt++) {
    const plans = pending.map((load) => planColumns(reader, load));
    const replies = reader.spreadsheet.readBlocks(
      plans.flatMap((plan) => plan.rects.map((rect) => ({ sheet: plan.sheet, rect }))),
    );
    const retry: ColumnsToLoad[] = [];
    let next = 0;
    plans.forEach((plan, i) => {
      const mine = replies.slice(next, (next += plan.rects.length));
      if (reader.unverified.has(plan.sheet)) {
        const row1 = plan.rects.flatMap((rect, r) =>
          Array.from({ length: rect.numCols }, (_, c) => mine[r]!.values[0]?.[c] ?? ''),
        );
        const cached = plan.rects.flatMap((rect) =>
          plan.header.slice(rect.col - 1, rect.col - 1 + rect.numCols),
        );
        if (!sameHeader(row1, cached) && attempt === 0) {
          // Changed by hand within the cache's minute: read the header fresh and the columns again.
          reader.cache?.forget(plan.sheet);
          reader.headers.delete(plan.sheet);
          reader.unverified.delete(plan.sheet);
          retry.push(pending[i]!);
          return;
        }
        reader.unverified.delete(plan.sheet);
      }
      placeColumns(reader, plan, mine);
    });
    pending = retry;
  }
}

/** The header, the 0-based columns to read and the rectangles they form (rows 1..last used row). */
function planColumns(reader: SheetReader, { spec, columns }: ColumnsToLoad): ColumnPlan {
  const sheet = spec.sheet;
  reader.assertNotUsed(sheet, 'Columnas');
  const header = reader.headerOf(sheet);
  if (!header) throw missingSheet(sheet);
  const names = header.map((h) => (isEmptyCell(h) ? '' : normalizeHeader(String(h))));
  const cols = new Set<number>();
  for (const column of columns) {
    const choices = typeof column === 'string' ? [column] : column;
    const found = choices.map((name) => names.indexOf(normalizeHeader(name))).find((i) => i >= 0);
    if (found !== undefined) cols.add(found);
  }
  const sorted = [...cols].sort((a, b) => a - b);
  const lastRow = Math.max(1, reader.spreadsheet.lastRow(sheet));
  const rects: Rect[] = [];
  for (const col of sorted) {
    const last = rects[rects.length - 1];
    if (last && last.col + last.numCols - 1 === col) last.numCols += 1;
    else rects.push({ row: 1, col: col + 1, numRows: lastRow, numCols: 1 });
  }
  return { sheet, spec, header, cols: sorted, rects, lastRow };
}

/** Places the columns read into rows as wide as the header (other cells blank) and reads key columns' shown text. */
function placeColumns(
  reader: SheetReader,
  plan: ColumnPlan,
  replies: ReadonlyArray<{ values: Cell[][]; display?: string[][] }>,
): void {
  const { sheet, spec, header, rects, lastRow } = plan;
  const width = Math.max(trimmedWidth(header), ...rects.map((r) => r.col + r.numCols - 1));
  const rows = new Map<number, Cell[]>();
  for (let row = 2; row <= lastRow; row++) rows.set(row, new Array<Cell>(width).fill(''));
  rects.forEach((rect, i) => {
    replies[i]!.values.forEach((line, r) => {
      const target = rows.get(r + 1);
      if (target) line.forEach((cell, c) => (target[rect.col - 1 + c] = cell));
    });
  });
  reader.partial.set(sheet, rows);
  reader.columnsRead.set(sheet, new Set(plan.cols));
  reader.partialDisplay.delete(sheet);
  // Key columns holding a number or a date: their text depends on the format (OT 8 shows 008).
  const keyCols = reader
    .keyColumns(spec)
    .filter(
      (c) =>
        plan.cols.includes(c) &&
        [...rows.values()].some((line) => typeof line[c] !== 'string' && !isEmptyCell(line[c])),
    );
  const shownNeeded: BlockRead[] = [];
  rects.forEach((rect, i) => {
    const inside = keyCols.filter((c) => c + 1 >= rect.col && c + 1 < rect.col + rect.numCols);
    if (inside.length === 0) return;
    const display = replies[i]!.display;
    if (display) return reader.rememberShown({ sheet, rect }, inside, display, rect.col);
    const first = Math.min(...inside);
    shownNeeded.push({
      sheet,
      rect: { row: 1, col: first + 1, numRows: lastRow, numCols: Math.max(...inside) - first + 1 },
    });
  });
  if (shownNeeded.length === 0) return;
  // SpreadsheetApp: one getDisplayValues per run of key columns.
  const shown = reader.spreadsheet.readBlocks(shownNeeded, { display: true });
  shownNeeded.forEach((read, i) =>
    reader.rememberShown(
      read,
      keyCols.filter((c) => c + 1 >= read.rect.col && c + 1 < read.rect.col + read.rect.numCols),
      shown[i]!.display ?? [],
      read.rect.col,
    ),
  );
}
