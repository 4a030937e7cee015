// The interfaces the pure middle needs from the outside world; src/gas implements them for Apps Script.

import type { Cell } from './domain/cell';

/**
 * One cell to write, 1-based like Apps Script. `value` is already encoded (escaped text, numbers, Dates);
 * `format`, when given, is the number format (e.g. `0`, `0.00`) the cell gets in the same commit.
 */
export interface CellWrite {
  row: number;
  col: number;
  value: Cell;
  format?: string;
  /**
   * The number format the cell has now, when the caller read it: the adapter writes the value so that it
   * reads back as meant in that format (SpreadsheetApp keeps a leading apostrophe as text in a plain-text
   * `@` cell, so literal text goes there without one). Ignored when `format` is given.
   */
  currentFormat?: string;
}

/** Cells of one sheet that a protection keeps from the user running the script (SpreadsheetApp.Protection). */
export interface ProtectedArea {
  /** The protected rectangle; null when the whole sheet is protected. */
  rect: Rect | null;
  /** Rectangles of a protected sheet left editable. */
  except: Rect[];
}

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** How findRows matches: `regex` makes `text` a regular expression (RE2) matched against the whole cell. */
export interface FindOptions {
  regex?: boolean;
  /**
   * Search every column from `col` to `columns`' last (one TextFinder over the span, issue 15 §1) and keep
   * only the hits in `columns` (1-based): a key shown in a column between them (a count, an item number)
   * is not a match.
   */
  columns?: readonly number[];
}

/**
 * One search of findAcross: the cells of `sheet` under one of `columns` (1-based) that match, as a whole
 * cell and case-sensitively, the RE2 `pattern`, on the text the sheet shows.
 */
export interface SheetSearch {
  sheet: string;
  columns: readonly number[];
  pattern: string;
}

/** One rectangle of one sheet to read (readBlocks). */
export interface BlockRead {
  sheet: string;
  rect: Rect;
}

