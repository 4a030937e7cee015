// SpreadsheetPort over the Sheets advanced service: a request reads every sheet it needs in one call and
// writes everything (cells of several sheets and appended rows) in one atomic batchUpdate.
// Needs the full `spreadsheets` scope and the advanced service enabled (see docs/deploy.md).

import { columnLetter, isDate, type Cell } from '../domain/cell';
import { instantToSerial } from '../domain/dates';
import { schemaError } from '../domain/errors';
import type {
  AppendPosition,
  BlockRead,
  CellWrite,
  FindOptions,
  ProtectedArea,
  Rect,
  SheetSearch,
  SpreadsheetPort,
  WriteBatch,
} from '../ports';
import type {
  BatchRequest,
  ExtendedValue,
  GridData,
  SheetsApiLike,
  SheetsSpreadsheet,
} from './sheetsApiShapes';
import type { SpreadsheetLike } from './appsScriptShapes';
import { AppsScriptSpreadsheet, appendFormat, refusedAs } from './spreadsheetAdapter';
import { planFormatBlocks, planWriteBlocks } from './writePlan';

const quote = (title: string) => `'${title.replace(/'/g, "''")}'`;

/**
 * Where an append goes: the row after the last value in a column, and the grid's row count. The Sheets API
 * has no constant-cost way to find it (appendCells goes after the last row with content in any column), so
 * SpreadsheetApp's getNextDataCell answers it (AppsScriptSpreadsheet.appendPosition).
 */
export interface AppendLocator {
  appendPosition(sheet: string, column: number): { row: number; maxRows: number };
}

export class SheetsApiSpreadsheet implements SpreadsheetPort {
  readonly readsBlocksInOneCall = true;
  private zone: string | null = null;
  private sheetIds: Map<string, number> | null = null;

  constructor(
    private readonly api: SheetsApiLike,
    private readonly spreadsheetId: string,
    /** SpreadsheetApp for what the API has no cheap call for: TextFinder searches and where appends go. */
    private readonly direct: AppsScriptSpreadsheet,
  ) {}

  timeZone(): string {
    if (this.zone === null)
      this.remember(
        this.api.Spreadsheets.get(this.spreadsheetId, {
          fields: 'properties.timeZone,sheets.properties(sheetId,title)',
        }),
      );
    return this.zone!;
  }

  readSheets(names: readonly string[], headerOnly: readonly string[] = []): Map<string, Cell[][] | null> {
    const wanted = this.sheetIds ? names.filter((n) => this.sheetIds!.has(n)) : [...names];
    let reply: SheetsSpreadsheet;
    try {
      reply = this.fetch(wanted, headerOnly);
    } catch (error) {
      // A missing sheet makes the whole range list invalid: learn which exist, then ask for those.
      if (this.sheetIds) throw error;
      this.timeZone();
      reply = this.fetch(
        names.filter((n) => this.sheetIds!.has(n)),
        headerOnly,
      );
    }
    this.remember(reply);
    const result = new Map<string, Cell[][] | null>(names.map((n) => [n, null]));
    for (const sheet of reply.sheets ?? []) {
      const title = sheet.properties?.title ?? '';
      if (!names.includes(title)) continue;
      result.set(title, this.grid(sheet.data?.[0]));
    }
    return result;
  }

  findRows(sheet: string, col: number, text: string, options?: FindOptions): number[] {
    return this.direct.findRows(sheet, col, text, options);
  }

  /** SpreadsheetApp's one spreadsheet-wide TextFinder (the API has no search): see AppsScriptSpreadsheet. */
  findAcross(searches: readonly SheetSearch[]): number[][] {
    return this.direct.findAcross(searches);
  }

