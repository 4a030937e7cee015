// One request's access to the spreadsheet: each sheet read at most once, every write committed together,
// and a failed commit undone so no sheet is left half-written. A façade over src/data/uow/: the reader
// (sheetReader.ts, rowLoads.ts, columnLoads.ts), the write set (writeSet.ts) and the append planner.

import type { Cell } from '../domain/cell';
import { internalError } from '../domain/errors';
import type { AppendPosition, SpreadsheetPort } from '../ports';
import type { TableSpec } from './columnMap';
import type { SheetCache } from './sheetCache';
import type { Table, TableRow } from './table';
import { AppendPlanner, type AppendLayout } from './uow/appendPlanner';
import { APPEND_WINDOW_ROWS, type WindowPosition } from './uow/appendWindow';
import type { ColumnsToLoad } from './uow/columnLoads';
import { ColumnTagCheck, type TaggedColumns } from './uow/columnTags';
import type { RowsToLoad } from './uow/rowLoads';
import { SheetReader } from './uow/sheetReader';
import { WriteSet, type CommitSummary } from './uow/writeSet';

export { planBlocks } from './uow/blockPlan';
export { StaleHeaderError, retryOnStaleHeader } from './uow/headerCheck';
export type { ColumnsToLoad } from './uow/columnLoads';
export type { RowsToLoad } from './uow/rowLoads';
export type { CommitSummary } from './uow/writeSet';

export const DEFAULT_APPEND_CHUNK = 900;

/**
 * One search by header names: the rows of `sheet` whose cell under one of `columns` matches the RE2
 * `pattern` as a whole cell, case-sensitive, as the sheet shows it.
 */
export interface RowSearch {
  sheet: string;
  columns: readonly string[];
  pattern: string;
}

export interface UnitOfWorkOptions {
  appendChunkSize?: number;
  /**
   * Flush after each commit (default true). A job that commits batch after batch in one execution turns it
   * off and flushes once at the end: under the cost model a flush costs 500 ms, a buffered write 0.5 ms.
   */
  flushOnCommit?: boolean;
  /** The document cache (time zone, headers, small sheets); without it everything is read. */
  cache?: SheetCache;
  /**
   * Sheets whose schema columns carry column tags (uow/columnTags.ts): a cached header of one is proved by
   * the tags (one find a request) instead of a read of row 1 when the adapter has tags, and a writing
   * request re-tags a sheet whose tags disagreed. Without it, every cached header is checked by row 1.
   */
  tagged?: TaggedColumns;
  /** Where what fails after the work is saved (a re-tag) is told: Spanish, for the answer's `warnings`. */
  warnings?: string[];
}

export class UnitOfWork {
  private readonly reader: SheetReader;
  private readonly writes: WriteSet;
  private readonly appends = new AppendPlanner();
  /** Sheets whose appends are placed before any write (expectAppends): 0-based anchor column of each. */
  private readonly expected = new Map<string, number>();
  /** What the window of each expected sheet's hint proved (issue 15 §3), by sheet. */
  private readonly windows = new Map<string, { anchor: number; found: WindowPosition | null }>();
  /** Where the next append of each expected sheet goes, after a commit that appended to it. */
  private readonly next = new Map<string, AppendPosition>();

  constructor(
    private readonly spreadsheet: SpreadsheetPort,
    options: UnitOfWorkOptions = {},
  ) {
    const appendChunkSize = options.appendChunkSize ?? DEFAULT_APPEND_CHUNK;
    if (!Number.isInteger(appendChunkSize) || appendChunkSize < 1) {
      throw internalError('El tamaño de bloque de escritura debe ser un entero positivo.');
    }
    this.reader = new SheetReader(
      spreadsheet,
      options.cache,
      (sheet) => this.appends.forgetPosition(sheet),
      (sheet, anchor, found) => this.windows.set(sheet, { anchor, found }),
      options.tagged ? new ColumnTagCheck(spreadsheet, options.tagged, options.warnings) : null,
    );
    this.writes = new WriteSet(spreadsheet, appendChunkSize, options.flushOnCommit ?? true);
  }

