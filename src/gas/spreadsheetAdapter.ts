// SpreadsheetPort over SpreadsheetApp: one getValues per sheet read, writes as exact rectangles (values and
// number formats), chunked appends.
// Create one per request: it caches sheet handles and the extents it has seen.

import { columnLetter, isEmptyCell, type Cell } from '../domain/cell';
import { AppError, protectedError, schemaError } from '../domain/errors';
import { roundTripValue } from '../domain/text';
import type {
  AppendPosition,
  BlockRead,
  CellWrite,
  ColumnTag,
  FindOptions,
  ProtectedArea,
  Rect,
  SheetSearch,
  SpreadsheetPort,
} from '../ports';
import type { PlacedRange, SheetLike, SpreadsheetLike } from './appsScriptShapes';
import { ColumnTagStore } from './columnTagStore';
import { protectedAreasOf } from './protections';
import { findAcrossSpreadsheet, findRowsInSheet } from './textSearch';
import { planFormatBlocks, planWriteBlocks } from './writePlan';

/** The grid of a sheet made by insertSheet (Apps Script's default). */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

interface Extent {
  rows: number;
  cols: number;
}

export class AppsScriptSpreadsheet implements SpreadsheetPort {
  private readonly handles = new Map<string, SheetLike | null>();
  /** The grid size known to exist (from a read or a size check), to skip size checks for in-bounds writes. */
  private readonly extents = new Map<string, Extent>();
  private zone: string | null = null;
  private readonly tags: ColumnTagStore;

  /**
   * `directionUp` is SpreadsheetApp.Direction.UP (only src/gas/environment.ts may read that global; the
   * in-memory fake takes the text "UP"); `flush` is SpreadsheetApp.flush (a service-level call).
   */
  constructor(
    private readonly spreadsheet: SpreadsheetLike,
    private readonly options: {
      directionUp?: unknown;
      flush?: () => void;
      /** SpreadsheetApp.ProtectionType (the fake takes the texts "SHEET" and "RANGE"). */
      protectionTypes?: { SHEET: unknown; RANGE: unknown };
    } = {},
  ) {
    this.tags = new ColumnTagStore(spreadsheet, (name) => this.required(name));
  }

  /** Plain-text (`@`) cells keep a leading apostrophe: writeCells needs each cell's current format. */
  readonly writesByFormat = true;

  private get directionUp(): unknown {
    return this.options.directionUp ?? 'UP';
  }

  /** Sends buffered writes; a refusal of protected cells surfaces here too, without saying which. */
  flush(): void {
    refusedAs(null, null, () => this.options.flush?.());
  }

  timeZone(): string {
    this.zone ??= this.spreadsheet.getSpreadsheetTimeZone();
    return this.zone;
  }

  /** Every column tag of `key`, in one developer-metadata find (see ColumnTagStore.find). */
  columnTags(key: string): ColumnTag[] {
    return this.tags.find(key);
  }

  /** Replaces `sheet`'s column tags of `key` with buffered writes (see ColumnTagStore.replace). */
  tagColumns(sheet: string, key: string, tags: ReadonlyArray<{ col: number; name: string }>): void {
    this.tags.replace(sheet, key, tags);
  }

  readSheets(names: readonly string[], headerOnly: readonly string[] = []): Map<string, Cell[][] | null> {
    const result = new Map<string, Cell[][] | null>();
    for (const name of names) {
      const sheet = this.handle(name);
      if (!sheet) {
        result.set(name, null);
        continue;
      }
      if (headerOnly.includes(name)) {
        const width = sheet.getLastColumn();
        result.set(name, width === 0 ? [] : sheet.getRange(1, 1, 1, width).getValues());
        continue;
      }
      const values = sheet.getDataRange().getValues();
      // A blank sheet's data range is A1 holding ''.
      const grid = values.length === 1 && values[0]!.length === 1 && values[0]![0] === '' ? [] : values;
      this.extents.set(name, { rows: values.length, cols: values[0]?.length ?? 0 });
      result.set(name, grid);
    }
    return result;
  }

