// An in-memory Sheets advanced service (Spreadsheets.get / batchUpdate) over a FakeSpreadsheet: one counted
// call each (priced with the cells it carries), values as the API gives them (dates as serial numbers), number
// formats as userEnteredFormat, and batchUpdate atomic like the real one.

import { checkCellLength } from './fakeGrid';
import { isDate, type Cell } from '../domain/cell';
import { instantToSerial } from '../domain/dates';
import type {
  BatchRequest,
  ExtendedValue,
  RowDataIn,
  SheetsApiLike,
  SheetsSpreadsheet,
} from '../gas/sheetsApiShapes';
import type { FakeSheet, FakeSpreadsheet } from './fakeSpreadsheet';

export const SHEETS_API_TARGET = '(sheets-api)';

/** The advanced service's refusal of a batch touching protected cells (HTTP 403 from batchUpdate). */
export const PROTECTED_API_MESSAGE =
  'GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit. (403 PERMISSION_DENIED)';

interface ParsedRange {
  title: string;
  headerOnly: boolean;
  /** A block such as C1:C50 (1-based): the API then gives that block, with formatted values. */
  block?: { row: number; col: number; numRows: number; numCols: number };
}

const columnNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function parseRange(range: string): ParsedRange {
  const m = /^'((?:[^']|'')*)'(?:!(1:1|([A-Z]+)(\d+):([A-Z]+)(\d+)))?$/.exec(range);
  if (!m) throw new Error(`GoogleJsonResponseException: Unable to parse range: ${range}`);
  const title = m[1]!.replace(/''/g, "'");
  if (!m[3]) return { title, headerOnly: m[2] === '1:1' };
  const [row, col, lastRow, lastCol] = [Number(m[4]), columnNumber(m[3]), Number(m[6]), columnNumber(m[5]!)];
  return {
    title,
    headerOnly: false,
    block: { row, col, numRows: lastRow - row + 1, numCols: lastCol - col + 1 },
  };
}

export class FakeSheetsApi implements SheetsApiLike {
  readonly Spreadsheets: SheetsApiLike['Spreadsheets'];

  constructor(private readonly book: FakeSpreadsheet) {
    this.Spreadsheets = {
      get: (id, args) => this.get(id, args ?? {}),
      batchUpdate: (resource, id) => this.batchUpdate(resource, id),
    };
  }

