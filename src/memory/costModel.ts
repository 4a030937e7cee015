// The cost model of an Apps Script request as data, and the function that prices a run of counted service
// calls with it: the one place a better measurement changes a figure.
//
// Sources (figures, not guarantees): getValues of 120,000 × 2 cells 7.38 s, the Sheets API 6.03 s (Qiita,
// shi-suzuki); getLastRow per row 160 ms a call (bugbugnow.net, 2019); setValues of 4,000 cells < 50 ms
// while buffered, one flush 610 ms (Stack Overflow, "ScriptDb or SpreadsheetApp"); appendRow ≈ 275 ms;
// properties get 30 ms / set 62 ms, cache get 3 ms / put 93 ms (ziritione.org); API reads ~35 % and writes
// ~19 % cheaper than SpreadsheetApp on large ranges (tanaikech). Lock: no published figure, 60 ms estimated.

/** What a service call is, for pricing. `free` calls (local getters such as getRow) cost nothing. */
export type CallKind =
  | 'read'
  | 'metadata'
  | 'lookup'
  | 'write'
  | 'appendRow'
  | 'lock'
  | 'propertiesGet'
  | 'propertiesSet'
  | 'cacheGet'
  | 'cachePut'
  | 'triggers'
  | 'apiGet'
  | 'apiUpdate'
  | 'free';

/** One counted call: its kind and the cells it carried (read or written; 0 when it carries none). */
export interface PricedCall {
  kind: CallKind;
  cells: number;
  /** The method called; `flush` (SpreadsheetApp.flush) pays the pending flush at that point. */
  method?: string;
}

/** Milliseconds per call kind (`base` per call, `perCell` per cell it carries). Sources: the cost model. */
export const COST_MODEL: Readonly<Record<CallKind, { base: number; perCell: number }>> = {
  read: { base: 120, perCell: 0.03 },
  metadata: { base: 100, perCell: 0 },
  lookup: { base: 2, perCell: 0 },
  write: { base: 0.5, perCell: 0.01 },
  appendRow: { base: 275, perCell: 0 },
  lock: { base: 60, perCell: 0 },
  propertiesGet: { base: 30, perCell: 0 },
  propertiesSet: { base: 62, perCell: 0 },
  cacheGet: { base: 3, perCell: 0 },
  cachePut: { base: 93, perCell: 0 },
  triggers: { base: 100, perCell: 0 },
  apiGet: { base: 200, perCell: 0.025 },
  apiUpdate: { base: 300, perCell: 0.01 },
  free: { base: 0, perCell: 0 },
};

/** SpreadsheetApp writes are buffered: a flush costs this, once at the end and before a read after a write. */
export const FLUSH_MS = 500;

/** SpreadsheetApp (and service) methods by kind; anything not listed is `free`. */
const METHOD_KINDS: Readonly<Record<string, CallKind>> = {
  getValues: 'read',
  getValue: 'read',
  getDisplayValues: 'read',
  getFormulas: 'read',
  getNumberFormats: 'read',
  getLastRow: 'metadata',
  getLastColumn: 'metadata',
  getMaxRows: 'metadata',
  getMaxColumns: 'metadata',
  getSpreadsheetTimeZone: 'metadata',
  findAll: 'metadata',
  findNext: 'metadata',
  getProtections: 'metadata',
  getActiveSpreadsheet: 'lookup',
  getSheets: 'lookup',
  getId: 'lookup',
  getSheetByName: 'lookup',
  getRange: 'lookup',
  getDataRange: 'lookup',
  createTextFinder: 'lookup',
  setValues: 'write',
  setValue: 'write',
  setNumberFormats: 'write',
  setNumberFormat: 'write',
  clearContent: 'write',
  insertRowsAfter: 'write',
  insertColumnsAfter: 'write',
  deleteRows: 'write',
  insertSheet: 'write',
  deleteSheet: 'write',
  setFrozenRows: 'write',
  appendRow: 'appendRow',
  // Developer metadata (column tags): a find searches the whole spreadsheet in one round trip; adding or
  // removing one is a buffered write like setValues.
  createDeveloperMetadataFinder: 'lookup',
  'developerMetadata.find': 'metadata',
  addDeveloperMetadata: 'write',
  'developerMetadata.remove': 'write',
  deleteColumns: 'write',
  moveColumns: 'write',
  // Embedded charts: no published figure; each reaches the server (priced as a metadata round trip).
  getCharts: 'metadata',
  insertChart: 'metadata',
  updateChart: 'metadata',
  removeChart: 'metadata',
  newChart: 'lookup',
  tryLock: 'lock',
  waitLock: 'lock',
  getProperty: 'propertiesGet',
  getProperties: 'propertiesGet',
  setProperty: 'propertiesSet',
  setProperties: 'propertiesSet',
  deleteProperty: 'propertiesSet',
  'cache.get': 'cacheGet',
  'cache.put': 'cachePut',
  getProjectTriggers: 'triggers',
  getUserTriggers: 'triggers',
  deleteTrigger: 'triggers',
  'trigger.create': 'triggers',
  'sheetsApi.get': 'apiGet',
  'sheetsApi.batchUpdate': 'apiUpdate',
};

