// One request's access to the spreadsheet: each sheet read at most once, every write committed together,
// and a failed commit undone so no sheet is left half-written.

import { a1, a1Ranges, isEmptyCell, type Cell } from '../domain/cell';
import { internalError, schemaError, toAppError } from '../domain/errors';
import { roundTripValue } from '../domain/text';
import type { CellWrite, SpreadsheetPort } from '../ports';
import { normalizeHeader, type TableSpec } from './columnMap';
import { Table, type TableRow } from './table';

export const DEFAULT_APPEND_CHUNK = 900;

export interface UnitOfWorkOptions {
  appendChunkSize?: number;
  /**
   * Flush after each commit (default true). A job that commits batch after batch in one execution turns it
   * off and flushes once at the end: under the cost model a flush costs 500 ms, a buffered write 0.5 ms.
   */
  flushOnCommit?: boolean;
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

  constructor(
    private readonly spreadsheet: SpreadsheetPort,
    options: UnitOfWorkOptions = {},
  ) {
    this.appendChunkSize = options.appendChunkSize ?? DEFAULT_APPEND_CHUNK;
    this.flushOnCommit = options.flushOnCommit ?? true;
    if (!Number.isInteger(this.appendChunkSize) || this.appendChunkSize < 1) {
      throw internalError('El tamaño de bloque de escritura debe ser un entero positivo.');
    }
  }

  timeZone(): string {
    this.zone ??= this.spreadsheet.timeZone();
    return this.zone;
  }

  /**
   * Reads, in one batch, the sheets of `names` not read yet in this request, and the header row alone of
   * `headersOf` (sheets this request only appends to).
   */
  prefetch(names: readonly string[], headersOf: readonly string[] = []): void {
    const missing = [...new Set(names)].filter((name) => !this.grids.has(name));
    const headers = [...new Set(headersOf)].filter(
      (name) => !this.grids.has(name) && !this.headers.has(name),
    );
    if (missing.length === 0 && headers.length === 0) return;
    const read = this.spreadsheet.readSheets([...missing, ...headers], headers);
    for (const name of missing) this.grids.set(name, read.get(name) ?? null);
    for (const name of headers) {
      const grid = read.get(name) ?? null;
      // An existing sheet with nothing in row 1 is an empty header, not a missing sheet.
      this.headers.set(name, grid === null ? null : (grid[0] ?? []));
    }
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
    const numRows = table.rows.length;
    if (cols.length > 0 && numRows > 0) {
      const first = Math.min(...cols);
      const numCols = Math.max(...cols) - first + 1;
      const block = `${table.sheet}\u0000${first}:${numCols}:${numRows}`;
      if (!this.formatBlocks.has(block)) {
        this.formatBlocks.add(block);
        const read = this.spreadsheet.readNumberFormats(table.sheet, {
          row: 2,
          col: first,
          numRows,
          numCols,
        });
        let known = this.formats.get(table.sheet);
        if (!known) {
          known = new Map();
          this.formats.set(table.sheet, known);
        }
        read.forEach((line, r) => line.forEach((format, c) => known!.set(`${r + 2}:${first + c}`, format)));
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
    const { rows: appendRows, anchors } = this.layOutAppends();
    if (this.spreadsheet.writeBatch) return this.commitAtomically(appendRows, anchors);
    // Each undo step with the cells it restores, so a failed one can be named.
    const undo: Array<{ run: () => void; ranges: string[] }> = [];
    const summary: CommitSummary = { cellsWritten: 0, rowsAppended: 0, sheets: [] };
    try {
      // Appends first: finding the last row is a metadata call, which after a buffered write would cost a flush.
      for (const [sheet, rows] of appendRows) {
        // The adapter removes a partial append itself; a completed one is undone here.
        const { firstRow } = this.spreadsheet.appendRows(
          sheet,
          rows,
          this.appendChunkSize,
          anchors.get(sheet),
        );
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
        const grid = this.grids.get(sheet) ?? [];
        const known = this.formats.get(sheet);
        const previous = cells.map((c): CellWrite => {
          const value = roundTripValue(grid[c.row - 1]?.[c.col - 1] ?? '');
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
