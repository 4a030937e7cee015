// The writes one request buffers (cells, with number formats) and their commit: in one atomic call when
// the adapter has one, otherwise appends then cell writes, undone in reverse when any of them fails.

import { a1, cellRectangles, rectangleA1, type Cell } from '../../domain/cell';
import { isProtectedRefusal, toAppError } from '../../domain/errors';
import { roundTripValue } from '../../domain/text';
import type { AppendPosition, CellWrite, SpreadsheetPort } from '../../ports';
import type { Table, TableRow } from '../table';
import type { AppendLayout } from './appendPlanner';
import { planBlocks } from './blockPlan';
import { appendRange, undoCommit, type UndoStep } from './commitUndo';
import { refusalError, refusedRanges, type CommitRange } from './refusals';
import { dependsOnFormat, storedText, textFormatFor } from './textCells';

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
  /**
   * The rows of `sheet` this request read (sorted), when it read only some; null when it read the sheet
   * whole or not at all. Formats are read over these rows, so their cost does not grow with the selection.
   */
  rowsRead?(sheet: string): readonly number[] | null;
  /**
   * Called once every write of a commit that wrote something is made, before its flush (SpreadsheetApp
   * path): the column tags go in the same flush. Must not throw (its failures are warnings).
   */
  beforeFlush?(): void;
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
   * `undoFailures`. A write refused by a protected sheet or range is never undone (it changed nothing):
   * FORBIDDEN naming the refused ranges (uow/refusals.ts), at the write call or at the flush alike. The
   * cell writes are dropped either way.
   */
  commit({ rows: appendRows, anchors }: AppendLayout, context: CommitContext): CommitSummary {
    if (this.spreadsheet.writeBatch) return this.commitAtomically(appendRows, anchors, context);
    // Each undo step with the range it restores, so a failed or refused one can be named.
    const steps: UndoStep[] = [];
    const planned: CommitRange[] = [];
    /** Appends refused at their call: nothing of them is left, and they are named with the refused ranges. */
    const refusedAppends: CommitRange[] = [];
    const summary: CommitSummary = { cellsWritten: 0, rowsAppended: 0, sheets: [] };
    try {
      // Formats the values depend on, read before the first buffered write (a read after one costs a flush).
      const prepared = [...this.cellWrites].map(([sheet, writes]) =>
        this.prepare(sheet, [...writes.values()], context),
      );
      for (const { sheet, groups } of prepared) planned.push(...groups.map((g) => g.range));
      // Appends first: finding the last row is a metadata call, which after a buffered write would cost a flush.
      for (const [sheet, rows] of appendRows) {
        // The adapter removes a partial append itself; a completed one is undone here.
        const at = context.positionFor(sheet, anchors.get(sheet));
        let firstRow: number;
        try {
          ({ firstRow } = this.spreadsheet.appendRows(
            sheet,
            rows,
            this.appendChunkSize,
            anchors.get(sheet),
            at,
          ));
        } catch (error) {
          // Refused whole (the adapter removed any part of it): its rows are among those the protections are asked about.
          if (isProtectedRefusal(error))
            refusedAppends.push(appendRange(this.spreadsheet, sheet, rows, anchors.get(sheet), at));
          throw error;
        }
        context.appended(sheet, firstRow, rows.length, at !== undefined);
        const width = Math.max(1, ...rows.map((r) => r.length));
        const rect = { row: firstRow, col: 1, numRows: rows.length, numCols: width };
        steps.push({
          run: () => this.spreadsheet.deleteRows(sheet, firstRow, rows.length),
          range: { sheet, rect, a1: `${a1(firstRow, 1)}:${a1(firstRow + rows.length - 1, width)}` },
          refused: false,
        });
        summary.rowsAppended += rows.length;
        if (!summary.sheets.includes(sheet)) summary.sheets.push(sheet);
      }
      for (const { sheet, groups } of prepared) {
        for (const group of groups) {
          // Pushed before the call: a rectangle written part-way is restored too (rewriting an unchanged cell is harmless).
          const step: UndoStep = {
            run: () => this.spreadsheet.writeCells(sheet, group.previous),
            range: group.range,
            refused: false,
          };
          steps.push(step);
          try {
            this.spreadsheet.writeCells(sheet, group.cells);
          } catch (error) {
            // Refused whole: nothing of it was written.
            if (isProtectedRefusal(error)) step.refused = true;
            throw error;
          }
          summary.cellsWritten += group.cells.length;
        }
        summary.sheets.push(sheet);
      }
      if (summary.sheets.length > 0) context.beforeFlush?.();
      if (summary.sheets.length > 0 && this.flushOnCommit) this.spreadsheet.flush?.();
    } catch (error) {
      context.forgetPosition();
      undoCommit(this.spreadsheet, steps, [...refusedAppends, ...planned], error, refusedAppends);
    } finally {
      this.cellWrites.clear();
    }
    return summary;
  }

  /**
   * One sheet's cell writes as the rectangles they are written in, each with its undo (the values as
   * read). Where the adapter writes by format, a cell written or restored as text goes in as plain text
   * (textFormatFor); only a cell whose undo holds a Date or number beside text carries the format it has,
   * read in one call per block of rows.
   */
  private prepare(sheet: string, cells: CellWrite[], context: CommitContext) {
    const previousCell = context.valuesAsRead(sheet, cells);
    const asRead = new Map(cells.map((c) => [`${c.row}:${c.col}`, previousCell(c)]));
    const previous = new Map([...asRead].map(([key, value]) => [key, roundTripValue(value)]));
    const byFormat = this.spreadsheet.writesByFormat === true;
    const texts = new Set<string>();
    if (byFormat) {
      for (const c of cells) {
        const key = `${c.row}:${c.col}`;
        if (c.format === undefined && textFormatFor(storedText(c.value), asRead.get(key)!) === '@') {
          texts.add(key);
        }
      }
    }
    const current = byFormat
      ? this.currentFormats(
          sheet,
          cells.filter(
            (c) =>
              c.format === undefined &&
              !texts.has(`${c.row}:${c.col}`) &&
              (dependsOnFormat(c.value) || dependsOnFormat(previous.get(`${c.row}:${c.col}`)!)),
          ),
          context.rowsRead?.(sheet) ?? null,
        )
      : new Map<string, string>();
    const known = this.formats.get(sheet);
    const encoded = cells.map((c): CellWrite => {
      const key = `${c.row}:${c.col}`;
      if (texts.has(key)) return { ...c, value: storedText(c.value), format: '@' };
      const format = current.get(key);
      return format === undefined ? c : { ...c, currentFormat: format };
    });
    const groups = cellRectangles(encoded).map((rect) => ({
      range: {
        sheet,
        rect: {
          row: rect.top,
          col: rect.left,
          numRows: rect.bottom - rect.top + 1,
          numCols: rect.right - rect.left + 1,
        },
        a1: rectangleA1(rect),
      },
      cells: rect.cells,
      previous: rect.cells.map((c): CellWrite => {
        const key = `${c.row}:${c.col}`;
        // A format is put back when it was read this request. One that was not stays as written: a
        // metric's is its right one. A text cell is restored as plain text `@`, set again by the undo
        // itself: a write that failed at its setNumberFormats left the shop's format, under which the
        // text would be typed in as a number or a date ("0011" -> 11). The value keeps roundTripValue's
        // apostrophe, which the adapter drops for `@`, so a text that starts with one keeps it.
        const format = texts.has(key)
          ? '@'
          : c.format === undefined
            ? undefined
            : (current.get(key) ?? known?.get(key));
        const after = c.format ?? c.currentFormat;
        const restore: CellWrite = { row: c.row, col: c.col, value: previous.get(key)! };
        if (format !== undefined) restore.format = format;
        if (after !== undefined) restore.currentFormat = after;
        return restore;
      }),
    }));
    return { sheet, groups };
  }

  /** The number formats of `cells` (by `row:col`), read in one call per block of rows (blockPlan). */
  private currentFormats(
    sheet: string,
    cells: readonly CellWrite[],
    rowsRead: readonly number[] | null,
  ): Map<string, string> {
    const out = new Map<string, string>();
    if (cells.length === 0) return out;
    const known = this.formats.get(sheet);
    const missing = cells.filter((c) => known?.get(`${c.row}:${c.col}`) === undefined);
    for (const c of cells) {
      const k = known?.get(`${c.row}:${c.col}`);
      if (k !== undefined) out.set(`${c.row}:${c.col}`, k);
    }
    if (missing.length === 0) return out;
    const first = Math.min(...missing.map((c) => c.col));
    const width = Math.max(...missing.map((c) => c.col)) - first + 1;
    const written = [...new Set(missing.map((c) => c.row))].sort((a, b) => a - b);
    // Over the rows read when they hold every row written: the same cells whatever is selected.
    const rows = rowsRead && written.every((r) => rowsRead.includes(r)) ? rowsRead : written;
    for (const block of planBlocks(rows, width)) {
      const read = this.spreadsheet.readNumberFormats(sheet, { ...block, col: first });
      read.forEach((line, r) =>
        line.forEach((format, c) => out.set(`${block.row + r}:${first + c}`, format)),
      );
    }
    return out;
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
    } catch (error) {
      // All or nothing: a refused batch changed nothing; the protections say which of its ranges they hold.
      if (!isProtectedRefusal(error)) throw error;
      const ranges = [
        ...[...cells].flatMap(([sheet, list]) =>
          cellRectangles(list).map((r) => ({
            sheet,
            rect: { row: r.top, col: r.left, numRows: r.bottom - r.top + 1, numCols: r.right - r.left + 1 },
            a1: rectangleA1(r),
          })),
        ),
        // The audit rows too: a protected Metadata refuses the batch as surely as a protected Operaciones.
        ...[...appendRows].map(([sheet, rows]) =>
          appendRange(this.spreadsheet, sheet, rows, anchors.get(sheet), positions.get(sheet)),
        ),
      ];
      throw refusalError(refusedRanges(this.spreadsheet, ranges) ?? [], [], toAppError(error).message);
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