  findRows(sheetName: string, col: number, text: string, options: FindOptions = {}): number[] {
    return findRowsInSheet(this.required(sheetName), col, text, options);
  }

  /** ONE spreadsheet-wide TextFinder for every search (see findAcrossSpreadsheet). */
  findAcross(searches: readonly SheetSearch[]): number[][] {
    return findAcrossSpreadsheet(this.spreadsheet, searches);
  }

  readBlocks(
    reads: readonly BlockRead[],
    options: { display?: boolean } = {},
  ): Array<{ values: Cell[][]; display?: string[][] }> {
    // SpreadsheetApp has no multi-range read: one getValues (and getDisplayValues when asked) per rectangle.
    return reads.map(({ sheet: name, rect }) => {
      const range = this.required(name).getRange(rect.row, rect.col, rect.numRows, rect.numCols);
      // A rectangle that could be read exists: writes inside it need no size check (a metadata call that,
      // after buffered writes, would cost a flush).
      const known = this.extents.get(name);
      this.extents.set(name, {
        rows: Math.max(known?.rows ?? 0, rect.row + rect.numRows - 1),
        cols: Math.max(known?.cols ?? 0, rect.col + rect.numCols - 1),
      });
      return options.display
        ? { values: [], display: range.getDisplayValues() }
        : { values: range.getValues() };
    });
  }

  readRange(sheetName: string, rect: Rect): Cell[][] {
    return this.required(sheetName).getRange(rect.row, rect.col, rect.numRows, rect.numCols).getValues();
  }

  lastRow(sheetName: string): number {
    return this.required(sheetName).getLastRow();
  }

  readDisplayText(sheetName: string, columns: readonly number[], rows: number): Map<number, string[]> {
    const sheet = this.required(sheetName);
    const result = new Map<number, string[]>();
    if (rows < 1) return result;
    for (const col of new Set(columns)) {
      result.set(
        col,
        sheet
          .getRange(1, col, rows, 1)
          .getDisplayValues()
          .map((line) => line[0] ?? ''),
      );
    }
    return result;
  }

  /**
   * Formats first, then values: a number written into a plain-text cell would be stored as text, and a
   * format set afterwards does not turn it back. Literal text (our leading apostrophe) goes into a cell
   * that is, or becomes, plain text `@` without the apostrophe, which such a cell would keep as text.
   * A write refused by a protection throws FORBIDDEN naming the sheet and the range.
   */
  writeCells(sheetName: string, cells: readonly CellWrite[]): void {
    if (cells.length === 0) return;
    const sheet = this.required(sheetName);
    const encoded = cells.map((c) => ({ ...c, value: forFormat(c.value, c.format ?? c.currentFormat) }));
    const blocks = planWriteBlocks(encoded);
    this.ensureSize(sheetName, sheet, {
      rows: Math.max(...blocks.map((b) => b.row + b.numRows - 1)),
      cols: Math.max(...blocks.map((b) => b.col + b.numCols - 1)),
    });
    // Buffered writes cost ~0.5 ms each, a read 120 ms: one call per exact rectangle, nothing read back.
    for (const b of planFormatBlocks(encoded)) {
      refusedAs(sheetName, rangeA1(b), () =>
        sheet.getRange(b.row, b.col, b.numRows, b.numCols).setNumberFormats(b.values),
      );
    }
    for (const b of blocks) {
      refusedAs(sheetName, rangeA1(b), () =>
        sheet.getRange(b.row, b.col, b.numRows, b.numCols).setValues(b.values),
      );
    }
  }

  /**
   * What the protections of `sheetName` keep from the user running the script (two getProtections calls
   * and one per protection): those neither editable by them nor warning-only.
   */
  protectedAreas(sheetName: string): ProtectedArea[] {
    return protectedAreasOf(this.required(sheetName), this.options.protectionTypes);
  }

  readNumberFormats(sheetName: string, rect: Rect): string[][] {
    const sheet = this.required(sheetName);
    return sheet.getRange(rect.row, rect.col, rect.numRows, rect.numCols).getNumberFormats();
  }

