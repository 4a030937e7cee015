// SpreadsheetApp's Sheet in memory: its grid and bounds, last row and column by content, row and column
// edits, every call counted.

import type { Cell } from '../domain/cell';
import { DEFAULT_ROWS, DEFAULT_COLUMNS, checkCellLength, key, rekey, type Grid } from './fakeGrid';
import { displayValue, presentValue, typeIn } from './typedInput';
import { FakeRange } from './fakeRange';
import { PROTECTED_MESSAGE, type FakeProtection } from './fakeProtection';
import { FakeSheetProtections } from './fakeSheetProtections';
import type { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './fakeEmbeddedChart';
import { FakeSheetCharts } from './fakeSheetCharts';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import { kindOf } from './costModel';
import { a1Of, parseA1 } from './fakeA1';
import { columnMove, deleteGridColumns, insertGridColumns, moveGridColumns } from './fakeColumnEdits';

export class FakeSheet {
  private grid: Grid = { values: [], formulas: new Map(), formats: new Map() };
  private maxRows: number;
  private maxColumns: number;
  readonly sheetId: number;
  /** Protections of this sheet and of its ranges (Sheet.protect, Range.protect). */
  private readonly protections: FakeSheetProtections;

  constructor(
    /** The spreadsheet this sheet belongs to (its call counter and developer metadata). */
    readonly book: FakeSpreadsheet,
    private name: string,
    maxRows = DEFAULT_ROWS,
    maxColumns = DEFAULT_COLUMNS,
    sheetId?: number,
  ) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
    this.sheetId = sheetId ?? book.nextSheetId();
    this.protections = new FakeSheetProtections(() => book.people(this), this);
  }

  getSheetId(): number {
    this.touch('getSheetId');
    return this.sheetId;
  }

  touch(method: string, detail = '', cells = 0): void {
    this.book.calls.record(this.name, method, detail, cells);
    // A read or metadata call sends the buffered writes first: a refusal held for the flush surfaces here.
    const kind = kindOf(method);
    if (kind === 'read' || kind === 'metadata') this.book.surfaceRefusal();
  }

  /** Protects the whole sheet (Sheet.protect): one protection per sheet, the same one when asked again. */
  protect(): FakeProtection {
    this.touch('protect');
    return this.protections.ofSheet();
  }

  /** Protects a rectangle (Range.protect). */
  protectArea(row: number, col: number, numRows: number, numCols: number): FakeProtection {
    return this.protections.ofArea({ row, col, numRows, numCols });
  }

  /** Sheet.getProtections(type): the sheet's own protection (SHEET) or its ranges' (RANGE). */
  getProtections(type: unknown): FakeProtection[] {
    this.touch('getProtections');
    return this.protections.ofType(type);
  }

  /** Drops a removed protection (Protection.remove). */
  dropProtection(protection: FakeProtection): void {
    this.protections.drop(protection);
  }

  /**
   * Runs a write of the rectangle unless a protection refuses it to the user running the script: then it
   * throws Apps Script's refusal now, or, when the spreadsheet refuses at the flush, skips the write and
   * lets the next flush (or read) throw it, as buffered writes do.
   */
  guardWrite(row: number, col: number, numRows: number, numCols: number, apply: () => void): void {
    if (this.refusesWrite(row, col, numRows, numCols)) {
      if (this.book.refusalAt === 'flush') return this.book.holdRefusal();
      throw new Error(PROTECTED_MESSAGE);
    }
    apply();
  }

  /** True when a protection refuses the user running the script some cell of the rectangle (the Sheets API fake). */
  refusesWrite(row: number, col: number, numRows: number, numCols: number): boolean {
    return this.protections.refuses({ row, col, numRows, numCols });
  }

  /** A range without counting a call (protections hand theirs out). */
  rangeUncounted(row: number, col: number, numRows: number, numCols: number): FakeRange {
    return new FakeRange(this, row, col, numRows, numCols);
  }

  getName(): string {
    this.touch('getName');
    return this.name;
  }

  /** Name without counting a call (test helpers). */
  get sheetName(): string {
    return this.name;
  }

  getMaxRows(): number {
    this.touch('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.touch('getMaxColumns');
    return this.maxColumns;
  }

  getLastRow(): number {
    this.touch('getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.touch('getLastColumn');
    return this.lastColumn();
  }

  getRange(rowOrA1: number | string, col?: number, numRows = 1, numCols = 1): FakeRange {
    this.touch('getRange');
    if (typeof rowOrA1 === 'string') {
      const [r, c, nr, nc] = parseA1(rowOrA1, this.maxRows);
      return this.rangeChecked(r, c, nr, nc);
    }
    return this.rangeChecked(rowOrA1, col ?? 1, numRows, numCols);
  }

  getDataRange(): FakeRange {
    this.touch('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.touch('insertRowsAfter');
    this.checkPositive(howMany, 'howMany');
    const values = this.grid.values;
    if (afterPosition < values.length)
      values.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    rekey(this.grid.formulas, (r, c) => [r > afterPosition ? r + howMany : r, c]);
    rekey(this.grid.formats, (r, c) => [r > afterPosition ? r + howMany : r, c]);
    this.maxRows += howMany;
    return this;
  }

  /** Inserts blank columns; developer metadata right of them moves with its column. */
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.touch('insertColumnsAfter');
    this.checkPositive(howMany, 'howMany');
    insertGridColumns(this.grid, afterPosition, howMany);
    this.book.developerMetadata.columnsInserted(this, afterPosition, howMany);
    this.maxColumns += howMany;
    return this;
  }

  insertColumnBefore(position: number): FakeSheet {
    return this.insertColumnsAfter(position - 1, 1);
  }

  /** Deletes columns (Sheet.deleteColumns): their developer metadata goes with them. */
  deleteColumns(columnPosition: number, howMany = 1): void {
    this.touch('deleteColumns');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) {
      throw new Error('Exception: Those columns are out of bounds.');
    }
    deleteGridColumns(this.grid, columnPosition, howMany);
    this.book.developerMetadata.columnsDeleted(this, columnPosition, howMany);
    this.maxColumns -= howMany;
  }

  /**
   * Moves the columns `columnSpec` spans before column `destinationIndex`, counted before the move
   * (Sheet.moveColumns); developer metadata moves with its column.
   */
  moveColumns(columnSpec: FakeRange, destinationIndex: number): void {
    this.touch('moveColumns');
    const first = columnSpec.getColumn();
    const count = columnSpec.getNumColumns();
    if (destinationIndex < 1 || destinationIndex > this.maxColumns + 1) {
      throw new Error('Exception: Those columns are out of bounds.');
    }
    const to = columnMove(first, count, destinationIndex, this.maxColumns);
    moveGridColumns(this.grid, to, this.maxColumns);
    this.book.developerMetadata.columnsMoved(this, to);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.touch('deleteRows');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new Error('Exception: Those rows are out of bounds.');
    }
    this.guardWrite(rowPosition, 1, howMany, this.maxColumns, () => this.removeRows(rowPosition, howMany));
  }

  /** Removes rows without a call or a protection check (deleteRows, the Sheets API's deleteDimension). */
  removeRows(rowPosition: number, howMany: number): void {
    this.grid.values.splice(rowPosition - 1, howMany);
    const last = rowPosition + howMany - 1;
    const move = (r: number, c: number): [number, number] | null =>
      r < rowPosition ? [r, c] : r > last ? [r - howMany, c] : null;
    rekey(this.grid.formulas, move);
    rekey(this.grid.formats, move);
    this.maxRows -= howMany;
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    this.touch('appendRow');
    checkCellLength(rowContents);
    const row = this.lastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    this.writeBlock(row, 1, [rowContents]);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.touch('setFrozenRows');
    void rows;
  }

  // ——— embedded charts (kept in fakeSheetCharts.ts) ———

  private chartStore: FakeSheetCharts | null = null;

  /** The sheet's charts, for tests (moveByUser) and the methods below; not a service call. */
  get charts(): FakeSheetCharts {
    return (this.chartStore ??= new FakeSheetCharts(this.sheetId));
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.touch('newChart');
    return this.charts.newChart();
  }

  getCharts(): FakeEmbeddedChart[] {
    this.touch('getCharts');
    return this.charts.list();
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.touch('insertChart');
    this.charts.insert(chart);
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.touch('updateChart');
    this.charts.update(chart);
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.touch('removeChart');
    this.charts.remove(chart);
  }

  // ——— internals shared with FakeRange (not service calls) ———

  lastRow(): number {
    const values = this.grid.values;
    for (let r = values.length; r >= 1; r--) {
      if (values[r - 1]!.some((v) => v !== '')) return r;
    }
    let formulaRow = 0;
    for (const k of this.grid.formulas.keys()) formulaRow = Math.max(formulaRow, Number(k.split(':')[0]));
    return formulaRow;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.grid.values) {
      for (let c = row.length; c > last; c--) {
        if (row[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    for (const k of this.grid.formulas.keys()) last = Math.max(last, Number(k.split(':')[1]));
    return last;
  }

  readBlock(row: number, col: number, numRows: number, numCols: number): Cell[][] {
    const tz = this.book.timeZoneUncounted;
    const out: Cell[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const source = this.grid.values[r - 1];
      const line: Cell[] = new Array(numCols);
      for (let c = 0; c < numCols; c++) {
        const value = source?.[col - 1 + c] ?? '';
        const format = this.grid.formats.size > 0 ? this.grid.formats.get(key(r, col + c)) : undefined;
        line[c] = format || value instanceof Date ? presentValue(value, format ?? '', tz) : value;
      }
      out.push(line);
    }
    return out;
  }

  /** What the sheet shows: each stored value through its number format. */
  readDisplay(row: number, col: number, numRows: number, numCols: number): string[][] {
    const tz = this.book.timeZoneUncounted;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numCols }, (_, c) =>
        displayValue(
          this.grid.values[row + r - 1]?.[col + c - 1] ?? '',
          this.grid.formats.get(key(row + r, col + c)) ?? '',
          tz,
        ),
      ),
    );
  }

  /** A cell holding a value or a formula (what Ctrl+Arrow stops at). */
  isFilled(row: number, col: number): boolean {
    return (this.grid.values[row - 1]?.[col - 1] ?? '') !== '' || this.grid.formulas.has(key(row, col));
  }

  /** Adds empty rows at the bottom without counting a call (the fake Sheets API's appendDimension). */
  growRows(howMany: number): void {
    this.maxRows += howMany;
  }

  readFormulas(row: number, col: number, numRows: number, numCols: number): string[][] {
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numCols }, (_, c) => this.grid.formulas.get(key(row + r, col + c)) ?? ''),
    );
  }

  readFormats(row: number, col: number, numRows: number, numCols: number): string[][] {
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numCols }, (_, c) => this.grid.formats.get(key(row + r, col + c)) ?? ''),
    );
  }

  /** Stores values as setValues would (typed input), or as given (`raw`: cells a sheet already holds). */
  writeBlock(row: number, col: number, values: unknown[][], raw = false): void {
    const tz = this.book.timeZoneUncounted;
    values.forEach((rowValues, r) => {
      const rowIndex = row - 1 + r;
      while (this.grid.values.length <= rowIndex) this.grid.values.push([]);
      const target = this.grid.values[rowIndex]!;
      while (target.length < col - 1 + rowValues.length) target.push('');
      rowValues.forEach((input, c) => {
        const stored =
          raw && !(typeof input === 'string' && /^['=]/.test(input))
            ? {
                value: input instanceof Date ? new Date(input.getTime()) : ((input ?? '') as Cell),
                formula: '',
              }
            : typeIn(input, tz, this.grid.formats.get(key(row + r, col + c)) ?? '');
        target[col - 1 + c] = stored.value;
        const k = key(row + r, col + c);
        if (stored.formula) this.grid.formulas.set(k, stored.formula);
        else this.grid.formulas.delete(k);
      });
    });
  }

  writeFormats(
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    at: (r: number, c: number) => string,
  ) {
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) this.grid.formats.set(key(row + r, col + c), at(r, c));
    }
  }

  a1Of(row: number, col: number, numRows: number, numCols: number): string {
    return a1Of(row, col, numRows, numCols);
  }

  private rangeChecked(row: number, col: number, numRows: number, numCols: number): FakeRange {
    for (const [name, n] of [
      ['row', row],
      ['column', col],
      ['number of rows', numRows],
      ['number of columns', numCols],
    ] as const) {
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`Exception: The ${name} of the range is too small (${n}).`);
    }
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, numRows, numCols);
  }

  private checkPositive(n: number, what: string) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Exception: ${what} must be a positive integer.`);
  }

  /** Sets rows directly (test set-up, not counted): cells hold what is given ("=…" a formula, "'…" text). */
  load(rows: unknown[][], options: { extraEmptyRows?: number } = {}): void {
    const width = Math.max(0, ...rows.map((r) => r.length));
    this.maxColumns = Math.max(this.maxColumns, width);
    this.maxRows = Math.max(this.maxRows, rows.length + (options.extraEmptyRows ?? 0));
    rows.forEach((r, i) => this.writeBlock(i + 1, 1, [r], true));
  }

  /** The stored values (not counted), as getValues of the data range would give them. */
  dump(): Cell[][] {
    return this.readBlock(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  /** Sets one cell exactly (the Sheets API's explicit value kinds): no typing, no apostrophe rule. */
  putCell(row: number, col: number, value: Cell, formula = ''): void {
    while (this.grid.values.length < row) this.grid.values.push([]);
    const target = this.grid.values[row - 1]!;
    while (target.length < col) target.push('');
    target[col - 1] = formula ? '' : value;
    if (formula) this.grid.formulas.set(key(row, col), formula);
    else this.grid.formulas.delete(key(row, col));
    this.maxRows = Math.max(this.maxRows, row);
    this.maxColumns = Math.max(this.maxColumns, col);
  }

  /** Snapshot and restore of the whole sheet (the fake Sheets API's batchUpdate is atomic). */
  snapshot(): () => void {
    const values = this.grid.values.map((r) => r.slice());
    const formulas = new Map(this.grid.formulas);
    const formats = new Map(this.grid.formats);
    const { maxRows, maxColumns } = this;
    return () => {
      this.grid.values = values;
      this.grid.formulas = formulas;
      this.grid.formats = formats;
      this.maxRows = maxRows;
      this.maxColumns = maxColumns;
    };
  }

  formulaAt(row: number, col: number): string {
    return this.grid.formulas.get(key(row, col)) ?? '';
  }

  formatAt(row: number, col: number): string {
    return this.grid.formats.get(key(row, col)) ?? '';
  }

  get dimensions(): { maxRows: number; maxColumns: number } {
    return { maxRows: this.maxRows, maxColumns: this.maxColumns };
  }
}
