// The targeted read of rows (issue 9): only the rows a request needs, in blocks, in one batch, with the
// cached headers it relies on checked against row 1 in the same batch.

import { isEmptyCell, type Cell } from '../../domain/cell';
import type { BlockRead } from '../../ports';
import type { TableSpec } from '../columnMap';
import { MERGE_GAP_CELLS, planBlocks } from './blockPlan';
import { positionInWindow, windowRect } from './appendWindow';
import { StaleHeaderError, sameHeader, trimmedWidth } from './headerCheck';
import { missingSheet, type SheetReader } from './sheetReader';

/** One sheet's rows to read in a targeted read: which rows, and the key columns whose shown text matters. */
export interface RowsToLoad {
  spec: TableSpec;
  rows: readonly number[];
}

/**
 * Reads only `rows` of each sheet (1-based; a targeted read, issue 9): for every sheet, the blocks the
 * rows form (neighbours merged when a second read would cost more than the cells in between), all in one
 * batch (one batchGet on the Sheets API), together with row 1 of every sheet whose header came from the
 * cache (a header changed by hand throws StaleHeaderError, before anything is used). The shown text of
 * key columns holding numbers is read for those rows only. Rows already read are not read again.
 */
export function loadRows(reader: SheetReader, loads: readonly RowsToLoad[]): void {
  proveByTags(reader, loads);
  const reads: Array<BlockRead & { check?: Cell[]; spec?: TableSpec; window?: boolean }> = [];
  for (const { spec, rows } of loads) {
    reader.assertNotUsed(spec.sheet, 'Filas');
    const header = reader.headerOf(spec.sheet);
    if (!header) throw missingSheet(spec.sheet);
    const known = reader.partial.get(spec.sheet) ?? new Map<number, Cell[]>();
    reader.partial.set(spec.sheet, known);
    const width = Math.max(1, trimmedWidth(header));
    const wanted = [...new Set(rows)].filter((r) => r >= 2 && !known.has(r)).sort((a, b) => a - b);
    for (const rect of planBlocks(wanted, width)) reads.push({ sheet: spec.sheet, rect, spec });
  }
  // The window of rows that checks each append hint (issue 15 §3), in the same batch.
  for (const [sheet, { hint }] of reader.appendWindows) {
    const width = trimmedWidth(reader.headers.get(sheet) ?? reader.grids.get(sheet)?.[0] ?? []);
    reads.push({ sheet, rect: windowRect(hint, width), window: true });
  }
  // Row 1 of each sheet still trusted from the cache and relied on, in the same batch (merged when it
  // touches a block). A header only warmed into the cache and never used needs no check.
  for (const sheet of reader.unverified) {
    if (!reader.relied.has(sheet) && !loads.some((l) => l.spec.sheet === sheet)) continue;
    const header = reader.headers.get(sheet)!;
    const width = Math.max(1, trimmedWidth(header));
    const first = reads.find((r) => r.sheet === sheet && r.rect.row * width <= MERGE_GAP_CELLS);
    if (first) {
      first.rect = { ...first.rect, row: 1, numRows: first.rect.numRows + first.rect.row - 1 };
      first.check = header;
    } else reads.push({ sheet, rect: { row: 1, col: 1, numRows: 1, numCols: width }, check: header });
  }
  if (reads.length === 0) return;
  const replies = readChecked(reader, reads);
  reads.forEach((read, i) => {
    if (!read.check) return;
    const row1 = replies[i]!.values[0] ?? [];
    if (!sameHeader(row1, read.check)) {
      // Every header this request took from the cache is dropped, not just this one: the one retry
      // (retryOnStaleHeader) must not meet a second sheet changed in the same minute.
      for (const sheet of new Set([read.sheet, ...reader.unverified])) reader.cache?.forget(sheet);
      throw new StaleHeaderError(read.sheet);
    }
    reader.unverified.delete(read.sheet);
  });
  reads.forEach((read, i) => {
    const pending = read.window ? reader.appendWindows.get(read.sheet) : undefined;
    if (!pending) return;
    reader.appendWindows.delete(read.sheet);
    const found = positionInWindow(read.rect.row, replies[i]!.values, pending.anchor, pending.hint);
    reader.onWindow(read.sheet, pending.anchor + 1, found);
  });
  const shownNeeded: Array<{ read: BlockRead; cols: number[]; index: number }> = [];
  reads.forEach((read, i) => {
    const known = reader.partial.get(read.sheet);
    if (!known || !read.spec) return; // a header check alone
    const { values, display } = replies[i]!;
    values.forEach((line, r) => {
      const rowNumber = read.rect.row + r;
      if (rowNumber >= 2) known.set(rowNumber, line);
    });
    const keyCols = reader.keyColumns(read.spec);
    // Key columns holding a number or a date in these rows: their text depends on the format (OT 8 shows 008).
    const cols = keyCols.filter((c) =>
      values.some(
        (line, r) => read.rect.row + r >= 2 && typeof line[c] !== 'string' && !isEmptyCell(line[c]),
      ),
    );
    if (cols.length === 0) return;
    if (display) reader.rememberShown(read, cols, display, read.rect.col);
    else shownNeeded.push({ read, cols, index: i });
  });
  if (shownNeeded.length === 0) return;
  // SpreadsheetApp: one getDisplayValues per block, over the key columns only.
  const rects = shownNeeded.map(({ read, cols }) => {
    const first = Math.min(...cols);
    return {
      sheet: read.sheet,
      rect: {
        row: read.rect.row,
        col: first + 1,
        numRows: read.rect.numRows,
        numCols: Math.max(...cols) - first + 1,
      },
    };
  });
  const shown = reader.spreadsheet.readBlocks(rects, { display: true });
  shownNeeded.forEach(({ read, cols }, i) =>
    reader.rememberShown(
      { sheet: read.sheet, rect: rects[i]!.rect },
      cols,
      shown[i]!.display ?? [],
      rects[i]!.rect.col,
    ),
  );
}