  /**
   * The row after the last one holding something in `column` (1-based), and the grid's row count, at
   * constant cost (getLastRow, getMaxRows, and one getNextDataCell or one 1-cell read), never by reading
   * the column: a user's checkbox column holding FALSE down to row 1,000 does not move it.
   */
  appendPosition(sheetName: string, column: number): AppendPosition {
    const sheet = this.required(sheetName);
    const lastRow = sheet.getLastRow();
    const maxRows = sheet.getMaxRows();
    if (lastRow <= 1) return { row: lastRow + 1, maxRows };
    if (lastRow < maxRows) {
      // The row below the last used one is empty: Ctrl+Up from there stops at the column's last value.
      return {
        row:
          sheet
            .getRange(lastRow + 1, column)
            .getNextDataCell(this.directionUp)
            .getRow() + 1,
        maxRows,
      };
    }
    // The grid is used to its last row: Ctrl+Up from a filled cell would stop at its block's top, so look first.
    const bottom = sheet.getRange(lastRow, column);
    if (!isEmptyCell(bottom.getValues()[0]?.[0])) return { row: lastRow + 1, maxRows };
    return { row: bottom.getNextDataCell(this.directionUp).getRow() + 1, maxRows };
  }

  appendRows(
    sheetName: string,
    rows: readonly Cell[][],
    chunkSize: number,
    anchorColumn?: number,
    at?: AppendPosition,
  ): { firstRow: number } {
    const sheet = this.required(sheetName);
    let firstRow: number;
    let maxRows: number;
    if (at !== undefined) {
      if (rows.length === 0) return { firstRow: 0 };
      ({ row: firstRow, maxRows } = at);
    } else if (anchorColumn === undefined) {
      firstRow = sheet.getLastRow() + 1;
      if (rows.length === 0) return { firstRow };
      maxRows = sheet.getMaxRows();
    } else {
      if (rows.length === 0) return { firstRow: 0 };
      ({ row: firstRow, maxRows } = this.appendPosition(sheetName, anchorColumn));
    }
    const width = Math.max(...rows.map((r) => r.length));
    // Rows laid out by the header are never wider than the sheet: only the row count may need to grow.
    const lastNeeded = firstRow + rows.length - 1;
    if (lastNeeded > maxRows) sheet.insertRowsAfter(maxRows, lastNeeded - maxRows + (at?.slack ?? 0));
    let written = 0;
    try {
      for (let start = 0; start < rows.length; start += chunkSize) {
        const padded = rows.slice(start, start + chunkSize).map((r) => padRow(r, width));
        const rect = { row: firstRow + start, col: 1, numRows: padded.length, numCols: width };
        // New rows carry whatever format their column has: each value gets the one it reads back right in.
        const cells = padded.flatMap((line, r) =>
          line.flatMap((value, c) => {
            const format = appendFormat(value);
            return format === undefined ? [] : [{ row: rect.row + r, col: c + 1, value, format }];
          }),
        );
        for (const b of planFormatBlocks(cells)) {
          refusedAs(sheetName, rangeA1(b), () =>
            sheet.getRange(b.row, b.col, b.numRows, b.numCols).setNumberFormats(b.values),
          );
        }
        const chunk = padded.map((line) => line.map((value) => forFormat(value, appendFormat(value))));
        refusedAs(sheetName, rangeA1(rect), () =>
          sheet.getRange(rect.row, 1, chunk.length, width).setValues(chunk),
        );
        written += chunk.length;
      }
    } catch (error) {
      // Leave no partial append behind: the caller only knows how to undo a whole one.
      if (written > 0) sheet.deleteRows(firstRow, written);
      throw error;
    }
    return { firstRow };
  }

  deleteRows(sheetName: string, firstRow: number, count: number): void {
    if (count <= 0) return;
    const sheet = this.required(sheetName);
    refusedAs(sheetName, `${firstRow}:${firstRow + count - 1}`, () => sheet.deleteRows(firstRow, count));
    this.extents.delete(sheetName);
  }

