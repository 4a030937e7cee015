// One request's access to the spreadsheet: each sheet read at most once, every write committed together,
// and a failed commit undone so no sheet is left half-written.

import { a1, a1Ranges, isEmptyCell, type Cell } from '../domain/cell';
import { internalError, schemaError, toAppError } from '../domain/errors';
import { roundTripValue } from '../domain/text';
import type { AppendPosition, BlockRead, CellWrite, Rect, SpreadsheetPort } from '../ports';
import { normalizeHeader, type TableSpec } from './columnMap';
import type { SheetCache } from './sheetCache';
import { Table, type TableRow } from './table';

export const DEFAULT_APPEND_CHUNK = 900;

/**
 * Two row blocks closer than this many cells apart are read as one: a read costs 120 ms plus 0.03 ms a
 * cell (cost model), so reading up to 4,000 cells in between costs less than a second read.
 */
const MERGE_GAP_CELLS = 4_000;

export interface UnitOfWorkOptions {
  appendChunkSize?: number;
  /**
   * Flush after each commit (default true). A job that commits batch after batch in one execution turns it
   * off and flushes once at the end: under the cost model a flush costs 500 ms, a buffered write 0.5 ms.
   */
  flushOnCommit?: boolean;
  /** The document cache (time zone, headers, small sheets); without it everything is read. */
  cache?: SheetCache;
}

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

/** One sheet's rows to read in a targeted read: which rows, and the key columns whose shown text matters. */
export interface RowsToLoad {
  spec: TableSpec;
  rows: readonly number[];
}

/**
 * One sheet's columns to read in a column read (loadColumns): each entry a column name, or a list of
 * alternatives of which the first present in the header is read (TAG_SPOOL, else SPLIT).
 */
export interface ColumnsToLoad {
  spec: TableSpec;
  columns: ReadonlyArray<string | readonly string[]>;
}

export interface CommitSummary {
  cellsWritten: number;
  rowsAppended: number;
  sheets: string[];
}

export class UnitOfWork {
  private readonly grids = new Map<string, Cell[][] | null>();
  private readonly headers = new Map<string, Cell[] | null>();
  private readonly tables = new Map<string, Table>();
  /** Sheet → 0-based column index → the text the sheet shows, rows 1..n (key columns holding numbers only). */
  private readonly display = new Map<string, Map<number, readonly string[]>>();
  private readonly cellWrites = new Map<string, Map<string, CellWrite>>();
  private readonly appends = new Map<string, Record<string, Cell>[]>();
  /** Number formats read this request, by sheet then `row:col` (also what an undo restores). */
  private readonly formats = new Map<string, Map<string, string>>();
  private readonly formatBlocks = new Set<string>();
  private readonly appendChunkSize: number;
  private readonly flushOnCommit: boolean;
  private zone: string | null = null;
  private readonly cache: SheetCache | undefined;
  /** Rows read by targeted reads, by sheet then row number (the values an undo restores). */
  private readonly partial = new Map<string, Map<number, Cell[]>>();
  /** Shown text of key columns in rows read by targeted reads: sheet → 0-based column → row → text. */
  private readonly partialDisplay = new Map<string, Map<number, Map<number, string>>>();
  /** Sheets whose header came from the cache and has not yet been compared with row 1. */
  private readonly unverified = new Set<string>();
  /** Sheets whose header this request has used (to search, to lay out appends). */
  private readonly relied = new Set<string>();
  /** Sheets whose whole grid came from the cache (a lookup that misses reads them again). */
  private readonly cachedGrids = new Set<string>();
  /** Sheets read by loadColumns: the 0-based columns read (a write elsewhere has no known previous value). */
  private readonly columnsRead = new Map<string, ReadonlySet<number>>();
  /** Where the next rows appended to a sheet go, found before the first buffered write (locateAppends). */
  private readonly appendAt = new Map<string, AppendPosition & { anchor: number }>();

  constructor(
    private readonly spreadsheet: SpreadsheetPort,
    options: UnitOfWorkOptions = {},
  ) {
    this.cache = options.cache;
    this.appendChunkSize = options.appendChunkSize ?? DEFAULT_APPEND_CHUNK;
    this.flushOnCommit = options.flushOnCommit ?? true;
    if (!Number.isInteger(this.appendChunkSize) || this.appendChunkSize < 1) {
      throw internalError('El tamaño de bloque de escritura debe ser un entero positivo.');
    }
  }

  timeZone(): string {
    if (this.zone === null) {
      this.zone = this.cache?.timeZone() ?? null;
      if (this.zone === null) {
        this.zone = this.spreadsheet.timeZone();
        this.cache?.rememberTimeZone(this.zone);
      }
    }
    return this.zone;
  }

