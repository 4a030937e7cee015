// An in-memory SpreadsheetApp spreadsheet that behaves like Apps Script where bugs hide: range bounds and
// shape errors, copies on read, typed-input conversion on write, formulas, number formats, getLastRow by
// content, and every call counted with the cells it carries (priced by costModel.ts).
// This file holds the Spreadsheet itself and is the entry point: the other classes live one per file
// (fakeRange.ts, fakeTextFinder.ts, fakeSheet.ts, fakeGrid.ts) and are re-exported here.

import { DEFAULT_ROWS, DEFAULT_COLUMNS } from './fakeGrid';
import { CallCounter, SPREADSHEET_TARGET } from './callCounter';
import { FakeSheet } from './fakeSheet';

export { FakeRange } from './fakeRange';
export { FakeTextFinder } from './fakeTextFinder';
export { FakeSheet } from './fakeSheet';

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
