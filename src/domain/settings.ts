// Shop settings with their defaults; stored per spreadsheet in document properties.

export interface Settings {
  /** Union types that only get ARM (no welding). */
  armOnlyTypes: string[];
  /** SOLD requires the union's ARM first (legacy spools armed at spool level excepted). */
  requireArmBeforeSold: boolean;
  /** Rows per call when appending to the audit log. */
  appendChunkSize: number;
  /**
   * Read and write through the Sheets advanced service when the build enabled it (SUT_SHEETS_API=1, which
   * asks for the full spreadsheets scope; see docs/deploy.md). Set false to fall back to SpreadsheetApp anyway.
   */
  useSheetsApi: boolean;
  /**
   * Largest plausible DN_UNION in inches: above it the cell is unreadable (a typed 3/4 that Sheets turned
   * into a date reads as its serial, 46115). Issue 7 §3.
   */
  maxDnInches: number;
  /**
   * Jobs (the metrics recompute) work in checkpointed batches, resumable across executions (issue 10);
   * off: one pass, one commit. Both leave the same sheet for the same input.
   */
  batchProcessing: boolean;
  /** Items (spools) per batch of a job. */
  batchSize: number;
  /** Milliseconds a job runner works before it stops cleanly (Apps Script ends an execution at 6 minutes). */
  jobBudgetMs: number;
  /**
   * Requests read only the rows of the OT or spool at hand, found by TextFinder, and keep the time zone,
   * headers, Trabajadores and Roles in the document cache (issue 9). False: every request reads the tracking
   * sheets whole, as before (kept to compare in `npm run bench`, and as a way out).
   */
  targetedReads: boolean;
  /** Days the Resumen sheet covers, ending today (issue 16 §6). */
  summaryDays: number;
  /** Hours a spool may stay occupied before the Panel marks it stale (apiOccupiedSpools; issue 16 §1). */
  staleAfterHours: number;
  /**
   * Roles (Roles.Rol) allowed to release a spool someone left taken (apiReleaseSpool; issue 16 §2); empty:
   * any active worker may.
   */
  releaseRoles: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  armOnlyTypes: ['FW', 'MIT'],
  requireArmBeforeSold: true,
  appendChunkSize: 900,
  useSheetsApi: true,
  maxDnInches: 120,
  batchProcessing: false,
  batchSize: 50,
  jobBudgetMs: 270_000,
  targetedReads: true,
  summaryDays: 30,
  staleAfterHours: 12,
  releaseRoles: [],
};

export function needsSold(tipo: string, settings: Pick<Settings, 'armOnlyTypes'>): boolean {
  const t = tipo.trim().toUpperCase();
  return !settings.armOnlyTypes.some((armOnly) => armOnly.trim().toUpperCase() === t);
}
