// SpreadsheetApp's developer metadata in memory, COLUMN-located only (what the add-on's column tags use):
// added on a whole column (Range.addDeveloperMetadata), found across the spreadsheet in one call
// (Spreadsheet.createDeveloperMetadataFinder().withKey(key).find()), removed one by one. Like Sheets, a
// column's metadata moves with it when columns are inserted, deleted or moved, and goes with the column or
// the sheet when they are deleted. Every service call is counted (find: metadata; add and remove: writes).

import { SPREADSHEET_TARGET } from './callCounter';
import type { FakeRange } from './fakeRange';
import type { FakeSheet } from './fakeSheet';
import type { FakeSpreadsheet } from './fakeSpreadsheet';

/** One metadata as the store keeps it: where it is now (its column moves with the sheet's edits). */
interface Entry {
  id: number;
  key: string;
  value: string | null;
  sheet: FakeSheet;
  /** 1-based column. */
  col: number;
}

/** Apps Script's refusal of metadata on a range that is not a whole row or column. */
export const ARBITRARY_RANGE_MESSAGE =
  'Exception: Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** Where one metadata lies (DeveloperMetadataLocation): its column as a whole-column range. */
export class FakeDeveloperMetadataLocation {
  constructor(private readonly entry: Entry) {}

  getLocationType(): string {
    return 'COLUMN';
  }

  /** The whole column the metadata is on (a local getter: no call counted). */
  getColumn(): FakeRange {
    const { maxRows } = this.entry.sheet.dimensions;
    return this.entry.sheet.rangeUncounted(1, this.entry.col, maxRows, 1);
  }

  getSheet(): FakeSheet {
    return this.entry.sheet;
  }
}

/** One found metadata (DeveloperMetadata): getters are local, remove() is a write. */
export class FakeDeveloperMetadata {
  constructor(
    private readonly store: FakeDeveloperMetadataStore,
    private readonly entry: Entry,
  ) {}

  getId(): number {
    return this.entry.id;
  }

  getKey(): string {
    return this.entry.key;
  }

  getValue(): string | null {
    return this.entry.value;
  }

  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.entry);
  }

  /** Deletes this metadata (counted as a write); removing one already gone throws, as Apps Script does. */
  remove(): void {
    this.store.remove(this.entry);
  }
}

/** Spreadsheet.createDeveloperMetadataFinder(): filters set locally, one call when find() runs. */
export class FakeDeveloperMetadataFinder {
  private key: string | null = null;

  constructor(private readonly store: FakeDeveloperMetadataStore) {}

  withKey(key: string): FakeDeveloperMetadataFinder {
    this.key = key;
    return this;
  }

  /** Every metadata of the spreadsheet matching the filters, in one call (priced as metadata, 100 ms). */
  find(): FakeDeveloperMetadata[] {
    return this.store.find(this.key);
  }
}

/** The spreadsheet's developer metadata, kept in step with column edits by FakeSheet. */
export class FakeDeveloperMetadataStore {
  private entries: Entry[] = [];
  private seed = 0;

  constructor(private readonly book: FakeSpreadsheet) {}

  /** Range.addDeveloperMetadata on a whole single column (rows 1..maxRows); anything else throws. */
  add(range: FakeRange, key: string, value: string | null): void {
    const sheet = range.getSheet();
    sheet.touch('addDeveloperMetadata', range.getA1Notation());
    const whole = range.getRow() === 1 && range.getNumRows() === sheet.dimensions.maxRows;
    if (!whole) throw new Error(ARBITRARY_RANGE_MESSAGE);
    if (range.getNumColumns() !== 1) {
      throw new Error('Exception: the in-memory spreadsheet models metadata on one whole column only.');
    }
    this.seed += 1;
    this.entries.push({ id: this.seed, key, value, sheet, col: range.getColumn() });
  }

  find(key: string | null): FakeDeveloperMetadata[] {
    this.book.calls.record(SPREADSHEET_TARGET, 'developerMetadata.find', key ?? '');
    return this.entries
      .filter((e) => key === null || e.key === key)
      .map((e) => new FakeDeveloperMetadata(this, e));
  }

  remove(entry: Entry): void {
    this.book.calls.record(entry.sheet.sheetName, 'developerMetadata.remove', String(entry.id));
    if (!this.entries.includes(entry)) {
      throw new Error(`Exception: Requested entity was not found (developer metadata ${entry.id}).`);
    }
    this.entries = this.entries.filter((e) => e !== entry);
  }

  /** Columns inserted after `after` (1-based; 0 = before the first): metadata to their right moves right. */
  columnsInserted(sheet: FakeSheet, after: number, howMany: number): void {
    for (const e of this.entries) if (e.sheet === sheet && e.col > after) e.col += howMany;
  }

  /** Columns `position`..`position + howMany - 1` deleted: their metadata goes, the rest moves left. */
  columnsDeleted(sheet: FakeSheet, position: number, howMany: number): void {
    const last = position + howMany - 1;
    this.entries = this.entries.filter((e) => e.sheet !== sheet || e.col < position || e.col > last);
    for (const e of this.entries) if (e.sheet === sheet && e.col > last) e.col -= howMany;
  }

  /** Columns moved: `to(col)` is where the column at 1-based `col` is now. */
  columnsMoved(sheet: FakeSheet, to: (col: number) => number): void {
    for (const e of this.entries) if (e.sheet === sheet) e.col = to(e.col);
  }

  /** A deleted sheet takes its metadata with it. */
  sheetDeleted(sheet: FakeSheet): void {
    this.entries = this.entries.filter((e) => e.sheet !== sheet);
  }

  /** Every metadata as {sheet, col, key, value}, without a call (test assertions). */
  dump(): Array<{ sheet: string; col: number; key: string; value: string | null }> {
    return this.entries
      .map((e) => ({ sheet: e.sheet.sheetName, col: e.col, key: e.key, value: e.value }))
      .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col);
  }
}