/** The kind of a service method by its name (`sheetsApi.get` for the advanced service's get). */
export function kindOf(method: string): CallKind {
  return METHOD_KINDS[method] ?? 'free';
}

/** A run of calls priced with the cost model. Times in modeled milliseconds. */
export interface Price {
  /** Read round trips (SpreadsheetApp reads and Sheets API gets). */
  reads: number;
  cellsRead: number;
  /** Write calls (buffered SpreadsheetApp writes and Sheets API updates). */
  writes: number;
  cellsWritten: number;
  metadata: number;
  lookups: number;
  flushes: number;
  /** Calls that reach Google's servers: reads, metadata, appendRow, flushes, lock, properties, cache puts, API calls. */
  roundTrips: number;
  ms: number;
  /** Modeled milliseconds by kind (flushes under `flush`). */
  msByKind: Partial<Record<CallKind | 'flush', number>>;
}

const ROUND_TRIP_KINDS: ReadonlySet<CallKind> = new Set([
  'read',
  'metadata',
  'appendRow',
  'lock',
  'propertiesGet',
  'propertiesSet',
  'cacheGet',
  'cachePut',
  'triggers',
  'apiGet',
  'apiUpdate',
]);

/**
 * Prices calls in the order they were made. Models the flush rule: buffered SpreadsheetApp writes are
 * flushed before the next read or metadata call, and once at the end if any are still pending.
 */
export function price(calls: readonly PricedCall[]): Price {
  const result: Price = {
    reads: 0,
    cellsRead: 0,
    writes: 0,
    cellsWritten: 0,
    metadata: 0,
    lookups: 0,
    flushes: 0,
    roundTrips: 0,
    ms: 0,
    msByKind: {},
  };
  const add = (kind: CallKind | 'flush', ms: number) => {
    result.ms += ms;
    result.msByKind[kind] = (result.msByKind[kind] ?? 0) + ms;
  };
  let pending = false;
  const flush = () => {
    if (!pending) return;
    pending = false;
    result.flushes += 1;
    result.roundTrips += 1;
    add('flush', FLUSH_MS);
  };
  for (const { method, kind, cells } of calls) {
    // SpreadsheetApp.flush() called by the code: pays the pending flush now (free when nothing is pending).
    if (method === 'flush') {
      flush();
      continue;
    }
    if (kind === 'read' || kind === 'metadata') flush();
    const figures = COST_MODEL[kind];
    add(kind, figures.base + figures.perCell * cells);
    if (ROUND_TRIP_KINDS.has(kind)) result.roundTrips += 1;
    if (kind === 'read' || kind === 'apiGet') {
      result.reads += 1;
      result.cellsRead += cells;
    } else if (kind === 'write' || kind === 'apiUpdate') {
      result.writes += 1;
      result.cellsWritten += cells;
      if (kind === 'write') pending = true;
    } else if (kind === 'metadata') result.metadata += 1;
    else if (kind === 'lookup') result.lookups += 1;
  }
  flush();
  return result;
}
