// The writes one request buffers (cells, with number formats) and their commit: in one atomic call when
// the adapter has one, otherwise appends then cell writes, undone in reverse when any of them fails.

import { a1, a1Ranges, type Cell } from '../../domain/cell';
import { internalError, toAppError } from '../../domain/errors';
import { roundTripValue } from '../../domain/text';
import type { AppendPosition, CellWrite, SpreadsheetPort } from '../../ports';
import type { Table, TableRow } from '../table';
import type { AppendLayout } from './appendPlanner';

export interface CommitSummary {
  cellsWritten: number;
  rowsAppended: number;
  sheets: string[];
}

/** What a commit needs besides the writes: the values as read (for the undo) and append positions. */
export interface CommitContext {
  /** The value each cell held when read; throws INTERNAL for a cell of a row not read. */
  valuesAsRead(sheet: string, cells: readonly CellWrite[]): (cell: CellWrite) => Cell;
  positionFor(sheet: string, anchor: number | undefined): AppendPosition | undefined;
  appended(sheet: string, firstRow: number, count: number, usedPosition: boolean): void;
  /** Rows appended and then removed: positions found earlier are no longer sure. */
  forgetPosition(): void;
}

export class WriteSet {
  private readonly cellWrites = new Map<string, Map<string, CellWrite>>();
  /** Number formats read this request, by sheet then `row:col` (also what an undo restores). */
  private readonly formats = new Map<string, Map<string, string>>();
  private readonly formatBlocks = new Set<string>();

  constructor(
    private readonly spreadsheet: SpreadsheetPort,
    private readonly appendChunkSize: number,
    private readonly flushOnCommit: boolean,
  ) {}

  /**
   * Queues one cell of a row read through `table`, with the number format it must get when `format` is
   * given (e.g. `0` for a count); the last value set for a cell wins.
   */
  set(table: Table, row: TableRow | number, column: string, value: Cell, format?: string): void {
    const rowNumber = typeof row === 'number' ? row : row.rowNumber;
    const col = table.columns.index(column) + 1;
    this.sheetWrites(table.sheet).set(
      `${rowNumber}:${col}`,
      format === undefined ? { row: rowNumber, col, value } : { row: rowNumber, col, value, format },
    );
  }

  /** Queues one cell by position, for columns that are not in the header yet (schema migration). */
  setAt(sheet: string, row: number, col: number, value: Cell): void {
    this.sheetWrites(sheet).set(`${row}:${col}`, { row, col, value });
  }

  private sheetWrites(sheet: string): Map<string, CellWrite> {
    let sheetWrites = this.cellWrites.get(sheet);
    if (!sheetWrites) {
      sheetWrites = new Map();
      this.cellWrites.set(sheet, sheetWrites);
    }
    return sheetWrites;
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

  /** `header` as it will be once this commit's own row-1 writes (columns a migration adds) are in. */
  headerAfterCommit(sheet: string, header: Cell[] | null): Cell[] | null {
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
   * Writes everything queued and the appends laid out. On failure, restores what had been written, then
   * rethrows. When a restore fails too, throws INTERNAL whose details name what may still hold this
   * commit's writes: `notRestored: ["Operaciones!AW2:BA2", …]` (sheet and A1 ranges), plus `cause` and
   * `undoFailures`. The cell writes are dropped either way.
   */
  commit({ rows: appendRows, anchors }: AppendLayout, context: CommitContext): CommitSummary {
    if (this.spreadsheet.writeBatch) return this.commitAtomically(appendRows, anchors, context);
    // Each undo step with the cells it restores, so a failed one can be named.
    const undo: Array<{ run: () => void; ranges: string[] }> = [];
    const summary: CommitSummary = { cellsWritten: 0, rowsAppended: 0, sheets: [] };
    try {
      // Appends first: finding the last row is a metadata call, which after a buffered write would cost a flush.
      for (const [sheet, rows] of appendRows) {
        // The adapter removes a partial append itself; a completed one is undone here.
        const at = context.positionFor(sheet, anchors.get(sheet));
        const { firstRow } = this.spreadsheet.appendRows(
          sheet,
          rows,
          this.appendChunkSize,
          anchors.get(sheet),
          at,
        );
        context.appended(sheet, firstRow, rows.length, at !== undefined);
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
        const previousCell = context.valuesAsRead(sheet, cells);
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
      context.forgetPosition();
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
    }
    return summary;
  }

  /** One call that writes all or nothing: no undo needed. */
  private commitAtomically(
    appendRows: Map<string, Cell[][]>,
    anchors: ReadonlyMap<string, number>,
    context: CommitContext,
  ): CommitSummary {
    const cells = new Map<string, CellWrite[]>();
    for (const [sheet, writes] of this.cellWrites) cells.set(sheet, [...writes.values()]);
    // Positions known already (an append hint verified by a window of rows): the adapter asks for none.
    const positions = new Map<string, AppendPosition>();
    for (const sheet of appendRows.keys()) {
      const at = context.positionFor(sheet, anchors.get(sheet));
      if (at) positions.set(sheet, at);
    }
    try {
      if (cells.size > 0 || appendRows.size > 0)
        this.spreadsheet.writeBatch!({
          cells,
          appends: appendRows,
          appendAnchors: anchors,
          ...(positions.size > 0 ? { appendPositions: positions } : {}),
        });
    } finally {
      this.cellWrites.clear();
    }
    let cellsWritten = 0;
    let rowsAppended = 0;
    for (const list of cells.values()) cellsWritten += list.length;
    for (const rows of appendRows.values()) rowsAppended += rows.length;
    return { cellsWritten, rowsAppended, sheets: [...new Set([...cells.keys(), ...appendRows.keys()])] };
  }
}
