// An in-memory SpreadsheetApp spreadsheet that behaves like Apps Script where bugs hide: range bounds and
// shape errors, copies on read, typed-input conversion on write, formulas, number formats, getLastRow by
// content, and every call counted with the cells it carries (priced by costModel.ts).
// This file holds the Spreadsheet itself and is the entry point: the other classes live one per file
// (fakeRange.ts, fakeTextFinder.ts, fakeSheet.ts, fakeGrid.ts) and are re-exported here.

import { DEFAULT_ROWS, DEFAULT_COLUMNS } from './fakeGrid';
import { CallCounter, SPREADSHEET_TARGET } from './callCounter';
import { FakeSheet } from './fakeSheet';
import { PROTECTED_MESSAGE, type FakeProtection, type ProtectionPeople } from './fakeProtection';
import { FakeSpreadsheetTextFinder } from './fakeTextFinder';
import { FakeDeveloperMetadataFinder, FakeDeveloperMetadataStore } from './fakeDeveloperMetadata';

export { FakeRange } from './fakeRange';
export { FakeProtection, PROTECTED_MESSAGE } from './fakeProtection';
export { FakeFoundCell, FakeSpreadsheetTextFinder, FakeTextFinder } from './fakeTextFinder';
export { FakeSheet } from './fakeSheet';
export { FakeDeveloperMetadata, FakeDeveloperMetadataFinder } from './fakeDeveloperMetadata';

export interface FakeSpreadsheetOptions {
  timeZone?: string;
  id?: string;
  name?: string;
  /** The owner's e-mail (default propietario@taller.cl), who runs the scripts until `actAs` says otherwise. */
  owner?: string;
  /** Everyone else with edit access to the spreadsheet. */
  editors?: readonly string[];
}

export class FakeSpreadsheet {
  readonly calls = new CallCounter();
  /** Column-located developer metadata (fakeDeveloperMetadata.ts), moved by the sheets' column edits. */
  readonly developerMetadata = new FakeDeveloperMetadataStore(this);
  private readonly sheets: FakeSheet[] = [];
  private sheetIdSeed = 0;

  nextSheetId(): number {
    this.sheetIdSeed += 1;
    return this.sheetIdSeed;
  }
  private readonly timeZone: string;
  private readonly id: string;
  private readonly name: string;

  private readonly owner: string;
  private readonly editors: string[];
  private user: string;
  /**
   * When Apps Script's refusal of a write to protected cells surfaces: at the write call, or at the next
   * flush (or read), since SpreadsheetApp buffers writes. Either way the refused write changes nothing.
   */
  refusalAt: 'write' | 'flush' = 'write';
  private refusalHeld = false;

  constructor(options: FakeSpreadsheetOptions = {}) {
    this.timeZone = options.timeZone ?? 'America/Santiago';
    this.id = options.id ?? 'fake-spreadsheet-id';
    this.name = options.name ?? 'Producción (demo)';
    this.owner = options.owner ?? 'propietario@taller.cl';
    this.editors = [...(options.editors ?? [])];
    this.user = this.owner;
  }

  /** Runs what follows as `email` (Session.getEffectiveUser), who gets edit access if they lacked it. */
  actAs(email: string): void {
    if (email !== this.owner && !this.editors.includes(email)) this.editors.push(email);
    this.user = email;
  }

  get activeUser(): string {
    return this.user;
  }

  /** Who a protection of `sheet` answers to (owner, editors, the user running the script). */
  people(sheet: FakeSheet): ProtectionPeople {
    const book = this;
    return {
      owner: this.owner,
      get editors() {
        return book.editors;
      },
      get activeUser() {
        return book.user;
      },
      remove: (protection: FakeProtection) => sheet.dropProtection(protection),
    };
  }

  /** A refused buffered write: the next flush or read throws the refusal. */
  holdRefusal(): void {
    this.refusalHeld = true;
  }

  /** Throws a held refusal (once): what the flush of refused buffered writes does. */
  surfaceRefusal(): void {
    if (!this.refusalHeld) return;
    this.refusalHeld = false;
    throw new Error(PROTECTED_MESSAGE);
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
    this.surfaceRefusal();
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

  /**
   * Spreadsheet.createTextFinder: a TextFinder over every sheet (building it is a lookup; its findAll is the
   * search Apps Script prices, one call whatever it scans).
   */
  createTextFinder(text: string): FakeSpreadsheetTextFinder {
    this.calls.record(SPREADSHEET_TARGET, 'createTextFinder');
    return new FakeSpreadsheetTextFinder(this, text);
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
    this.developerMetadata.sheetDeleted(sheet);
  }

  /** A finder of the spreadsheet's developer metadata (built locally; its find() is the one call). */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.calls.record(SPREADSHEET_TARGET, 'createDeveloperMetadataFinder');
    return new FakeDeveloperMetadataFinder(this.developerMetadata);
  }

  // ——— test helpers (not counted) ———

  /** Adds an empty sheet without counting a call (the fake Sheets API's addSheet). */
  addEmptySheet(name: string, sheetId?: number): FakeSheet {
    const sheet = new FakeSheet(this, name, DEFAULT_ROWS, DEFAULT_COLUMNS, sheetId);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The sheets in order, without counting a call (what a spreadsheet-wide search scans). */
  sheetsUncounted(): readonly FakeSheet[] {
    return this.sheets;
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