  private get(id: string, args: { ranges?: string[]; includeGridData?: boolean }): SheetsSpreadsheet {
    void id;
    const tz = this.book.timeZoneUncounted;
    const ranges = (args.ranges ?? []).map(parseRange);
    for (const r of ranges) {
      if (!this.book.hasSheet(r.title)) {
        // A refused call is still a round trip.
        this.book.calls.record(SHEETS_API_TARGET, 'get', '', 0, 'sheetsApi.get');
        throw new Error(`GoogleJsonResponseException: Unable to parse range: '${r.title}'`);
      }
    }
    const names = ranges.length > 0 ? [...new Set(ranges.map((r) => r.title))] : this.book.sheetNames();
    let cells = 0;
    const reply: SheetsSpreadsheet = {
      properties: { timeZone: tz },
      sheets: names.map((title) => {
        const sheet = this.book.sheet(title);
        const properties = { sheetId: sheet.sheetId, title };
        if (!args.includeGridData) return { properties };
        const blocks = ranges.filter((r) => r.title === title && r.block).map((r) => r.block!);
        if (blocks.length > 0) {
          // Blocks come with effective and formatted values (FORMATTED_VALUE) and number formats; trailing
          // rows with nothing in them are left out, as the API does.
          return {
            properties,
            data: blocks.map((b) => {
              const values = sheet.readBlock(b.row, b.col, b.numRows, b.numCols);
              const shown = sheet.readDisplay(b.row, b.col, b.numRows, b.numCols);
              const formats = sheet.readFormats(b.row, b.col, b.numRows, b.numCols);
              cells += b.numRows * b.numCols;
              const cell = (c: Cell, r: number, i: number) => ({
                ...(c === '' ? {} : { effectiveValue: toEffective(c, tz), formattedValue: shown[r]![i]! }),
                ...(formats[r]![i]
                  ? { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: formats[r]![i]! } } }
                  : {}),
              });
              let end = values.length;
              while (end > 0 && values[end - 1]!.every((c, i) => c === '' && !formats[end - 1]![i])) end--;
              return {
                startRow: b.row - 1,
                startColumn: b.col - 1,
                rowData: values
                  .slice(0, end)
                  .map((line, r) => ({ values: line.map((c, i) => cell(c, r, i)) })),
              };
            }),
          };
        }
        const range = ranges.find((r) => r.title === title);
        const values = sheet.lastRow() === 0 ? [] : sheet.dump();
        const rows = range?.headerOnly ? values.slice(0, 1) : values;
        const rowData = rows.map((row) => ({
          values: trimTrailing(row).map((c) => ({ effectiveValue: toEffective(c, tz) })),
        }));
        for (const line of rowData) cells += line.values.length;
        return { properties, data: [{ startRow: 0, startColumn: 0, rowData }] };
      }),
    };
    this.book.calls.record(SHEETS_API_TARGET, 'get', '', cells, 'sheetsApi.get');
    return reply;
  }

  private batchUpdate(resource: { requests: BatchRequest[] }, id: string): unknown {
    void id;
    this.book.calls.record(
      SHEETS_API_TARGET,
      'batchUpdate',
      '',
      resource.requests.reduce((n, r) => n + cellsOf(r), 0),
      'sheetsApi.batchUpdate',
    );
    const restore = this.book.sheetNames().map((name) => this.book.sheet(name).snapshot());
    const created: string[] = [];
    try {
      for (const request of resource.requests) this.apply(request, created);
    } catch (error) {
      // All or nothing, as the API does.
      restore.forEach((undo) => undo());
      for (const name of created) this.book.deleteSheet(this.book.sheet(name));
      throw error;
    }
    return { replies: resource.requests.map(() => ({})) };
  }

  private sheet(sheetId: number): FakeSheet {
    const sheet = this.book.sheetById(sheetId);
    if (!sheet) throw new Error(`GoogleJsonResponseException: No grid with id: ${sheetId}`);
    return sheet;
  }

  private apply(request: BatchRequest, created: string[]): void {
    this.refuseProtected(request);
    if (request.updateCells) {
      const { start, rows, fields } = request.updateCells;
      this.writeRows(this.sheet(start.sheetId), start.rowIndex + 1, start.columnIndex + 1, rows, fields);
    } else if (request.appendCells) {
      const sheet = this.sheet(request.appendCells.sheetId);
      this.writeRows(sheet, sheet.lastRow() + 1, 1, request.appendCells.rows, request.appendCells.fields);
    } else if (request.appendDimension) {
      this.sheet(request.appendDimension.sheetId).growRows(request.appendDimension.length);
    } else if (request.deleteDimension) {
      const { range } = request.deleteDimension;
      this.sheet(range.sheetId).removeRows(range.startIndex + 1, range.endIndex - range.startIndex);
    } else if (request.addSheet) {
      const { title, sheetId } = request.addSheet.properties;
      if (this.book.hasSheet(title))
        throw new Error(`GoogleJsonResponseException: A sheet with the name "${title}" already exists.`);
      this.book.addEmptySheet(title, sheetId);
      created.push(title);
    } else if (request.deleteSheet) {
      this.book.deleteSheet(this.sheet(request.deleteSheet.sheetId));
    } else if (request.repeatCell) {
      const { range, cell } = request.repeatCell;
      this.sheet(range.sheetId).writeFormats(
        range.startRowIndex + 1,
        range.startColumnIndex + 1,
        range.endRowIndex - range.startRowIndex,
        range.endColumnIndex - range.startColumnIndex,
        () => cell.userEnteredFormat.numberFormat.pattern,
      );
    } else {
      throw new Error(`GoogleJsonResponseException: unsupported request ${Object.keys(request).join(',')}`);
    }
  }

  /** The API refuses, whole, a batch that touches cells a protection keeps from the user running it. */
  private refuseProtected(request: BatchRequest): void {
    // A text over a cell's 50,000 characters refuses the batch whole too.
    const rowsOf = request.updateCells?.rows ?? request.appendCells?.rows ?? [];
    for (const line of rowsOf)
      checkCellLength((line.values ?? []).map((v) => v.userEnteredValue?.stringValue));
    const refuse = (sheetId: number, row: number, col: number, numRows: number, numCols: number) => {
      if (numRows > 0 && numCols > 0 && this.sheet(sheetId).refusesWrite(row, col, numRows, numCols))
        throw new Error(PROTECTED_API_MESSAGE);
    };
    const width = (rows: RowDataIn[]) => Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
    if (request.updateCells) {
      const { start, rows } = request.updateCells;
      refuse(start.sheetId, start.rowIndex + 1, start.columnIndex + 1, rows.length, width(rows));
    } else if (request.appendCells) {
      const sheet = this.sheet(request.appendCells.sheetId);
      const { rows } = request.appendCells;
      refuse(request.appendCells.sheetId, sheet.lastRow() + 1, 1, rows.length, width(rows));
    } else if (request.deleteDimension) {
      const { range } = request.deleteDimension;
      const sheet = this.sheet(range.sheetId);
      refuse(
        range.sheetId,
        range.startIndex + 1,
        1,
        range.endIndex - range.startIndex,
        sheet.dimensions.maxColumns,
      );
    } else if (request.repeatCell) {
      const { range } = request.repeatCell;
      refuse(
        range.sheetId,
        range.startRowIndex + 1,
        range.startColumnIndex + 1,
        range.endRowIndex - range.startRowIndex,
        range.endColumnIndex - range.startColumnIndex,
      );
    }
  }

  /** Writes what the field mask names: values (`userEnteredValue`) and/or number formats. */
  private writeRows(sheet: FakeSheet, row: number, col: number, rows: RowDataIn[], fields: string): void {
    const masked = fields.split(',').map((f) => f.trim());
    const values = masked.includes('userEnteredValue');
    const formats = masked.includes('userEnteredFormat.numberFormat');
    if (!values && !formats) throw new Error(`GoogleJsonResponseException: unsupported field mask ${fields}`);
    rows.forEach((line, r) => {
      (line.values ?? []).forEach((cell, c) => {
        if (formats) {
          const pattern = cell.userEnteredFormat?.numberFormat?.pattern ?? '';
          sheet.writeFormats(row + r, col + c, 1, 1, () => pattern);
        }
        if (!values) return;
        const v = cell.userEnteredValue;
        if (v?.formulaValue !== undefined) sheet.putCell(row + r, col + c, '', v.formulaValue);
        else sheet.putCell(row + r, col + c, v?.numberValue ?? v?.boolValue ?? v?.stringValue ?? '');
      });
    });
  }
}

/** Cells a batchUpdate request carries (what the cost model prices per cell written). */
function cellsOf(request: BatchRequest): number {
  const rows = request.updateCells?.rows ?? request.appendCells?.rows ?? [];
  let cells = 0;
  for (const line of rows) cells += line.values?.length ?? 0;
  const range = request.repeatCell?.range;
  if (range)
    cells += (range.endRowIndex - range.startRowIndex) * (range.endColumnIndex - range.startColumnIndex);
  return cells;
}

function trimTrailing(row: Cell[]): Cell[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

function toEffective(cell: Cell, timeZone: string): ExtendedValue | undefined {
  if (cell === '') return undefined;
  if (isDate(cell)) return { numberValue: instantToSerial(cell.getTime(), timeZone) };
  if (typeof cell === 'number') return { numberValue: cell };
  if (typeof cell === 'boolean') return { boolValue: cell };
  return { stringValue: cell };
}
