// An in-memory SpreadsheetApp spreadsheet that behaves like Apps Script where bugs hide: range bounds and
// shape errors, copies on read, typed-input conversion on write, formulas, number formats, getLastRow by
// content, and every call counted with the cells it carries (priced by costModel.ts).

import type { Cell } from '../domain/cell';
import { CallCounter, SPREADSHEET_TARGET } from './callCounter';
import { displayValue, presentValue, typeIn } from './typedInput';

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

interface Grid {
  values: Cell[][];
  formulas: Map<string, string>;
  formats: Map<string, string>;
}

const key = (row: number, col: number) => `${row}:${col}`;

function rekey(map: Map<string, string>, move: (row: number, col: number) => [number, number] | null) {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    const moved = move(r, c);
    if (moved) map.set(key(moved[0], moved[1]), v);
  }
}

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
  ) {}

  /** Counts a call on this range: it carries every cell of the range (what the cost model prices). */
  private touch(method: string) {
    this.sheet.touch(method, `${this.numRows}x${this.numCols}`, this.numRows * this.numCols);
  }

  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getSheet() {
    return this.sheet;
  }
  getA1Notation() {
    return this.sheet.a1Of(this.row, this.col, this.numRows, this.numCols);
  }

  getValues(): Cell[][] {
    this.touch('getValues');
    return this.sheet.readBlock(this.row, this.col, this.numRows, this.numCols);
  }

  getValue(): Cell {
    this.touch('getValue');
    return this.sheet.readBlock(this.row, this.col, 1, 1)[0]![0]!;
  }

  getDisplayValues(): string[][] {
    this.touch('getDisplayValues');
    return this.sheet.readDisplay(this.row, this.col, this.numRows, this.numCols);
  }

  /**
   * Ctrl+Arrow from the range's top-left cell, as Apps Script does: from a filled cell whose neighbour is
   * filled, the far edge of that block; otherwise the next filled cell that way, or the sheet's edge.
   * `direction` is SpreadsheetApp.Direction (its text, e.g. "UP", in the fake).
   */
  getNextDataCell(direction: unknown): FakeRange {
    this.touch('getNextDataCell');
    const [dr, dc] = (
      { UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] } as Record<string, [number, number]>
    )[String(direction)] ?? [NaN, NaN];
    if (Number.isNaN(dr)) throw new Error(`Exception: Invalid argument: direction (${String(direction)})`);
    const { maxRows, maxColumns } = this.sheet.dimensions;
    const inside = (r: number, c: number) => r >= 1 && c >= 1 && r <= maxRows && c <= maxColumns;
    const filled = (r: number, c: number) => this.sheet.isFilled(r, c);
    let [r, c] = [this.row, this.col];
    if (filled(r, c) && inside(r + dr, c + dc) && filled(r + dr, c + dc)) {
      while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
    } else {
      while (inside(r + dr, c + dc)) {
        [r, c] = [r + dr, c + dc];
        if (filled(r, c)) break;
      }
    }
    return new FakeRange(this.sheet, r, c, 1, 1);
  }

  getFormulas(): string[][] {
    this.touch('getFormulas');
    return this.sheet.readFormulas(this.row, this.col, this.numRows, this.numCols);
  }

  getNumberFormats(): string[][] {
    this.touch('getNumberFormats');
    return this.sheet.readFormats(this.row, this.col, this.numRows, this.numCols);
  }

  setValues(values: unknown[][]): FakeRange {
    this.touch('setValues');
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${
          Array.isArray(values) ? values.length : 0
        } but the range has ${this.numRows}.`,
      );
    }
    values.forEach((rowValues) => {
      if (!Array.isArray(rowValues) || rowValues.length !== this.numCols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${
            Array.isArray(rowValues) ? rowValues.length : 0
          } but the range has ${this.numCols}.`,
        );
      }
    });
    this.sheet.writeBlock(this.row, this.col, values);
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.touch('setValue');
    this.sheet.writeBlock(this.row, this.col, [[value]]);
    return this;
  }

  setNumberFormat(format: string): FakeRange {
    this.touch('setNumberFormat');
    this.sheet.writeFormats(this.row, this.col, this.numRows, this.numCols, () => format);
    return this;
  }

  setNumberFormats(formats: string[][]): FakeRange {
    this.touch('setNumberFormats');
    if (formats.length !== this.numRows || formats.some((r) => r.length !== this.numCols)) {
      throw new Error('Exception: The number of rows or columns in the data does not match the range.');
    }
    this.sheet.writeFormats(this.row, this.col, this.numRows, this.numCols, (r, c) => formats[r]![c]!);
    return this;
  }

  /** TextFinder over this range (building it is local; findAll/findNext are the searches Apps Script prices). */
  createTextFinder(text: string): FakeTextFinder {
    this.touch('createTextFinder');
    return new FakeTextFinder(this.sheet, this.row, this.col, this.numRows, this.numCols, text);
  }

  clearContent(): FakeRange {
    this.touch('clearContent');
    const blank = Array.from({ length: this.numRows }, () => Array<Cell>(this.numCols).fill(''));
    this.sheet.writeBlock(this.row, this.col, blank);
    return this;
  }
}