/**
 * Before any row-1 read is planned: the cached headers that would need one, proved by the column tags
 * instead when they can be (one find for the request, columnTags.ts). A proved header is trusted up to its
 * last schema column; the others keep their row-1 read. The find is made only when it saves a read: a
 * sheet whose row 1 rides along with a block near the top costs nothing to check.
 */
function proveByTags(reader: SheetReader, loads: readonly RowsToLoad[]): void {
  if (!reader.tagCheck) return;
  const needing = [...reader.unverified].filter(
    (sheet) => reader.relied.has(sheet) || loads.some((l) => l.spec.sheet === sheet),
  );
  const saves = needing.some(
    (sheet) => reader.tagCheck!.covers(sheet) && !rowOneRidesAlong(reader, loads, sheet),
  );
  if (!saves) return;
  const proved = reader.tagCheck.prove([...reader.unverified], (sheet) => reader.headers.get(sheet) ?? null);
  for (const [sheet, header] of proved) {
    reader.headers.set(sheet, header);
    reader.unverified.delete(sheet);
  }
}

/**
 * True when the row-1 check of `sheet` would be merged into a read the batch makes anyway (a block of
 * rows or an append window starting within MERGE_GAP_CELLS of the top), as loadRows plans it.
 */
function rowOneRidesAlong(reader: SheetReader, loads: readonly RowsToLoad[], sheet: string): boolean {
  const header = reader.headers.get(sheet) ?? [];
  const width = Math.max(1, trimmedWidth(header));
  const known = reader.partial.get(sheet);
  const rows = loads
    .filter((l) => l.spec.sheet === sheet)
    .flatMap((l) => l.rows)
    .filter((r) => r >= 2 && !known?.has(r));
  const window = reader.appendWindows.get(sheet);
  if (window) rows.push(windowRect(window.hint, trimmedWidth(header)).row);
  return rows.length > 0 && Math.min(...rows) * width <= MERGE_GAP_CELLS;
}

/**
 * The batch read. When it fails while it checks cached headers, a column deleted by hand may have left a
 * cached header wider than the grid (its row 1 cannot be read at that width): the cached headers are
 * dropped and StaleHeaderError makes the one retry read them fresh (nothing was written).
 */
function readChecked(
  reader: SheetReader,
  reads: Array<BlockRead & { window?: boolean; check?: Cell[] }>,
): Array<{ values: Cell[][]; display?: string[][] }> {
  try {
    return readWithWindows(reader, reads);
  } catch (error) {
    const checked = reads.find((r) => r.check);
    if (!checked) throw error;
    for (const sheet of new Set([checked.sheet, ...reader.unverified])) reader.cache?.forget(sheet);
    throw new StaleHeaderError(checked.sheet);
  }
}

/**
 * The batch read; when it fails and holds windows of append hints (a hint past a grid shrunk by hand), read
 * again without them: the appends are then located by the adapter at commit.
 */
function readWithWindows(
  reader: SheetReader,
  reads: Array<BlockRead & { window?: boolean; check?: Cell[] }>,
): Array<{ values: Cell[][]; display?: string[][] }> {
  try {
    return reader.spreadsheet.readBlocks(reads);
  } catch (error) {
    if (!reads.some((r) => r.window)) throw error;
    for (const [sheet, { anchor }] of reader.appendWindows) reader.onWindow(sheet, anchor + 1, null);
    reader.appendWindows.clear();
    // A window that carried a header check gives way to row 1 alone (the check still happens).
    const kept = reads.flatMap((r) => {
      if (!r.window) return [r];
      if (!r.check) return [];
      return [{ sheet: r.sheet, rect: { row: 1, col: 1, numRows: 1, numCols: r.rect.numCols } }];
    });
    const replies = kept.length > 0 ? reader.spreadsheet.readBlocks(kept) : [];
    let next = 0;
    return reads.map((r) => (r.window && !r.check ? { values: [] } : replies[next++]!));
  }
}