  /** The spreadsheet's time zone (IANA name), from the cache when it holds it. */
  timeZone(): string {
    return this.reader.timeZone();
  }

  /** Stores in the document cache what this request had to read fresh (one call; none when all was cached). */
  saveCache(): void {
    this.reader.cache?.save();
  }

  /**
   * Reads, in one batch, the sheets of `names` not read yet in this request, and the header row alone of
   * `headersOf` (sheets this request only appends to).
   */
  prefetch(names: readonly string[], headersOf: readonly string[] = []): void {
    this.reader.prefetch(names, headersOf);
  }

  /**
   * The cheap validity check of a cached small sheet: true when `sheet` came from the cache, in which case
   * it is read again now (a lookup missed: a worker added by hand is seen at once, not after the expiry).
   */
  rereadIfCached(sheets: readonly string[]): boolean {
    return this.reader.rereadIfCached(sheets);
  }

  /** Reads only `rows` of each sheet, in blocks, in one batch (see uow/rowLoads.ts). */
  loadRows(loads: readonly RowsToLoad[]): void {
    this.reader.loadRows(loads);
  }

  /** Reads only `columns` of each sheet over every used row, in one batch (see uow/columnLoads.ts). */
  loadColumns(loads: readonly ColumnsToLoad[]): void {
    this.reader.loadColumns(loads);
  }

  /**
   * Finds now where rows appended to `sheet` after the last value under `column` will go (metadata calls),
   * and appends there at the next commit without asking again: a step that holds the document lock until
   * its end (the job runner) appends its audit event after buffered writes, and a metadata call then would
   * cost a flush (500 ms). No other execution of ours appends meanwhile: they wait for the lock. Nothing
   * happens when the adapter writes in one atomic call (no buffered writes) or the column is missing.
   */
  locateAppends(sheet: string, column: string): void {
    if (!this.spreadsheet.appendPosition || this.spreadsheet.writeBatch) return;
    const col = this.reader.columnOf(sheet, column);
    if (col < 0) return;
    this.appends.locate(sheet, col + 1, this.spreadsheet.appendPosition(sheet, col + 1));
  }

  /**
   * Rows this request appends to `sheet` go after the last value under `column`, placed before any write
   * (issue 15 §3). With a `hint` (the next row stored by an earlier request), a window of rows around it is
   * read in the next batch of reads (loadRows, or the commit's header check) and, when it proves the
   * position (appendWindow.ts), no call is spent finding it; otherwise the adapter finds it at the start of
   * the commit, before the first buffered write. nextAppendPosition tells where the following rows go.
   */
  expectAppends(sheet: string, column: string, hint: AppendPosition | null): void {
    const col = this.reader.columnOf(sheet, column);
    if (col < 0) return;
    this.expected.set(sheet, col);
    if (hint) this.reader.appendWindows.set(sheet, { anchor: col, hint });
  }

  /** Where rows appended to `sheet` after this request's commit would go; null when not known. */
  nextAppendPosition(sheet: string): AppendPosition | null {
    return this.next.get(sheet) ?? null;
  }

  /** True when the adapter reads several blocks in one call (Sheets API): reads are best made together. */
  readsBlocksInOneCall(): boolean {
    return this.spreadsheet.readsBlocksInOneCall === true;
  }

  /** True when `sheet` was read through loadRows (its table holds only the rows read). */
  isPartial(sheet: string): boolean {
    return this.reader.isPartial(sheet);
  }

  /** The rows read so far of a partially read sheet, as a table (not kept: for locating more rows). */
  partialTable(spec: TableSpec): Table {
    return this.reader.partialTable(spec);
  }

  /** 0-based index of a column by header name in `sheet`, -1 when absent (or the sheet is missing). */
  columnIndex(sheet: string, column: string): number {
    return this.reader.columnOf(sheet, column);
  }