/**
 * A pattern's `\s` as RE2 (the engine behind Sheets' regular expressions) reads it: ASCII whitespace only,
 * where a JavaScript `\s` would also match a no-break space. Escaped backslashes are left alone; a `\s`
 * inside a character class is not supported (the add-on's patterns spell their classes out).
 */
function re2Classes(pattern: string): string {
  return pattern.replace(/\\(.)/g, (escape, c: string) => (c === 's' ? '[\\t\\n\\f\\r ]' : escape));
}

/**
 * TextFinder as Apps Script has it: case-insensitive and substring by default, on the text the cells show
 * (a number 8 formatted `000` is found as "008"); with useRegularExpression the text is a pattern.
 */
export class FakeTextFinder {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;

  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
    private readonly text: string,
  ) {}

  matchCase(value: boolean): FakeTextFinder {
    this.caseSensitive = value;
    return this;
  }

  matchEntireCell(value: boolean): FakeTextFinder {
    this.entireCell = value;
    return this;
  }

  useRegularExpression(value: boolean): FakeTextFinder {
    this.regex = value;
    return this;
  }

  findAll(): FakeRange[] {
    this.sheet.touch('findAll', this.text);
    const lastRow = Math.min(this.row + this.numRows - 1, this.sheet.lastRow());
    const found: FakeRange[] = [];
    if (lastRow < this.row) return found;
    const flags = this.caseSensitive ? '' : 'i';
    const source = this.regex ? re2Classes(this.text) : '';
    const pattern = this.regex ? new RegExp(this.entireCell ? `^(?:${source})$` : source, flags) : null;
    const wanted = this.caseSensitive ? this.text : this.text.toLowerCase();
    const block = this.sheet.readDisplay(this.row, this.col, lastRow - this.row + 1, this.numCols);
    block.forEach((line, r) =>
      line.forEach((shown, c) => {
        if (shown === '') return;
        let hit: boolean;
        if (pattern) hit = pattern.test(shown);
        else {
          const text = this.caseSensitive ? shown : shown.toLowerCase();
          hit = this.entireCell ? text === wanted : text.includes(wanted);
        }
        if (hit) found.push(new FakeRange(this.sheet, this.row + r, this.col + c, 1, 1));
      }),
    );
    return found;
  }
}

export class FakeSheet {
  private grid: Grid = { values: [], formulas: new Map(), formats: new Map() };
  private maxRows: number;
  private maxColumns: number;
  readonly sheetId: number;