  /** Stores in the document cache what this request had to read fresh (one call; none when all was cached). */
  saveCache(): void {
    this.cache?.save();
  }

  /**
   * Reads, in one batch, the sheets of `names` not read yet in this request, and the header row alone of
   * `headersOf` (sheets this request only appends to).
   */
  prefetch(names: readonly string[], headersOf: readonly string[] = []): void {
    for (const name of new Set(names)) {
      const cached = this.grids.has(name) ? null : (this.cache?.grid(name) ?? null);
      if (cached) {
        this.grids.set(name, cached);
        this.cachedGrids.add(name);
      }
    }
    const missing = [...new Set(names)].filter((name) => !this.grids.has(name));
    for (const name of new Set(headersOf)) {
      const cached =
        this.grids.has(name) || this.headers.has(name) ? null : (this.cache?.header(name) ?? null);
      if (cached) {
        // Used at once (to search), compared with row 1 in the next batch of reads (loadRows, commit).
        this.headers.set(name, cached);
        this.unverified.add(name);
      }
    }
    const headers = [...new Set(headersOf)].filter(
      (name) => !this.grids.has(name) && !this.headers.has(name),
    );
    if (missing.length === 0 && headers.length === 0) return;
    const read = this.spreadsheet.readSheets([...missing, ...headers], headers);
    for (const name of missing) {
      const grid = read.get(name) ?? null;
      this.grids.set(name, grid);
      if (grid) this.cache?.rememberGrid(name, grid);
    }
    for (const name of headers) {
      const grid = read.get(name) ?? null;
      // An existing sheet with nothing in row 1 is an empty header, not a missing sheet.
      this.headers.set(name, grid === null ? null : (grid[0] ?? []));
      if (grid?.[0]) this.cache?.rememberHeader(name, grid[0]);
    }
  }

  /**
   * The cheap validity check of a cached small sheet: true when `sheet` came from the cache, in which case
   * it is read again now (a lookup missed: a worker added by hand is seen at once, not after the expiry).
   */
  rereadIfCached(sheets: readonly string[]): boolean {
    const stale = sheets.filter((name) => this.cachedGrids.has(name));
    if (stale.length === 0) return false;
    for (const name of stale) {
      this.cachedGrids.delete(name);
      this.forget(name);
    }
    const read = this.spreadsheet.readSheets(stale);
    for (const name of stale) {
      const grid = read.get(name) ?? null;
      this.grids.set(name, grid);
      if (grid) this.cache?.rememberGrid(name, grid);
    }
    return true;
  }

