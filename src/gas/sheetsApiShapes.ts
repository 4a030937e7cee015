// The parts of the Sheets advanced service (Sheets API v4) the batched adapter uses.

export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  formulaValue?: string;
  errorValue?: { type?: string; message?: string };
}

export interface GridData {
  startRow?: number;
  startColumn?: number;
  rowData?: Array<{ values?: Array<{ effectiveValue?: ExtendedValue }> }>;
}

export interface SheetsSpreadsheet {
  properties?: { timeZone?: string };
  sheets?: Array<{ properties?: { sheetId?: number; title?: string }; data?: GridData[] }>;
}

export interface SheetsApiLike {
  Spreadsheets: {
    get(
      spreadsheetId: string,
      optionalArgs?: { ranges?: string[]; includeGridData?: boolean; fields?: string },
    ): SheetsSpreadsheet;
    batchUpdate(resource: { requests: object[] }, spreadsheetId: string): unknown;
  };
}