  constructor(
    private readonly book: FakeSpreadsheet,
    private name: string,
    maxRows = DEFAULT_ROWS,
    maxColumns = DEFAULT_COLUMNS,
    sheetId?: number,
  ) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
    this.sheetId = sheetId ?? book.nextSheetId();
  }

  getSheetId(): number {
    this.touch('getSheetId');
    return this.sheetId;
  }

  touch(method: string, detail = '', cells = 0): void {
    this.book.calls.record(this.name, method, detail, cells);
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
      const [r, c, nr, nc] = this.parseA1(rowOrA1);
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

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.touch('insertColumnsAfter');
    this.checkPositive(howMany, 'howMany');
    for (const row of this.grid.values) {
      if (afterPosition < row.length) row.splice(afterPosition, 0, ...Array<Cell>(howMany).fill(''));
    }
    rekey(this.grid.formulas, (r, c) => [r, c > afterPosition ? c + howMany : c]);
    rekey(this.grid.formats, (r, c) => [r, c > afterPosition ? c + howMany : c]);
    this.maxColumns += howMany;
    return this;
  }

  insertColumnBefore(position: number): FakeSheet {
    return this.insertColumnsAfter(position - 1, 1);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.touch('deleteRows');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new Error('Exception: Those rows are out of bounds.');
    }
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
            : typeIn(input, tz);
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
    const letter = (n: number): string =>
      (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const start = `${letter(col)}${row}`;
    return numRows === 1 && numCols === 1
      ? start
      : `${start}:${letter(col + numCols - 1)}${row + numRows - 1}`;
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

  private parseA1(a1: string): [number, number, number, number] {
    const columns = /^([A-Z]+):([A-Z]+)$/i.exec(a1.trim());
    if (columns) {
      // Whole columns ("J:J"): every row of the grid, as Apps Script gives them.
      const [, col, , numCols] = this.parseA1(`${columns[1]}1:${columns[2]}1`);
      return [1, col, this.maxRows, numCols];
    }
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.trim());
    if (!m) throw new Error(`Exception: Range not found (${a1}).`);
    const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const r1 = Number(m[2]);
    const c1 = col(m[1]!);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? col(m[3]) : c1;
    return [Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1];
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

export interface FakeSpreadsheetOptions {
  timeZone?: string;
  id?: string;
  name?: string;
}

export class FakeSpreadsheet {
  readonly calls = new CallCounter();
  private readonly sheets: FakeSheet[] = [];
  private sheetIdSeed = 0;

  nextSheetId(): number {
    this.sheetIdSeed += 1;
    return this.sheetIdSeed;
  }
  private readonly timeZone: string;
  private readonly id: string;
  private readonly name: string;

  constructor(options: FakeSpreadsheetOptions = {}) {
    this.timeZone = options.timeZone ?? 'America/Santiago';
    this.id = options.id ?? 'fake-spreadsheet-id';
    this.name = options.name ?? 'Producción (demo)';
  }

  get timeZoneUncounted(): string {
    return this.timeZone;
  }

  get idUncounted(): string {
    return this.id;
  }

  /** Toasts shown (Spreadsheet.toast), in order. */
  readonly toasts: Array<{ title: string; message: string }> = [];

  toast(message: string, title = '', timeoutSeconds = 5): void {
    void timeoutSeconds;
    this.calls.record(SPREADSHEET_TARGET, 'toast');
    this.toasts.push({ title, message });
  }

  getId(): string {
    this.calls.record(SPREADSHEET_TARGET, 'getId');
    return this.id;
  }

  getName(): string {
    this.calls.record(SPREADSHEET_TARGET, 'getName');
    return this.name;
  }

  /** SpreadsheetApp.flush, counted against the spreadsheet (it lives on SpreadsheetApp in Apps Script). */
  flush(): void {
    this.calls.record(SPREADSHEET_TARGET, 'flush');
  }

  getSpreadsheetTimeZone(): string {
    this.calls.record(SPREADSHEET_TARGET, 'getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.calls.record(name, 'getSheetByName');
    return this.sheets.find((s) => s.sheetName === name) ?? null;
  }

  getSheets(): FakeSheet[] {
    this.calls.record(SPREADSHEET_TARGET, 'getSheets');
    return [...this.sheets];
  }

  insertSheet(name: string): FakeSheet {
    this.calls.record(name, 'insertSheet');
    if (this.sheets.some((s) => s.sheetName === name)) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.calls.record(sheet.sheetName, 'deleteSheet');
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
  }

  // ——— test helpers (not counted) ———

  /** Adds an empty sheet without counting a call (the fake Sheets API's addSheet). */
  addEmptySheet(name: string, sheetId?: number): FakeSheet {
    const sheet = new FakeSheet(this, name, DEFAULT_ROWS, DEFAULT_COLUMNS, sheetId);
    this.sheets.push(sheet);
    return sheet;
  }

  sheetById(sheetId: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  /** Adds a sheet holding `rows` (row 1 = header); extra empty rows mimic trailing formatted rows. */
  addSheet(
    name: string,
    rows: unknown[][],
    options: { extraEmptyRows?: number; maxColumns?: number } = {},
  ): FakeSheet {
    const sheet = new FakeSheet(this, name, Math.max(1, rows.length), options.maxColumns ?? 1);
    sheet.load(rows, options);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.sheetName === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.sheetName === name);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.sheetName);
  }
}