  /**
   * Reads only `rows` of each sheet (1-based; a targeted read, issue 9): for every sheet, the blocks the
   * rows form (neighbours merged when a second read would cost more than the cells in between), all in one
   * batch (one batchGet on the Sheets API), together with row 1 of every sheet whose header came from the
   * cache (a header changed by hand throws StaleHeaderError, before anything is used). The shown text of
   * key columns holding numbers is read for those rows only. Rows already read are not read again.
   */
  loadRows(loads: readonly RowsToLoad[]): void {
    const reads: Array<BlockRead & { check?: Cell[]; spec?: TableSpec }> = [];
    for (const { spec, rows } of loads) {
      if ([...this.tables.keys()].some((k) => k.startsWith(`${spec.sheet}\u0000`))) {
        throw internalError(`Filas de "${spec.sheet}" leídas después de usarse.`, { sheet: spec.sheet });
      }
      const header = this.headerOf(spec.sheet);
      if (!header) throw this.missingSheet(spec.sheet);
      const known = this.partial.get(spec.sheet) ?? new Map<number, Cell[]>();
      this.partial.set(spec.sheet, known);
      const width = Math.max(1, trimmedWidth(header));
      const wanted = [...new Set(rows)].filter((r) => r >= 2 && !known.has(r)).sort((a, b) => a - b);
      for (const rect of planBlocks(wanted, width)) reads.push({ sheet: spec.sheet, rect, spec });
    }
    // Row 1 of each sheet still trusted from the cache and relied on, in the same batch (merged when it
    // touches a block). A header only warmed into the cache and never used needs no check.
    for (const sheet of this.unverified) {
      if (!this.relied.has(sheet) && !loads.some((l) => l.spec.sheet === sheet)) continue;
      const header = this.headers.get(sheet)!;
      const width = Math.max(1, trimmedWidth(header));
      const first = reads.find((r) => r.sheet === sheet && r.rect.row * width <= MERGE_GAP_CELLS);
      if (first) {
        first.rect = { ...first.rect, row: 1, numRows: first.rect.numRows + first.rect.row - 1 };
        first.check = header;
      } else reads.push({ sheet, rect: { row: 1, col: 1, numRows: 1, numCols: width }, check: header });
    }
    if (reads.length === 0) return;
    const replies = this.spreadsheet.readBlocks(reads);
    reads.forEach((read, i) => {
      if (!read.check) return;
      const row1 = replies[i]!.values[0] ?? [];
      if (!sameHeader(row1, read.check)) {
        // Every header this request took from the cache is dropped, not just this one: the one retry
        // (retryOnStaleHeader) must not meet a second sheet changed in the same minute.
        for (const sheet of new Set([read.sheet, ...this.unverified])) this.cache?.forget(sheet);
        throw new StaleHeaderError(read.sheet);
      }
      this.unverified.delete(read.sheet);
    });
    const shownNeeded: Array<{ read: BlockRead; cols: number[]; index: number }> = [];
    reads.forEach((read, i) => {
      const known = this.partial.get(read.sheet);
      if (!known || !read.spec) return; // a header check alone
      const { values, display } = replies[i]!;
      values.forEach((line, r) => {
        const rowNumber = read.rect.row + r;
        if (rowNumber >= 2) known.set(rowNumber, line);
      });
      const keyCols = this.keyColumns(read.spec);
      // Key columns holding a number or a date in these rows: their text depends on the format (OT 8 shows 008).
      const cols = keyCols.filter((c) =>
        values.some(
          (line, r) => read.rect.row + r >= 2 && typeof line[c] !== 'string' && !isEmptyCell(line[c]),
        ),
      );
      if (cols.length === 0) return;
      if (display) this.rememberShown(read, cols, display, read.rect.col);
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
    const shown = this.spreadsheet.readBlocks(rects, { display: true });
    shownNeeded.forEach(({ read, cols }, i) =>
      this.rememberShown(
        { sheet: read.sheet, rect: rects[i]!.rect },
        cols,
        shown[i]!.display ?? [],
        rects[i]!.rect.col,
      ),
    );
  }

  private rememberShown(
    read: BlockRead,
    cols: readonly number[],
    display: string[][],
    firstCol: number,
  ): void {
    const bySheet = this.partialDisplay.get(read.sheet) ?? new Map<number, Map<number, string>>();
    this.partialDisplay.set(read.sheet, bySheet);
    for (const c of cols) {
      const byRow = bySheet.get(c) ?? new Map<number, string>();
      bySheet.set(c, byRow);
      display.forEach((line, r) => {
        if (read.rect.row + r >= 2) byRow.set(read.rect.row + r, line[c - (firstCol - 1)] ?? '');
      });
    }
  }

  /** 0-based indexes of the spec's key columns present in the sheet's header. */
  private keyColumns(spec: TableSpec): number[] {
    const header = (this.headerOf(spec.sheet) ?? []).map((h) =>
      isEmptyCell(h) ? '' : normalizeHeader(String(h)),
    );
    return [
      ...new Set((spec.keys ?? []).map((k) => header.indexOf(normalizeHeader(k))).filter((i) => i >= 0)),
    ];
  }

  /**
   * Reads only `columns` of each sheet, over every row up to the last used one (one getLastRow each): one
   * rectangle per run of adjacent columns, all in one batch (one batchGet on the Sheets API). Each rectangle
   * starts at row 1, so a header taken from the cache is checked in the same read; when it changed, the
   * header is read fresh and the columns again. The sheet's table then holds every row, with the cells of
   * the columns not read blank (repositories work unchanged); a write to such a column is refused. The shown
   * text of key columns holding numbers is read for these columns only (issue 10 §4).
   */
  loadColumns(loads: readonly ColumnsToLoad[]): void {
    let pending = loads.filter(({ spec }) => !this.grids.get(spec.sheet));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const plans = pending.map((load) => this.planColumns(load));
      const replies = this.spreadsheet.readBlocks(
        plans.flatMap((plan) => plan.rects.map((rect) => ({ sheet: plan.sheet, rect }))),
      );
      const retry: ColumnsToLoad[] = [];
      let next = 0;
      plans.forEach((plan, i) => {
        const mine = replies.slice(next, (next += plan.rects.length));
        if (this.unverified.has(plan.sheet)) {
          const row1 = plan.rects.flatMap((rect, r) =>
            Array.from({ length: rect.numCols }, (_, c) => mine[r]!.values[0]?.[c] ?? ''),
          );
          const cached = plan.rects.flatMap((rect) =>
            plan.header.slice(rect.col - 1, rect.col - 1 + rect.numCols),
          );
          if (!sameHeader(row1, cached) && attempt === 0) {
            // Changed by hand within the cache's minute: read the header fresh and the columns again.
            this.cache?.forget(plan.sheet);
            this.headers.delete(plan.sheet);
            this.unverified.delete(plan.sheet);
            retry.push(pending[i]!);
            return;
          }
          this.unverified.delete(plan.sheet);
        }
        this.placeColumns(plan, mine);
      });
      pending = retry;
    }
  }

  /** The header, the 0-based columns to read and the rectangles they form (rows 1..last used row). */
  private planColumns({ spec, columns }: ColumnsToLoad) {
    const sheet = spec.sheet;
    if ([...this.tables.keys()].some((k) => k.startsWith(`${sheet}\u0000`))) {
      throw internalError(`Columnas de "${sheet}" leídas después de usarse.`, { sheet });
    }
    const header = this.headerOf(sheet);
    if (!header) throw this.missingSheet(sheet);
    const names = header.map((h) => (isEmptyCell(h) ? '' : normalizeHeader(String(h))));
    const cols = new Set<number>();
    for (const column of columns) {
      const choices = typeof column === 'string' ? [column] : column;
      const found = choices.map((name) => names.indexOf(normalizeHeader(name))).find((i) => i >= 0);
      if (found !== undefined) cols.add(found);
    }
    const sorted = [...cols].sort((a, b) => a - b);
    const lastRow = Math.max(1, this.spreadsheet.lastRow(sheet));
    const rects: Rect[] = [];
    for (const col of sorted) {
      const last = rects[rects.length - 1];
      if (last && last.col + last.numCols - 1 === col) last.numCols += 1;
      else rects.push({ row: 1, col: col + 1, numRows: lastRow, numCols: 1 });
    }
    return { sheet, spec, header, cols: sorted, rects, lastRow };
  }

  /** Places the columns read into rows as wide as the header (other cells blank) and reads key columns' shown text. */
  private placeColumns(
    plan: ReturnType<UnitOfWork['planColumns']>,
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
    this.partial.set(sheet, rows);
    this.columnsRead.set(sheet, new Set(plan.cols));
    this.partialDisplay.delete(sheet);
    // Key columns holding a number or a date: their text depends on the format (OT 8 shows 008).
    const keyCols = this.keyColumns(spec).filter(
      (c) =>
        plan.cols.includes(c) &&
        [...rows.values()].some((line) => typeof line[c] !== 'string' && !isEmptyCell(line[c])),
    );
    const shownNeeded: BlockRead[] = [];
    rects.forEach((rect, i) => {
      const inside = keyCols.filter((c) => c + 1 >= rect.col && c + 1 < rect.col + rect.numCols);
      if (inside.length === 0) return;
      const display = replies[i]!.display;
      if (display) return this.rememberShown({ sheet, rect }, inside, display, rect.col);
      const first = Math.min(...inside);
      shownNeeded.push({
        sheet,
        rect: { row: 1, col: first + 1, numRows: lastRow, numCols: Math.max(...inside) - first + 1 },
      });
    });
    if (shownNeeded.length === 0) return;
    // SpreadsheetApp: one getDisplayValues per run of key columns.
    const shown = this.spreadsheet.readBlocks(shownNeeded, { display: true });
    shownNeeded.forEach((read, i) =>
      this.rememberShown(
        read,
        keyCols.filter((c) => c + 1 >= read.rect.col && c + 1 < read.rect.col + read.rect.numCols),
        shown[i]!.display ?? [],
        read.rect.col,
      ),
    );
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
    const col = this.columnOf(sheet, column);
    if (col < 0) return;
    this.appendAt.set(sheet, { anchor: col + 1, ...this.spreadsheet.appendPosition(sheet, col + 1) });
  }

  /** True when `sheet` was read through loadRows (its table holds only the rows read). */
  isPartial(sheet: string): boolean {
    return this.partial.has(sheet);
  }

  /** The rows read so far of a partially read sheet, as a table (not kept: for locating more rows). */
  partialTable(spec: TableSpec): Table {
    const header = this.headerOf(spec.sheet);
    if (!header) throw this.missingSheet(spec.sheet);
    const rows = [...(this.partial.get(spec.sheet) ?? new Map<number, Cell[]>())].map(
      ([rowNumber, values]) => ({
        rowNumber,
        values,
      }),
    );
    return Table.partial(spec, header, rows, this.partialDisplay.get(spec.sheet) ?? new Map());
  }

  /** 0-based index of a column by header name in `sheet`, -1 when absent (or the sheet is missing). */
  columnIndex(sheet: string, column: string): number {
    return this.columnOf(sheet, column);
  }

  /**
   * Rows whose cell under `column` matches the RE2 `pattern` as a whole, as the sheet shows it (one
   * TextFinder search); [] when the column is missing.
   */
  findRowsMatching(sheet: string, column: string, pattern: string): number[] {
    const col = this.columnOf(sheet, column);
    return col < 0 ? [] : this.spreadsheet.findRows(sheet, col + 1, pattern, { regex: true });
  }

  /** Compares with row 1, now, every header this request took from the cache (before a commit relies on it). */
  verifyHeaders(): void {
    if ([...this.unverified].some((sheet) => this.relied.has(sheet))) this.loadRows([]);
  }

  private missingSheet(sheet: string) {
    return schemaError(
      `No existe la hoja "${sheet}". Créela con el menú Spool Union Tracker → Migrar esquema… (vea docs/setup.md).`,
      { sheet },
    );
  }

  /** The grids read so far, as read (for the schema migration, which works below the column maps). */
  rawGrids(): ReadonlyMap<string, Cell[][] | null> {
    const out = new Map<string, Cell[][] | null>(this.grids);
    for (const [name, header] of this.headers) out.set(name, header ? [header] : null);
    return out;
  }

  /** The sheet as a header-mapped table (read once, however often asked). */
  table(spec: TableSpec): Table {
    const key = `${spec.sheet}\u0000${spec.required.join(',')}\u0000${(spec.optional ?? []).join(',')}`;
    const cached = this.tables.get(key);
    if (cached) return cached;
    if (this.partial.has(spec.sheet)) {
      const table = this.partialTable(spec);
      this.tables.set(key, table);
      return table;
    }
    this.prefetch([spec.sheet]);
    const grid = this.grids.get(spec.sheet);
    if (!grid) {
      throw schemaError(
        `No existe la hoja "${spec.sheet}". Créela con el menú Spool Union Tracker → Migrar esquema… (vea docs/setup.md).`,
        { sheet: spec.sheet },
      );
    }
    const table = new Table(spec, grid, this.displayText(spec, grid));
    this.tables.set(key, table);
    return table;
  }

  /** The header row of `sheet` (read alone when the sheet was not read whole); null when the sheet is missing. */
  header(sheet: string): Cell[] | null {
    return this.headerOf(sheet);
  }

  /**
   * Rows (1-based) whose cell under header `column` holds exactly `text`, found by the service without
   * reading the column (TextFinder). [] when the sheet or the column is missing.
   */
  findRows(sheet: string, column: string, text: string): number[] {
    const col = this.columnOf(sheet, column);
    return col < 0 ? [] : this.spreadsheet.findRows(sheet, col + 1, text);
  }

  /** One row as {header → cell}, read alone (one call). */
  readRecord(sheet: string, row: number): Record<string, Cell> {
    const header = this.headerOf(sheet) ?? [];
    const width = header.length;
    const values =
      width === 0
        ? []
        : (this.spreadsheet.readRange(sheet, { row, col: 1, numRows: 1, numCols: width })[0] ?? []);
    const record: Record<string, Cell> = {};
    header.forEach((name, i) => {
      if (!isEmptyCell(name)) record[normalizeHeader(String(name))] = values[i] ?? '';
    });
    return record;
  }

  private columnOf(sheet: string, column: string): number {
    const wanted = normalizeHeader(column);
    return (this.headerOf(sheet) ?? []).findIndex(
      (cell) => !isEmptyCell(cell) && normalizeHeader(String(cell)) === wanted,
    );
  }

  /**
   * The display text of the key columns that hold numbers (one extra read per such column, only then):
   * keys are matched as the sheet shows them. Read once per sheet and column in a request.
   */
  private displayText(spec: TableSpec, grid: readonly Cell[][]): Map<number, readonly string[]> {
    const wanted = Table.formattedKeyColumns(spec, grid);
    const known = this.display.get(spec.sheet) ?? new Map<number, readonly string[]>();
    this.display.set(spec.sheet, known);
    const missing = wanted.filter((i) => !known.has(i));
    if (missing.length > 0) {
      const read = this.spreadsheet.readDisplayText(
        spec.sheet,
        missing.map((i) => i + 1),
        grid.length,
      );
      for (const i of missing) known.set(i, read.get(i + 1) ?? []);
    }
    return new Map(wanted.map((i) => [i, known.get(i)!]));
  }

  /**
   * Queues one cell of a row read through `table`, with the number format it must get when `format` is
   * given (e.g. `0` for a count); the last value set for a cell wins.
   */
  set(table: Table, row: TableRow | number, column: string, value: Cell, format?: string): void {
    const rowNumber = typeof row === 'number' ? row : row.rowNumber;
    const col = table.columns.index(column) + 1;
    let sheetWrites = this.cellWrites.get(table.sheet);
    if (!sheetWrites) {
      sheetWrites = new Map();
      this.cellWrites.set(table.sheet, sheetWrites);
    }
    sheetWrites.set(
      `${rowNumber}:${col}`,
      format === undefined ? { row: rowNumber, col, value } : { row: rowNumber, col, value, format },
    );
  }

  /**
   * The number formats of `columns` (those present) on every row of `table`, read in one call over the
   * block they span the first time they are asked for; a lookup by row number and column name ('' when
   * unknown). A commit that is undone puts these formats back on the cells it had reformatted.
   */
  numberFormats(table: Table, columns: readonly string[]): (row: number, column: string) => string {
    const cols = columns.filter((c) => table.columns.has(c)).map((c) => table.columns.index(c) + 1);
    const firstRow = table.rows[0]?.rowNumber ?? 2;
    const numRows = table.rows.length === 0 ? 0 : table.rows[table.rows.length - 1]!.rowNumber - firstRow + 1;
    if (cols.length > 0 && numRows > 0) {
      const first = Math.min(...cols);
      const numCols = Math.max(...cols) - first + 1;
      const block = `${table.sheet}\u0000${firstRow}:${first}:${numCols}:${numRows}`;
      if (!this.formatBlocks.has(block)) {
        this.formatBlocks.add(block);
        const read = this.spreadsheet.readNumberFormats(table.sheet, {
          row: firstRow,
          col: first,
          numRows,
          numCols,
        });
        let known = this.formats.get(table.sheet);
        if (!known) {
          known = new Map();
          this.formats.set(table.sheet, known);
        }
        read.forEach((line, r) =>
          line.forEach((format, c) => known!.set(`${r + firstRow}:${first + c}`, format)),
        );
      }
    }
    return (row, column) =>
      table.columns.has(column)
        ? (this.formats.get(table.sheet)?.get(`${row}:${table.columns.index(column) + 1}`) ?? '')
        : '';
  }

  /** Queues one cell by position, for columns that are not in the header yet (schema migration). */
  setAt(sheet: string, row: number, col: number, value: Cell): void {
    let sheetWrites = this.cellWrites.get(sheet);
    if (!sheetWrites) {
      sheetWrites = new Map();
      this.cellWrites.set(sheet, sheetWrites);
    }
    sheetWrites.set(`${row}:${col}`, { row, col, value });
  }

  /** Drops what was read of a sheet (it was created or reshaped since): the next access reads it again. */
  forget(sheet: string): void {
    this.grids.delete(sheet);
    this.display.delete(sheet);
    this.headers.delete(sheet);
    this.partial.delete(sheet);
    this.partialDisplay.delete(sheet);
    this.unverified.delete(sheet);
    this.columnsRead.delete(sheet);
    this.appendAt.delete(sheet);
    for (const key of [...this.tables.keys()]) if (key.startsWith(`${sheet}\u0000`)) this.tables.delete(key);
  }

  /** Takes `header` as the sheet's header without reading it (a sheet this request has just created). */
  adoptHeader(sheet: string, header: readonly Cell[]): void {
    this.forget(sheet);
    this.headers.set(sheet, [...header]);
  }

  /** Queues a row to append, given by header name; columns are placed by the header read at commit. */
  append(sheet: string, record: Record<string, Cell>): void {
    const list = this.appends.get(sheet) ?? [];
    list.push(record);
    this.appends.set(sheet, list);
  }

  /**
   * Writes everything queued. On failure, restores what had been written, then rethrows. When a restore
   * fails too, throws INTERNAL whose details name what may still hold this commit's writes:
   * `notRestored: ["Operaciones!AW2:BA2", …]` (sheet and A1 ranges), plus `cause` and `undoFailures`.
   */
  commit(): CommitSummary {
    // A header from the cache is compared with row 1 before anything is written by it.
    this.verifyHeaders();
    const summary = this.commitWrites();
    this.saveCache();
    return summary;
  }

  private commitWrites(): CommitSummary {
    const { rows: appendRows, anchors } = this.layOutAppends();
    if (this.spreadsheet.writeBatch) return this.commitAtomically(appendRows, anchors);
    // Each undo step with the cells it restores, so a failed one can be named.
    const undo: Array<{ run: () => void; ranges: string[] }> = [];
    const summary: CommitSummary = { cellsWritten: 0, rowsAppended: 0, sheets: [] };
    try {
      // Appends first: finding the last row is a metadata call, which after a buffered write would cost a flush.
      for (const [sheet, rows] of appendRows) {
        // The adapter removes a partial append itself; a completed one is undone here.
        const located = this.appendAt.get(sheet);
        const at = located && located.anchor === anchors.get(sheet) ? located : undefined;
        const { firstRow } = this.spreadsheet.appendRows(
          sheet,
          rows,
          this.appendChunkSize,
          anchors.get(sheet),
          at && { row: at.row, maxRows: at.maxRows },
        );
        // The next append of this request goes right below (the grid grew when it had to).
        if (at) {
          at.row = firstRow + rows.length;
          at.maxRows = Math.max(at.maxRows, at.row - 1);
        } else this.appendAt.delete(sheet);
        const width = Math.max(1, ...rows.map((r) => r.length));
        undo.push({
          run: () => this.spreadsheet.deleteRows(sheet, firstRow, rows.length),
          ranges: [`${sheet}!${a1(firstRow, 1)}:${a1(firstRow + rows.length - 1, width)}`],
        });
        summary.rowsAppended += rows.length;
        if (!summary.sheets.includes(sheet)) summary.sheets.push(sheet);
      }
      for (const [sheet, writes] of this.cellWrites) {
        const cells = [...writes.values()];
        const previousCell = this.previousValues(sheet, cells);
        const known = this.formats.get(sheet);
        const previous = cells.map((c): CellWrite => {
          const value = roundTripValue(previousCell(c));
          // A format is put back when it was read this request. One that was not (FINALIZAR does not
          // spend a read on them) stays as written: only metric cells carry one, and it is their right one.
          const format = c.format === undefined ? undefined : known?.get(`${c.row}:${c.col}`);
          return format === undefined
            ? { row: c.row, col: c.col, value }
            : { row: c.row, col: c.col, value, format };
        });
        // Pushed before the call: a sheet written part-way is restored too (rewriting an unchanged cell is harmless).
        undo.push({
          run: () => this.spreadsheet.writeCells(sheet, previous),
          ranges: a1Ranges(cells).map((range) => `${sheet}!${range}`),
        });
        this.spreadsheet.writeCells(sheet, cells);
        summary.cellsWritten += cells.length;
        summary.sheets.push(sheet);
      }
      if (summary.sheets.length > 0 && this.flushOnCommit) this.spreadsheet.flush?.();
    } catch (error) {
      // Rows appended and then removed: positions found earlier are no longer sure.
      this.appendAt.clear();
      const failures: string[] = [];
      const notRestored: string[] = [];
      for (const step of undo.reverse()) {
        try {
          step.run();
        } catch (undoError) {
          failures.push(undoError instanceof Error ? undoError.message : String(undoError));
          notRestored.push(...step.ranges);
        }
      }
      if (failures.length > 0) {
        throw internalError(
          `La escritura falló y no se pudo deshacer por completo; pueden haber quedado escritas ${notRestored.join(', ')}.`,
          { cause: toAppError(error).message, undoFailures: failures, notRestored },
        );
      }
      throw error;
    } finally {
      this.cellWrites.clear();
      this.appends.clear();
    }
    return summary;
  }

  /**
   * The value each cell held when read (what an undo writes back). A targeted read must have read every row
   * it writes: a cell of a row not read has no known previous value, and is refused before anything is written.
   */
  private previousValues(sheet: string, cells: readonly CellWrite[]): (cell: CellWrite) => Cell {
    const grid = this.grids.get(sheet);
    const rows = this.partial.get(sheet);
    if (!grid && rows) {
      const columns = this.columnsRead.get(sheet);
      const unread = cells.filter(
        (c) => c.row > 1 && (!rows.has(c.row) || (columns !== undefined && !columns.has(c.col - 1))),
      );
      if (unread.length > 0) {
        throw internalError(`Se iba a escribir en filas de "${sheet}" que no se leyeron.`, {
          sheet,
          rows: [...new Set(unread.map((c) => c.row))],
        });
      }
      return (c) => rows.get(c.row)?.[c.col - 1] ?? '';
    }
    return (c) => grid?.[c.row - 1]?.[c.col - 1] ?? '';
  }

  /** One call that writes all or nothing: no undo needed. */
  private commitAtomically(
    appendRows: Map<string, Cell[][]>,
    anchors: ReadonlyMap<string, number>,
  ): CommitSummary {
    const cells = new Map<string, CellWrite[]>();
    for (const [sheet, writes] of this.cellWrites) cells.set(sheet, [...writes.values()]);
    try {
      if (cells.size > 0 || appendRows.size > 0)
        this.spreadsheet.writeBatch!({ cells, appends: appendRows, appendAnchors: anchors });
    } finally {
      this.cellWrites.clear();
      this.appends.clear();
    }
    let cellsWritten = 0;
    let rowsAppended = 0;
    for (const list of cells.values()) cellsWritten += list.length;
    for (const rows of appendRows.values()) rowsAppended += rows.length;
    return { cellsWritten, rowsAppended, sheets: [...new Set([...cells.keys(), ...appendRows.keys()])] };
  }

  private headerOf(sheet: string): Cell[] | null {
    this.relied.add(sheet);
    const grid = this.grids.get(sheet);
    if (grid) return grid[0] ?? null;
    if (!this.headers.has(sheet)) this.prefetch([], [sheet]);
    return this.headers.get(sheet) ?? null;
  }

  /** The header as it will be once this commit's own row-1 writes (columns a migration adds) are in. */
  private headerAfterCommit(sheet: string): Cell[] | null {
    const header = this.headerOf(sheet);
    const pending = [...(this.cellWrites.get(sheet)?.values() ?? [])].filter((w) => w.row === 1);
    if (!header || pending.length === 0) return header;
    const merged = header.slice();
    for (const { col, value } of pending) {
      while (merged.length < col) merged.push('');
      merged[col - 1] = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
    }
    return merged;
  }

  /**
   * Rows to append, laid out by the header and cut after the last column we write (a user's column to the
   * right, e.g. checkboxes, is left alone); and per sheet the anchor column: the leftmost column every row
   * fills, after whose last value the rows go (1-based).
   */
  private layOutAppends(): { rows: Map<string, Cell[][]>; anchors: Map<string, number> } {
    const laidOut = new Map<string, Cell[][]>();
    const anchors = new Map<string, number>();
    for (const [sheet, records] of this.appends) {
      const headerRow = this.headerAfterCommit(sheet);
      if (!headerRow || headerRow.length === 0) throw schemaError(`No existe la hoja "${sheet}".`, { sheet });
      const header = headerRow.map((cell) => (isEmptyCell(cell) ? '' : normalizeHeader(String(cell))));
      while (header.length > 0 && header[header.length - 1] === '') header.pop();
      // Field name → column, worked out once per sheet rather than once per field of every row.
      const positions = new Map<string, number>();
      const indexOf = (name: string) => {
        if (!positions.has(name)) positions.set(name, header.indexOf(normalizeHeader(name)));
        return positions.get(name)!;
      };
      const rows = records.map((record) => {
        const row: Cell[] = header.map(() => '');
        for (const [name, value] of Object.entries(record)) {
          const index = indexOf(name);
          if (index < 0) {
            throw schemaError(`A la hoja "${sheet}" le falta la columna ${name}.`, {
              sheet,
              missing: [name],
            });
          }
          row[index] = value;
        }
        return row;
      });
      const used = [...positions.values()].filter((i) => i >= 0);
      const width = used.length > 0 ? Math.max(...used) + 1 : header.length;
      laidOut.set(
        sheet,
        rows.map((row) => row.slice(0, width)),
      );
      const filledByAll = used.filter((i) => rows.every((row) => !isEmptyCell(row[i]))).sort((a, b) => a - b);
      const anchor = filledByAll[0] ?? Math.min(...used);
      if (Number.isFinite(anchor)) anchors.set(sheet, anchor + 1);
    }
    return { rows: laidOut, anchors };
  }
}

/** Columns up to the last non-blank header cell. */
function trimmedWidth(header: readonly Cell[]): number {
  let width = header.length;
  while (width > 0 && isEmptyCell(header[width - 1])) width--;
  return width;
}

/** Row 1 as read against a cached header: the same names in the same places (trailing blanks aside). */
function sameHeader(row1: readonly Cell[], cached: readonly Cell[]): boolean {
  const names = (cells: readonly Cell[]) =>
    cells.slice(0, trimmedWidth(cells)).map((c) => (isEmptyCell(c) ? '' : String(c).trim()));
  const [a, b] = [names(row1), names(cached)];
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * The rectangles that read `rows` (sorted, 1-based) across `width` columns: consecutive rows form one block,
 * and blocks closer than MERGE_GAP_CELLS are merged (cheaper than another read).
 */
export function planBlocks(rows: readonly number[], width: number): Rect[] {
  const blocks: Rect[] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    const end = last ? last.row + last.numRows - 1 : -Infinity;
    if (last && (row - end - 1) * width < MERGE_GAP_CELLS) last.numRows = row - last.row + 1;
    else blocks.push({ row, col: 1, numRows: 1, numCols: width });
  }
  return blocks;
}
