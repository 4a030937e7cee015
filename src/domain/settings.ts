// Shop settings with their defaults; stored per spreadsheet in document properties.

export interface Settings {
  /** Union types that only get ARM (no welding). */
  armOnlyTypes: string[];
  /** SOLD requires the union's ARM first (legacy spools armed at spool level excepted). */
  requireArmBeforeSold: boolean;
  /** Rows per call when appending to the audit log. */
  appendChunkSize: number;
  /** How long a request waits for the document lock. */
  lockTimeoutMs: number;
  /** Read and write through the Sheets advanced service (needs the full spreadsheets scope; see README). */
  useSheetsApi: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  armOnlyTypes: ['FW', 'MIT'],
  requireArmBeforeSold: true,
  appendChunkSize: 900,
  lockTimeoutMs: 10_000,
  useSheetsApi: false,
};

export function needsSold(tipo: string, settings: Settings): boolean {
  const t = tipo.trim().toUpperCase();
  return !settings.armOnlyTypes.some((armOnly) => armOnly.trim().toUpperCase() === t);
}