  /**
   * Rows whose cell under `column` matches the RE2 `pattern` as a whole, as the sheet shows it (one
   * TextFinder search); [] when the column is missing.
   */
  findRowsMatching(sheet: string, column: string, pattern: string): number[] {
    return this.findRowsAcross([{ sheet, columns: [column], pattern }])[0]!;
  }

  /**
   * Rows whose cell under any of `columns` (those present) matches the RE2 `pattern` as a whole: one
   * TextFinder search over the span of columns, hits elsewhere in the span dropped; [] when none is present.
   */
  findRowsInColumns(sheet: string, columns: readonly string[], pattern: string): number[] {
    return this.findRowsAcross([{ sheet, columns, pattern }])[0]!;
  }

  /**
   * The rows of each search, in order (see RowSearch): ONE spreadsheet-wide TextFinder for all of them when
   * the adapter has findAcross and two or more searches have a column present (issue 15 §1: a findAll is
   * 100 ms whatever it scans); otherwise one search each, as findRowsMatching and findRowsInColumns make it.
   * A search whose columns (or sheet) are all missing gives [] and costs nothing. Each list is ascending
   * when found together; a caller must not rely on more than "these rows, each at least once".
   */
  findRowsAcross(searches: readonly RowSearch[]): number[][] {
    const located = searches.map(({ sheet, columns, pattern }) => ({
      sheet,
      pattern,
      cols: [...new Set(columns.map((c) => this.reader.columnOf(sheet, c)).filter((c) => c >= 0))].map(
        (c) => c + 1,
      ),
    }));
    const live = located.filter((s) => s.cols.length > 0);
    if (live.length >= 2 && this.spreadsheet.findAcross) {
      const found = this.spreadsheet.findAcross(
        live.map(({ sheet, cols, pattern }) => ({ sheet, columns: cols, pattern })),
      );
      return located.map((s) => (s.cols.length === 0 ? [] : found[live.indexOf(s)]!));
    }
    return located.map(({ sheet, cols, pattern }) => {
      if (cols.length === 0) return [];
      if (cols.length === 1) return this.spreadsheet.findRows(sheet, cols[0]!, pattern, { regex: true });
      return this.spreadsheet.findRows(sheet, Math.min(...cols), pattern, { regex: true, columns: cols });
    });
  }

  /** Compares with row 1, now, every header this request took from the cache (before a commit relies on it). */
  verifyHeaders(): void {
    this.reader.verifyHeaders();
  }

  /** The grids read so far, as read (for the schema migration, which works below the column maps). */
  rawGrids(): ReadonlyMap<string, Cell[][] | null> {
    return this.reader.rawGrids();
  }

  /** The sheet as a header-mapped table (read once, however often asked). */
  table(spec: TableSpec): Table {
    return this.reader.table(spec);
  }

  /** The header row of `sheet` (read alone when the sheet was not read whole); null when the sheet is missing. */
  header(sheet: string): Cell[] | null {
    return this.reader.headerOf(sheet);
  }

  /**
   * Rows (1-based) whose cell under header `column` holds exactly `text`, found by the service without
   * reading the column (TextFinder). [] when the sheet or the column is missing.
   */
  findRows(sheet: string, column: string, text: string): number[] {
    const col = this.reader.columnOf(sheet, column);
    return col < 0 ? [] : this.spreadsheet.findRows(sheet, col + 1, text);
  }

  /** One row as {header → cell}, read alone (one call). */
  readRecord(sheet: string, row: number): Record<string, Cell> {
    return this.reader.readRecord(sheet, row);
  }

  /**
   * Queues one cell of a row read through `table`, with the number format it must get when `format` is
   * given (e.g. `0` for a count); the last value set for a cell wins.
   */
  set(table: Table, row: TableRow | number, column: string, value: Cell, format?: string): void {
    this.writes.set(table, row, column, value, format);
  }

  /**
   * The number formats of `columns` (those present) on every row of `table`, read in one call over the
   * block they span the first time they are asked for; a lookup by row number and column name ('' when
   * unknown). A commit that is undone puts these formats back on the cells it had reformatted.
   */
  numberFormats(table: Table, columns: readonly string[]): (row: number, column: string) => string {
    return this.writes.numberFormats(table, columns);
  }