  /** Every rectangle in one batchGet, with the values and the text the sheet shows (one round trip). */
  readBlocks(reads: readonly BlockRead[]): Array<{ values: Cell[][]; display: string[][] }> {
    if (reads.length === 0) return [];
    const reply = this.api.Spreadsheets.get(this.spreadsheetId, {
      ranges: reads.map(({ sheet, rect }) => `${quote(sheet)}!${a1(rect)}`),
      includeGridData: true,
      fields:
        'properties.timeZone,sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(effectiveValue,formattedValue))))',
    });
    // The ids of these sheets (the ones a request writes to); sheetId asks for the others when needed.
    this.remember(reply);
    // The reply groups blocks by sheet, each sheet's blocks in the order asked.
    const queues = new Map<string, GridData[]>();
    for (const sheet of reply.sheets ?? [])
      queues.set(sheet.properties?.title ?? '', [...(sheet.data ?? [])]);
    return reads.map(({ sheet, rect }) => {
      const rows = queues.get(sheet)?.shift()?.rowData ?? [];
      // The API leaves out trailing empty rows and cells: pad to the rectangle asked for.
      const grid = <T>(pick: (r: number, c: number) => T) =>
        Array.from({ length: rect.numRows }, (_, r) =>
          Array.from({ length: rect.numCols }, (_, c) => pick(r, c)),
        );
      const values = grid((r, c) => fromExtended(rows[r]?.values?.[c]?.effectiveValue));
      const display = grid((r, c) => rows[r]?.values?.[c]?.formattedValue ?? '');
      return { values, display };
    });
  }

  readRange(sheet: string, rect: Rect): Cell[][] {
    return this.direct.readRange(sheet, rect);
  }

  /** The API has no call for the last used row (gridProperties.rowCount counts empty rows too). */
  lastRow(sheet: string): number {
    return this.direct.lastRow(sheet);
  }

  readDisplayText(sheet: string, columns: readonly number[], rows: number): Map<number, string[]> {
    const result = new Map<number, string[]>();
    const wanted = [...new Set(columns)];
    if (rows < 1 || wanted.length === 0) return result;
    // One call for every column: each range is one column, rows 1..rows, as FORMATTED_VALUE.
    const reply = this.api.Spreadsheets.get(this.spreadsheetId, {
      ranges: wanted.map((c) => `${quote(sheet)}!${columnLetter(c)}1:${columnLetter(c)}${rows}`),
      includeGridData: true,
      fields: 'sheets(properties(title),data(startColumn,rowData(values(formattedValue))))',
    });
    const data = (reply.sheets ?? []).find((s) => s.properties?.title === sheet)?.data ?? [];
    for (const block of data) {
      const col = (block.startColumn ?? 0) + 1;
      // The API leaves out trailing empty rows: pad to the rows asked for.
      const text = (block.rowData ?? []).map((row) => row.values?.[0]?.formattedValue ?? '');
      while (text.length < rows) text.push('');
      result.set(col, text);
    }
    return result;
  }

  writeBatch(batch: WriteBatch): void {
    const requests: BatchRequest[] = [];
    for (const [sheet, cells] of batch.cells) requests.push(...this.updateRequests(sheet, cells));
    for (const [sheet, rows] of batch.appends) {
      const at = batch.appendPositions?.get(sheet);
      requests.push(...this.appendRequests(sheet, rows, batch.appendAnchors?.get(sheet), at).requests);
    }
    // Atomic: a batch refused by a protection writes nothing, and the refusal does not say which range.
    if (requests.length > 0)
      refusedAs(null, null, () => this.api.Spreadsheets.batchUpdate({ requests }, this.spreadsheetId));
  }

  /** The protections that refuse this user, through SpreadsheetApp (the API's protectedRanges need no other scope, but one more call shape). */
  protectedAreas(sheet: string): ProtectedArea[] {
    return this.direct.protectedAreas(sheet);
  }