  createSheet(name: string, header: readonly string[]): void {
    const sheet = this.spreadsheet.insertSheet(name);
    this.handles.set(name, sheet);
    // insertSheet makes Apps Script's default grid: no need to ask for its size.
    this.extents.set(name, { rows: NEW_SHEET_ROWS, cols: NEW_SHEET_COLUMNS });
    if (header.length === 0) return;
    try {
      this.ensureSize(name, sheet, { rows: 1, cols: header.length });
      sheet.getRange(1, 1, 1, header.length).setValues([header.map((h) => roundTripValue(h))]);
      sheet.setFrozenRows(1);
    } catch (error) {
      // All or nothing, as through the Sheets API: a sheet without its header is not left behind.
      this.deleteSheet(name);
      throw error;
    }
  }

  deleteSheet(name: string): void {
    this.spreadsheet.deleteSheet(this.required(name));
    this.handles.delete(name);
    this.extents.delete(name);
  }

  setNumberFormats(sheetName: string, rect: Rect, columnFormats: readonly string[]): void {
    const sheet = this.required(sheetName);
    this.ensureSize(sheetName, sheet, {
      rows: rect.row + rect.numRows - 1,
      cols: rect.col + rect.numCols - 1,
    });
    const line = [...columnFormats];
    const matrix = Array.from({ length: rect.numRows }, () => line.slice());
    sheet.getRange(rect.row, rect.col, rect.numRows, rect.numCols).setNumberFormats(matrix);
  }

  /** Grows the grid when a write goes past it: getRange outside the sheet throws in Apps Script. */
  private ensureSize(name: string, sheet: SheetLike, needed: Extent): void {
    const known = this.extents.get(name);
    if (known && needed.rows <= known.rows && needed.cols <= known.cols) return;
    const maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    if (needed.rows > maxRows) sheet.insertRowsAfter(maxRows, needed.rows - maxRows);
    if (needed.cols > maxCols) sheet.insertColumnsAfter(maxCols, needed.cols - maxCols);
    this.extents.set(name, { rows: Math.max(maxRows, needed.rows), cols: Math.max(maxCols, needed.cols) });
  }

  private handle(name: string): SheetLike | null {
    if (!this.handles.has(name)) this.handles.set(name, this.spreadsheet.getSheetByName(name));
    return this.handles.get(name) ?? null;
  }

  private required(name: string): SheetLike {
    const sheet = this.handle(name);
    if (!sheet) throw schemaError(`No existe la hoja "${name}".`, { sheet: name });
    return sheet;
  }
}

/** Apps Script's refusal of a write to protected cells (SpreadsheetApp and the Sheets API word it alike). */
const PROTECTED = /protected cell or object|\bprotected\b/i;

/**
 * Runs a write; when Apps Script refuses it because the cells are protected, throws FORBIDDEN naming the
 * sheet and range (null when unknown, as at a flush). Other failures pass unchanged.
 */
export function refusedAs<T>(sheet: string | null, range: string | null, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (PROTECTED.test(message)) throw protectedError(sheet, range, message);
    throw error;
  }
}

/**
 * The format an appended value needs whatever its column's format: literal text goes in as plain text
 * (`@`, apostrophe dropped), a number as a number (`0`, or with its decimals), so a column formatted as a
 * date or as text does not turn them into something else. Formulas, blanks, booleans keep the column's.
 */
export function appendFormat(value: Cell): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? '0' : '0.##########';
  if (typeof value === 'string' && value !== '' && !value.startsWith('=')) return '@';
  return undefined;
}

/** A value as it must be typed into a cell of `format`: literal text loses the apostrophe in a `@` cell. */
function forFormat(value: Cell, format: string | undefined): Cell {
  return format === '@' && typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

function rangeA1(rect: Rect): string {
  const start = `${columnLetter(rect.col)}${rect.row}`;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${columnLetter(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

function padRow(row: readonly Cell[], width: number): Cell[] {
  const copy = row.slice();
  while (copy.length < width) copy.push('');
  return copy;
}
