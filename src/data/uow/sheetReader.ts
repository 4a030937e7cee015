// What one request has read of each sheet, read at most once: whole sheets, headers, the rows and columns
// of targeted reads, shown text of key columns, the time zone; the document cache used and kept in step.

import { isEmptyCell, type Cell } from '../../domain/cell';
import { internalError, schemaError } from '../../domain/errors';
import type { AppendPosition, BlockRead, CellWrite, SpreadsheetPort } from '../../ports';
import { normalizeHeader, type TableSpec } from '../columnMap';
import type { SheetCache } from '../sheetCache';
import { Table } from '../table';
import type { WindowPosition } from './appendWindow';
import { loadColumns, type ColumnsToLoad } from './columnLoads';
import type { ColumnTagCheck } from './columnTags';
import { loadRows, type RowsToLoad } from './rowLoads';
import { menuItem } from '../../domain/menuPath';

/**
 * The read side of a UnitOfWork. Its maps are shared with rowLoads.ts and columnLoads.ts (the targeted
 * reads fill them); everything else goes through the methods.
 */
export class SheetReader {
  /** Whole sheets read (null: the sheet is missing). */
  readonly grids = new Map<string, Cell[][] | null>();
  /** Header rows read alone, or taken from the cache (null: the sheet is missing). */
  readonly headers = new Map<string, Cell[] | null>();
  /** Tables handed out, by sheet and spec (a sheet's rows cannot be read more once one exists). */
  readonly tables = new Map<string, Table>();
  /** Sheet → 0-based column index → the text the sheet shows, rows 1..n (key columns holding numbers only). */
  readonly display = new Map<string, Map<number, readonly string[]>>();
  /** Rows read by targeted reads, by sheet then row number (the values an undo restores). */
  readonly partial = new Map<string, Map<number, Cell[]>>();
  /** Shown text of key columns in rows read by targeted reads: sheet → 0-based column → row → text. */
  readonly partialDisplay = new Map<string, Map<number, Map<number, string>>>();
  /** Sheets whose header came from the cache and has not yet been compared with row 1. */
  readonly unverified = new Set<string>();
  /** Sheets whose header this request has used (to search, to lay out appends). */
  readonly relied = new Set<string>();
  /** Sheets whose whole grid came from the cache (a lookup that misses reads them again). */
  readonly cachedGrids = new Set<string>();
  /** Sheets read by loadColumns: the 0-based columns read (a write elsewhere has no known previous value). */
  readonly columnsRead = new Map<string, ReadonlySet<number>>();
  /** Append hints to check in the next batch of reads: sheet → 0-based anchor column and the hint. */
  readonly appendWindows = new Map<string, { anchor: number; hint: AppendPosition }>();
  private zone: string | null = null;

  /** `onForget` is told of every sheet dropped, so other per-sheet knowledge (append positions) goes too. */
  constructor(
    readonly spreadsheet: SpreadsheetPort,
    readonly cache: SheetCache | undefined,
    private readonly onForget: (sheet: string) => void = () => {},
    /** Told what each window of an append hint proved (null: nothing; the adapter finds the position). */
    readonly onWindow: (sheet: string, anchor: number, found: WindowPosition | null) => void = () => {},
    /** The column tags that may prove a cached header without reading row 1 (columnTags.ts); none: row 1. */
    readonly tagCheck: ColumnTagCheck | null = null,
  ) {}