  /** Queues one cell by position, for columns that are not in the header yet (schema migration). */
  setAt(sheet: string, row: number, col: number, value: Cell): void {
    this.writes.setAt(sheet, row, col, value);
  }

  /** Drops what was read of a sheet (it was created or reshaped since): the next access reads it again. */
  forget(sheet: string): void {
    this.reader.forget(sheet);
  }

  /** Takes `header` as the sheet's header without reading it (a sheet this request has just created). */
  adoptHeader(sheet: string, header: readonly Cell[]): void {
    this.reader.adoptHeader(sheet, header);
  }

  /** Queues a row to append, given by header name; columns are placed by the header read at commit. */
  append(sheet: string, record: Record<string, Cell>): void {
    this.appends.append(sheet, record);
  }

  /**
   * Writes everything queued. On failure, restores what had been written, then rethrows. When a restore
   * fails too, throws INTERNAL whose details name what may still hold this commit's writes:
   * `notRestored: ["Operaciones!AW2:BA2", …]` (sheet and A1 ranges), plus `cause` and `undoFailures`.
   */
  commit(): CommitSummary {
    // A header from the cache is compared with row 1 before anything is written by it.
    this.reader.verifyHeaders();
    const layout = this.appends.layOut((sheet) =>
      this.writes.headerAfterCommit(sheet, this.reader.headerOf(sheet)),
    );
    const placed = this.placeExpectedAppends(layout);
    let summary: CommitSummary;
    try {
      summary = this.writes.commit(layout, {
        valuesAsRead: (sheet, cells) => this.reader.valuesAsRead(sheet, cells),
        positionFor: (sheet, anchor) => this.appends.positionFor(sheet, anchor),
        appended: (sheet, firstRow, count, used) => this.appends.appended(sheet, firstRow, count, used),
        forgetPosition: () => this.appends.forgetPosition(),
        rowsRead: (sheet) => this.reader.rowsRead(sheet),
        // Sheets whose tags disagreed are tagged again from their verified header, in this flush.
        beforeFlush: () => this.reader.tagCheck?.retag((sheet) => this.reader.verifiedHeader(sheet)),
      });
    } finally {
      this.appends.clearQueued();
    }
    for (const [sheet, { at, count }] of placed) {
      const lastWritten = at.row + count - 1;
      const grown = lastWritten > at.maxRows ? lastWritten + (at.slack ?? 0) : at.maxRows;
      this.next.set(sheet, { row: at.row + count, maxRows: grown });
    }
    this.saveCache();
    return summary;
  }

  /**
   * The position of each expected sheet's rows, before any write: the one its window proved when the rows
   * fit in the free rows it saw (or it reached the grid's end), else the adapter's (metadata calls, made
   * now so no buffered write is flushed for them). Rows grown into the grid get APPEND_WINDOW_ROWS blank
   * rows below them, so the next window sees what the other system appends there.
   */
  private placeExpectedAppends(layout: AppendLayout): Map<string, { at: AppendPosition; count: number }> {
    const placed = new Map<string, { at: AppendPosition; count: number }>();
    for (const [sheet, rows] of layout.rows) {
      const anchor = layout.anchors.get(sheet);
      if (!this.expected.has(sheet) || anchor === undefined || rows.length === 0) continue;
      const window = this.windows.get(sheet);
      const found = window && window.anchor === anchor ? window.found : null;
      let at: AppendPosition;
      if (found && (rows.length <= found.room || found.atGridEnd)) {
        at = { row: found.row, maxRows: found.maxRows, slack: APPEND_WINDOW_ROWS };
      } else if (this.spreadsheet.appendPosition) {
        at = { ...this.spreadsheet.appendPosition(sheet, anchor), slack: APPEND_WINDOW_ROWS };
      } else continue;
      this.appends.locate(sheet, anchor, at);
      placed.set(sheet, { at, count: rows.length });
    }
    return placed;
  }
}