export interface SpreadsheetPort {
  /**
   * True when readBlocks reads every rectangle in one call (Sheets API). Without it each rectangle is a
   * call of its own, so a read made early to sharpen a search costs nothing extra (issue 15 §1).
   */
  readonly readsBlocksInOneCall?: boolean;
  /** The spreadsheet's time zone (e.g. America/Santiago). */
  timeZone(): string;
  /**
   * Each sheet's used range from A1 (values as getValues gives them); null for a sheet that does not exist.
   * Sheets in `headerOnly` give row 1 alone (the audit log is never read whole).
   */
  readSheets(names: readonly string[], headerOnly?: readonly string[]): Map<string, Cell[][] | null>;
  /**
   * Rows (1-based) whose cell in column `col` (1-based) holds exactly `text`, case-sensitive. Found by the
   * service (TextFinder) without reading the column: one search, whatever the sheet's size.
   */
  findRows(sheet: string, col: number, text: string, options?: FindOptions): number[];
  /**
   * Optional: several searches in ONE TextFinder over the whole spreadsheet (issue 15 §1: a findAll is a
   * 100 ms round trip whatever it scans): its pattern is the alternation of every search's pattern, and a hit
   * is kept for a search only when it lies in that search's sheet and under one of its columns. Returns, per
   * search and in order, its rows (1-based, ascending, each once). Which pattern a cell matched is not known:
   * a cell of one search's sheet and column matching another search's pattern is one of its rows too, so a
   * caller checks the rows it reads (as it must anyway: a key also matches its neighbours' blocks). Adapters
   * without it leave it out; the unit of work then makes one findRows per search.
   */
  findAcross?(searches: readonly SheetSearch[]): number[][];
  /**
   * The values of several rectangles in as few calls as the adapter allows (SpreadsheetApp: one getValues
   * per rectangle; Sheets API: one batchGet for all), in the order asked. `display` holds the text the sheet
   * shows for the same cells when the adapter has it from the same call (Sheets API), or always when
   * `options.display` asks for it (SpreadsheetApp then pays one getDisplayValues per rectangle).
   */
  readBlocks(
    reads: readonly BlockRead[],
    options?: { display?: boolean },
  ): Array<{ values: Cell[][]; display?: string[][] }>;
  /** The values of one rectangle (1-based), as getValues gives them; throws SCHEMA when the sheet is missing. */
  readRange(sheet: string, rect: Rect): Cell[][];
  /**
   * The last row holding content in any column (getLastRow: one metadata call), so a read of some columns
   * can cover the data rows without reading the sheet whole; throws SCHEMA when the sheet is missing.
   */
  lastRow(sheet: string): number;
  /**
   * Number formats of `rect` in one read, as getNumberFormats gives them (a pattern such as `0.00`, `d/M/yyyy`;
   * '' where the adapter cannot tell, e.g. a cell with no format set through the Sheets API).
   */
  readNumberFormats(sheet: string, rect: Rect): string[][];
  /**
   * The text the sheet shows (getDisplayValues; the Sheets API's FORMATTED_VALUE) in rows 1..`rows` of each
   * of `columns` (1-based), keyed by column; index 0 of each list is row 1. Used only for key columns that
   * hold numbers (OT 8 formatted `000` shows 008), so ordinary requests do not pay for it; one read per
   * column (SpreadsheetApp) or per call (Sheets API).
   */
  readDisplayText(sheet: string, columns: readonly number[], rows: number): Map<number, string[]>;
  /**
   * Writes scattered cells of one sheet (and the number formats they carry) as the exact rectangles they
   * cover: never a bounding block, never a read (cost model: buffered writes are cheap, reads are not).
   */
  writeCells(sheet: string, cells: readonly CellWrite[]): void;
  /**
   * Appends rows, `chunkSize` rows a call; returns the first row written. With `anchorColumn` (1-based) the
   * rows go right after the last row holding something in that column (the audit log's ID: a user's checkbox
   * column holding FALSE down to row 1,000 must not push events below it, design §2), found at constant
   * cost; without it, after the last row with content in any column.
   */
  appendRows(
    sheet: string,
    rows: readonly Cell[][],
    chunkSize: number,
    anchorColumn?: number,
    /** Where the rows go, found earlier by appendPosition (no metadata call now, so no flush after buffered writes). */
    at?: AppendPosition,
  ): { firstRow: number };
  /**
   * Optional: where rows appended after `column`'s last value (1-based) would go, and the grid's row count
   * (metadata calls). Found before a step's first buffered write, an append at its end needs no flush.
   */
  appendPosition?(sheet: string, column: number): AppendPosition;
  /** Removes rows (used to undo an append that a failed commit had made). */
  deleteRows(sheet: string, firstRow: number, count: number): void;
  /** Creates a sheet with a header row; fails if it exists. */
  createSheet(name: string, header: readonly string[]): void;
  /** Removes a sheet (used to undo a sheet a failed migration had created). */
  deleteSheet(name: string): void;
  /** Sets the number format of each column of `rect` (`columnFormats[i]` for its i-th column), in one call. */
  setNumberFormats(sheet: string, rect: Rect, columnFormats: readonly string[]): void;
  /**
   * Optional: the protections of `sheet` that the user running the script may not write through (neither an
   * editor nor warning-only), to name what a refused write hit and to tell refused writes from done ones.
   * Metadata calls (getProtections), made only after a refusal.
   */
  protectedAreas?(sheet: string): ProtectedArea[];
  /**
   * Optional: true when the adapter needs each written cell's current number format (`currentFormat`) to
   * write text that reads back as meant (SpreadsheetApp: plain-text cells keep an apostrophe).
   */
  readonly writesByFormat?: boolean;
  /**
   * Optional: sends buffered writes now (SpreadsheetApp.flush). The unit of work calls it at the end of a
   * commit, under the lock: a write that fails at the flush is still undone, and the next execution to take
   * the lock reads what this one wrote.
   */
  flush?(): void;
  /**
   * Optional: every column tag of `key` in the spreadsheet, in ONE call (SpreadsheetApp's developer
   * metadata finder; a metadata call in the cost model, 100 ms): which sheet, which 1-based column it is on
   * now (Sheets moves a column's tag with the column and deletes it with the column), and its value (the
   * normalised header name it was written for). Adapters without it (the Sheets API) verify headers by
   * reading row 1.
   */
  columnTags?(key: string): ColumnTag[];
  /**
   * Optional: replaces `sheet`'s tags of `key` with `tags` (one per 1-based column, its value `name`):
   * the old ones are removed, the new ones added, all as buffered writes (the tags the last columnTags call
   * of this request found are removed without a new find; without one, one find first).
   */
  tagColumns?(sheet: string, key: string, tags: ReadonlyArray<{ col: number; name: string }>): void;
  /**
   * Optional: writes the cells of several sheets and appends rows in one atomic call (nothing is written
   * when it fails). Adapters that cannot do this leave it out and the unit of work undoes by itself.
   */
  writeBatch?(batch: WriteBatch): void;
}