  /** The header `sheet` has as verified in this request (row 1 or the tags); null when not verified or unread. */
  verifiedHeader(sheet: string): Cell[] | null {
    if (this.unverified.has(sheet)) return null;
    return this.grids.get(sheet)?.[0] ?? this.headers.get(sheet) ?? null;
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

  /** See UnitOfWork.prefetch. */
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

  /** See UnitOfWork.rereadIfCached. */
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

  loadRows(loads: readonly RowsToLoad[]): void {
    loadRows(this, loads);
  }

  loadColumns(loads: readonly ColumnsToLoad[]): void {
    loadColumns(this, loads);
  }

  /** Compares with row 1, now, every header this request took from the cache (before a commit relies on it). */
  verifyHeaders(): void {
    if (this.appendWindows.size > 0 || [...this.unverified].some((sheet) => this.relied.has(sheet)))
      loadRows(this, []);
  }

  /** Refuses a read of `sheet`'s rows once a table of it was handed out (it would not see them). */
  assertNotUsed(sheet: string, what: 'Filas' | 'Columnas'): void {
    if ([...this.tables.keys()].some((k) => k.startsWith(`${sheet}\u0000`))) {
      throw internalError(`${what} de "${sheet}" leídas después de usarse.`, { sheet });
    }
  }

  /** Keeps the shown text of `cols` (0-based) of a block read; `display` starts at 1-based column `firstCol`. */
  rememberShown(read: BlockRead, cols: readonly number[], display: string[][], firstCol: number): void {
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
  keyColumns(spec: TableSpec): number[] {
    const header = (this.headerOf(spec.sheet) ?? []).map((h) =>
      isEmptyCell(h) ? '' : normalizeHeader(String(h)),
    );
    return [
      ...new Set((spec.keys ?? []).map((k) => header.indexOf(normalizeHeader(k))).filter((i) => i >= 0)),
    ];
  }

  /** True when `sheet` was read through loadRows (its table holds only the rows read). */
  /** The rows read of a partially read sheet, sorted; null when it was read whole or not at all. */
  rowsRead(sheet: string): number[] | null {
    const rows = this.partial.get(sheet);
    return rows ? [...rows.keys()].sort((a, b) => a - b) : null;
  }

  isPartial(sheet: string): boolean {
    return this.partial.has(sheet);
  }

  /** The rows read so far of a partially read sheet, as a table (not kept: for locating more rows). */
  partialTable(spec: TableSpec): Table {
    const header = this.headerOf(spec.sheet);
    if (!header) throw missingSheet(spec.sheet);
    const rows = [...(this.partial.get(spec.sheet) ?? new Map<number, Cell[]>())].map(
      ([rowNumber, values]) => ({
        rowNumber,
        values,
      }),
    );
    return Table.partial(spec, header, rows, this.partialDisplay.get(spec.sheet) ?? new Map());
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
    if (!grid) throw missingSheet(spec.sheet);
    const table = new Table(spec, grid, this.displayText(spec, grid));
    this.tables.set(key, table);
    return table;
  }

  /** The grids read so far, as read (for the schema migration, which works below the column maps). */
  rawGrids(): ReadonlyMap<string, Cell[][] | null> {
    const out = new Map<string, Cell[][] | null>(this.grids);
    for (const [name, header] of this.headers) out.set(name, header ? [header] : null);
    return out;
  }

  /** The header row (read alone when the sheet was not read whole), marked as relied on; null: no sheet. */
  headerOf(sheet: string): Cell[] | null {
    this.relied.add(sheet);
    const grid = this.grids.get(sheet);
    if (grid) return grid[0] ?? null;
    if (!this.headers.has(sheet)) this.prefetch([], [sheet]);
    return this.headers.get(sheet) ?? null;
  }

  /** 0-based index of a column by header name in `sheet`, -1 when absent (or the sheet is missing). */
  columnOf(sheet: string, column: string): number {
    const wanted = normalizeHeader(column);
    return (this.headerOf(sheet) ?? []).findIndex(
      (cell) => !isEmptyCell(cell) && normalizeHeader(String(cell)) === wanted,
    );
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

  /**
   * The value each cell held when read (what an undo writes back). A targeted read must have read every row
   * it writes: a cell of a row not read has no known previous value, and is refused before anything is written.
   */
  valuesAsRead(sheet: string, cells: readonly CellWrite[]): (cell: CellWrite) => Cell {
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

  /** Drops what was read of a sheet (it was created or reshaped since): the next access reads it again. */
  forget(sheet: string): void {
    this.grids.delete(sheet);
    this.display.delete(sheet);
    this.headers.delete(sheet);
    this.partial.delete(sheet);
    this.partialDisplay.delete(sheet);
    this.unverified.delete(sheet);
    this.columnsRead.delete(sheet);
    this.appendWindows.delete(sheet);
    this.onForget(sheet);
    for (const key of [...this.tables.keys()]) if (key.startsWith(`${sheet}\u0000`)) this.tables.delete(key);
  }

  /** Takes `header` as the sheet's header without reading it (a sheet this request has just created). */
  adoptHeader(sheet: string, header: readonly Cell[]): void {
    this.forget(sheet);
    this.headers.set(sheet, [...header]);
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
}

/** SCHEMA: the sheet does not exist (the migration creates it). */
export function missingSheet(sheet: string) {
  return schemaError(
    `No existe la hoja "${sheet}". Créela con ${menuItem('Migrar esquema…')} (vea docs/setup.md).`,
    { sheet },
  );
}