  /**
   * Rows to append: with an anchor column (and a locator), written right after that column's last value,
   * growing the grid in the same batch when needed; otherwise appendCells (after the last row with content).
   */
  private appendRequests(
    sheet: string,
    rows: readonly Cell[][],
    anchor: number | undefined,
    at?: AppendPosition,
  ): { requests: BatchRequest[]; firstRow?: number } {
    if (rows.length === 0) return { requests: [] };
    const sheetId = this.sheetId(sheet);
    const data = rows.map((r) => this.rowData(r));
    if (anchor === undefined) {
      return { requests: [{ appendCells: { sheetId, rows: data, fields: 'userEnteredValue' } }] };
    }
    const { row, maxRows, slack = 0 } = at ?? this.direct.appendPosition(sheet, anchor);
    const requests: BatchRequest[] = [];
    const over = row + rows.length - 1 - maxRows;
    const missing = over > 0 ? over + slack : 0;
    if (missing > 0) requests.push({ appendDimension: { sheetId, dimension: 'ROWS', length: missing } });
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: row - 1, columnIndex: 0 },
        rows: data,
        fields: 'userEnteredValue',
      },
    });
    // A number in a column formatted as a date would read back as a date through SpreadsheetApp (the
    // other system's way in): numbers get a number format (text is stored as text by the API whatever the format).
    const numbers = rows.flatMap((line, r) =>
      line.flatMap((value, c) =>
        typeof value === 'number' ? [{ row: row + r, col: c + 1, value, format: appendFormat(value)! }] : [],
      ),
    );
    requests.push(
      ...planFormatBlocks(numbers).map((block): BatchRequest => ({
        updateCells: {
          start: { sheetId, rowIndex: block.row - 1, columnIndex: block.col - 1 },
          rows: block.values.map((line) => ({
            values: line.map((pattern) => ({
              userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern } },
            })),
          })),
          fields: 'userEnteredFormat.numberFormat',
        },
      })),
    );
    return { requests, firstRow: row };
  }

  /** Where rows appended after `column`'s last value go (SpreadsheetApp's metadata calls; see AppendLocator). */
  appendPosition(sheet: string, column: number): AppendPosition {
    return this.direct.appendPosition(sheet, column);
  }

  writeCells(sheet: string, cells: readonly CellWrite[]): void {
    this.writeBatch({ cells: new Map([[sheet, cells]]), appends: new Map() });
  }

  appendRows(
    sheet: string,
    rows: readonly Cell[][],
    chunkSize: number,
    anchorColumn?: number,
  ): { firstRow: number } {
    void chunkSize; // one atomic call: no need to chunk
    if (anchorColumn !== undefined) {
      const { requests, firstRow } = this.appendRequests(sheet, rows, anchorColumn);
      if (requests.length > 0) this.api.Spreadsheets.batchUpdate({ requests }, this.spreadsheetId);
      return { firstRow: firstRow ?? 0 };
    }
    const before = this.readSheets([sheet]).get(sheet)?.length ?? 0;
    this.writeBatch({ cells: new Map(), appends: new Map([[sheet, rows]]) });
    return { firstRow: before + 1 };
  }

  deleteRows(sheet: string, firstRow: number, count: number): void {
    this.api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            deleteDimension: {
              range: {
                sheetId: this.sheetId(sheet),
                dimension: 'ROWS',
                startIndex: firstRow - 1,
                endIndex: firstRow - 1 + count,
              },
            },
          },
        ],
      },
      this.spreadsheetId,
    );
  }

  createSheet(name: string, header: readonly string[]): void {
    // Every sheet's id (a targeted read may have learnt only some): the new id must not collide.
    this.remember(
      this.api.Spreadsheets.get(this.spreadsheetId, {
        fields: 'properties.timeZone,sheets.properties(sheetId,title)',
      }),
    );
    const sheetId = Math.max(0, ...this.sheetIds!.values()) + 1;
    this.api.Spreadsheets.batchUpdate(
      {
        requests: [
          { addSheet: { properties: { sheetId, title: name, gridProperties: { frozenRowCount: 1 } } } },
          {
            updateCells: {
              start: { sheetId, rowIndex: 0, columnIndex: 0 },
              rows: [this.rowData(header.map((h) => `'${h}`))],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
      this.spreadsheetId,
    );
    this.sheetIds!.set(name, sheetId);
  }

  deleteSheet(name: string): void {
    this.api.Spreadsheets.batchUpdate(
      { requests: [{ deleteSheet: { sheetId: this.sheetId(name) } }] },
      this.spreadsheetId,
    );
    this.sheetIds?.delete(name);
  }

  setNumberFormats(sheet: string, rect: Rect, columnFormats: readonly string[]): void {
    const sheetId = this.sheetId(sheet);
    const requests = columnFormats.map((pattern, i): BatchRequest => ({
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: rect.row - 1,
          endRowIndex: rect.row - 1 + rect.numRows,
          startColumnIndex: rect.col - 1 + i,
          endColumnIndex: rect.col + i,
        },
        // Plain text `@` is a TEXT format for the API; every other pattern of ours is a number.
        cell: { userEnteredFormat: { numberFormat: { type: pattern === '@' ? 'TEXT' : 'NUMBER', pattern } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    }));
    this.api.Spreadsheets.batchUpdate({ requests }, this.spreadsheetId);
  }

  readNumberFormats(sheet: string, rect: Rect): string[][] {
    const reply = this.api.Spreadsheets.get(this.spreadsheetId, {
      ranges: [`${quote(sheet)}!${a1(rect)}`],
      includeGridData: true,
      fields: 'sheets(data(rowData(values(userEnteredFormat(numberFormat(pattern))))))',
    });
    const rows = reply.sheets?.[0]?.data?.[0]?.rowData ?? [];
    // The API leaves out trailing rows and cells with nothing to say: those have no format set.
    return Array.from({ length: rect.numRows }, (_, r) =>
      Array.from(
        { length: rect.numCols },
        (_, c) => rows[r]?.values?.[c]?.userEnteredFormat?.numberFormat?.pattern ?? '',
      ),
    );
  }

  private fetch(names: readonly string[], headerOnly: readonly string[]): SheetsSpreadsheet {
    return this.api.Spreadsheets.get(this.spreadsheetId, {
      ranges: names.map((n) => (headerOnly.includes(n) ? `${quote(n)}!1:1` : quote(n))),
      includeGridData: true,
      fields:
        'properties.timeZone,sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(effectiveValue))))',
    });
  }

  private remember(reply: SheetsSpreadsheet): void {
    this.zone ??= reply.properties?.timeZone ?? 'America/Santiago';
    this.sheetIds ??= new Map();
    for (const sheet of reply.sheets ?? []) {
      const { title, sheetId } = sheet.properties ?? {};
      if (title !== undefined && sheetId !== undefined) this.sheetIds.set(title, sheetId);
    }
  }

  private sheetId(name: string): number {
    if (!this.sheetIds?.has(name))
      this.remember(
        this.api.Spreadsheets.get(this.spreadsheetId, {
          fields: 'properties.timeZone,sheets.properties(sheetId,title)',
        }),
      );
    const id = this.sheetIds!.get(name);
    if (id === undefined) throw schemaError(`No existe la hoja "${name}".`, { sheet: name });
    return id;
  }

  /** The API omits trailing empty rows and cells: pad to a rectangle as getValues would give. */
  private grid(data: GridData | undefined): Cell[][] {
    const rows = (data?.rowData ?? []).map((row) =>
      (row.values ?? []).map((v) => fromExtended(v.effectiveValue)),
    );
    const width = Math.max(0, ...rows.map((r) => r.length));
    return rows.map((r) => [...r, ...Array<Cell>(width - r.length).fill('')]);
  }

  private updateRequests(sheet: string, cells: readonly CellWrite[]): BatchRequest[] {
    const sheetId = this.sheetId(sheet);
    // One call carries any number of rectangles: keep them exact, never a bounding block.
    const values = planWriteBlocks(cells).map((block): BatchRequest => ({
      updateCells: {
        start: { sheetId, rowIndex: block.row - 1, columnIndex: block.col - 1 },
        rows: block.values.map((line) => this.rowData(line)),
        fields: 'userEnteredValue',
      },
    }));
    // Formats go in their own rectangles: the field mask then touches no other cell's format.
    const formats = planFormatBlocks(cells).map((block): BatchRequest => ({
      updateCells: {
        start: { sheetId, rowIndex: block.row - 1, columnIndex: block.col - 1 },
        rows: block.values.map((line) => ({
          values: line.map((pattern) => ({
            userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern } },
          })),
        })),
        fields: 'userEnteredFormat.numberFormat',
      },
    }));
    return [...values, ...formats];
  }

  private rowData(row: readonly Cell[]): { values: Array<{ userEnteredValue?: ExtendedValue }> } {
    return { values: row.map((cell) => ({ userEnteredValue: this.toExtended(cell) })) };
  }

  /** Our cell encoding (leading ' = literal text, leading = formula) as the API's explicit value kinds. */
  private toExtended(cell: Cell): ExtendedValue | undefined {
    if (typeof cell === 'number') return { numberValue: cell };
    if (typeof cell === 'boolean') return { boolValue: cell };
    if (isDate(cell)) return { numberValue: instantToSerial(cell.getTime(), this.timeZone()) };
    if (cell === '') return undefined;
    if (cell.startsWith("'")) return { stringValue: cell.slice(1) };
    if (cell.startsWith('=')) return { formulaValue: cell };
    return { stringValue: cell };
  }
}

/** `rect` in A1 notation (e.g. AK2:AO900). */
function a1(rect: Rect): string {
  const letter = (n: number): string =>
    (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  return `${letter(rect.col)}${rect.row}:${letter(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

function fromExtended(value: ExtendedValue | undefined): Cell {
  if (!value) return '';
  if (value.numberValue !== undefined) return value.numberValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.errorValue) return `#ERROR ${value.errorValue.message ?? ''}`.trim();
  return '';
}