/** A column tag (columnTags): developer metadata on a whole column, which moves with the column. */
export interface ColumnTag {
  sheet: string;
  /** The tag's value: the header name, normalised (columnMap.ts normalizeHeader). */
  name: string;
  /** 1-based column the tag is on now. */
  col: number;
}

/** Where an append goes: the first row to write and the grid's row count (appendPosition). */
export interface AppendPosition {
  row: number;
  maxRows: number;
  /**
   * Blank rows to add below the rows written when the grid has to grow (issue 15 §3): the next request's
   * window of rows then sees rows the other system appends into them.
   */
  slack?: number;
}

export interface WriteBatch {
  cells: ReadonlyMap<string, readonly CellWrite[]>;
  appends: ReadonlyMap<string, readonly Cell[][]>;
  /** Per appended sheet, the anchor column of appendRows (rows go after its last value). */
  appendAnchors?: ReadonlyMap<string, number>;
  /** Per appended sheet, where the rows go when it is known already (no call to find it). */
  appendPositions?: ReadonlyMap<string, AppendPosition>;
}

export interface LockPort {
  /** Waits up to `timeoutMs` for the document lock; false when it could not be had. */
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/**
 * Per-document key-value store (document properties: script properties are shared by every user). Apps
 * Script refuses a property over 9 KB (key and value, 9,216 UTF-8 bytes) and a store over 500 KB.
 */
export interface PropertiesPort {
  /** From this request's snapshot (one read for every key the request asks about). */
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  /**
   * Read from the service now, not from the snapshot: what another execution wrote meanwhile is seen
   * (job records: each update is a fresh read, never a stale copy written back). One call.
   */
  getFresh(key: string): string | null;
  /** Every key starting with `prefix` and its value, read from the service now (one call). */
  listFresh(prefix: string): Array<[string, string]>;
}

export interface ClockPort {
  now(): number;
}

/** A trigger as the triggers port shows it: its unique id (Trigger.getUniqueId) and the function it calls. */
export interface TriggerInfo {
  id: string;
  handler: string;
}

/**
 * This user's triggers of this document. Which of them ScriptApp.getUserTriggers(spreadsheet) lists is not
 * settled for an add-on's time-driven triggers (some add-ons see them there, some only in
 * getProjectTriggers), so a trigger is found by the unique id recorded when it was made (issue 14 §5):
 * looked for in getUserTriggers(spreadsheet) and, when not listed there, in getProjectTriggers; an id is
 * unique, so another document's trigger is never touched. Each method is one or two trigger calls.
 */
export interface TriggersPort {
  /** The triggers getUserTriggers(spreadsheet) lists (this document's; maybe not its time-driven ones). */
  listed(): TriggerInfo[];
  /** Whether the trigger of unique id `id` still exists. */
  exists(id: string): boolean;
  /** Creates a time-driven trigger every `everyHours` hours (add-ons: at least 1); returns its unique id. */
  createHourly(handler: string, everyHours: number): string;
  /** Creates a one-shot time-driven trigger about `afterMs` from now; returns its unique id. */
  createOnce(handler: string, afterMs: number): string;
  /** Deletes the trigger of unique id `id`; false when it is gone already. */
  delete(id: string): boolean;
}

export interface UiPort {
  alert(title: string, message: string): void;
  confirm(title: string, message: string): boolean;
  /** A short non-blocking note in the corner of the sheet (Spreadsheet.toast); optional. */
  toast?(title: string, message: string): void;
}

/** Unique ids (Apps Script: Utilities.getUuid), e.g. the opaque `version` token of a row we change. */
export interface IdsPort {
  /** A new id, unique across executions: UUID text such as "3b241101-e2bb-4255-8caf-4136c566a962". */
  uuid(): string;
}

/**
 * The document cache (CacheService.getDocumentCache): per spreadsheet, shared by its users, entries expire.
 * Values are text of at most 100 KB each, counted in UTF-8 bytes (102,400; src/domain/bytes.ts): a larger one
 * makes putAll throw. Only ever a copy: callers treat a failed call as a miss or a warning, never as a
 * failed request (issue 14 §1). Priced by the cost model (get 3 ms, put 93 ms a call).
 */
export interface CachePort {
  /** The present, unexpired values among `keys`, in one call. */
  getAll(keys: readonly string[]): Record<string, string>;
  /** Stores every entry for `seconds` (1–21,600), in one call. */
  putAll(entries: Record<string, string>, seconds: number): void;
  /** Drops the entries, in one call. */
  removeAll(keys: readonly string[]): void;
}

/**
 * Columns of a sheet the add-on owns (Resumen), written from row 1 down. `rows` holds the header first;
 * `formats` (one per column, null for none) go on the rows below it. What stood below `rows` in these
 * columns (a longer earlier table) is cleared.
 */
export interface OwnedBlock {
  /** 1-based first column; the block is `width` columns wide. */
  col: number;
  width: number;
  rows: readonly Cell[][];
  formats: ReadonlyArray<string | null>;
}

/** The one column chart of an owned sheet: its title, its ranges (domain first) and where a new one goes. */
export interface ChartSpec {
  title: string;
  /** 1-based rectangles of the same sheet; the first row of each is its header (series name). */
  ranges: readonly Rect[];
  /** Anchor cell (1-based) of a chart created now; an existing chart stays where the user put it. */
  anchor: { row: number; col: number };
}

/** What a render did to the sheet. */
export interface OwnedSheetRender {
  created: boolean;
  /** Rows below the new blocks that held an earlier, longer table and were cleared. */
  clearedRows: number;
  chart: 'created' | 'updated';
  /** Extra charts found on the sheet and removed (it keeps exactly one). */
  removedCharts: number;
}

/** A sheet's grid size: what the 10,000,000-cell limit of a spreadsheet counts. */
export interface SheetSize {
  name: string;
  rows: number;
  columns: number;
}

/** A sheet the add-on owns and rewrites whole (the Resumen sheet, issue 16 §6–8), with its one chart. */
export interface SummarySheetPort {
  /**
   * Writes `blocks` on sheet `name` (inserted when missing), clears what an earlier, longer render left
   * below them, and keeps exactly one embedded chart: created the first time at `chart.anchor`, later
   * updated (ranges and title only: its position and size stay the user's), extra ones removed.
   */
  render(name: string, blocks: readonly OwnedBlock[], chart: ChartSpec): OwnedSheetRender;
  /** Every sheet's grid size (rows × columns are the cells the workbook uses), in sheet order. */
  sheetSizes(): SheetSize[];
  /**
   * What cell A1 of sheet `name` shows, trimmed: null when there is no such sheet or it holds nothing. One
   * read; lets the refresh refuse a sheet of that name made by hand for something else before any write.
   */
  firstCell(name: string): string | null;
  /**
   * The first `rows` cells of column `col` of sheet `name` as text (trimmed): null when there is no such sheet,
   * [] when its grid has fewer columns. One read of those cells (plus the grid's width): what the last
   * refresh wrote there, without rewriting anything.
   */
  columnHead(name: string, col: number, rows: number): string[] | null;
}

export interface Ports {
  spreadsheet: SpreadsheetPort;
  /** The Resumen sheet and its chart; absent where no chart service exists. */
  summarySheet?: SummarySheetPort;
  /** Absent where no document cache exists (then every request reads what it needs). */
  cache?: CachePort;
  lock: LockPort;
  properties: PropertiesPort;
  clock: ClockPort;
  ids: IdsPort;
}
