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
  rowData?: Array<{
    values?: Array<{
      effectiveValue?: ExtendedValue;
      userEnteredFormat?: CellFormat;
      formattedValue?: string;
    }>;
  }>;
}

export interface SheetsSpreadsheet {
  properties?: { timeZone?: string };
  sheets?: Array<{ properties?: { sheetId?: number; title?: string }; data?: GridData[] }>;
}

/** The part of a cell's format the adapter reads and writes. */
export interface CellFormat {
  numberFormat?: { type?: string; pattern?: string };
}

export interface RowDataIn {
  values?: Array<{ userEnteredValue?: ExtendedValue; userEnteredFormat?: CellFormat }>;
}

export interface GridRangeIn {
  sheetId: number;
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

/** The batchUpdate requests the adapter sends. */
export interface BatchRequest {
  updateCells?: {
    start: { sheetId: number; rowIndex: number; columnIndex: number };
    rows: RowDataIn[];
    fields: string;
  };
  appendCells?: { sheetId: number; rows: RowDataIn[]; fields: string };
  appendDimension?: { sheetId: number; dimension: 'ROWS'; length: number };
  deleteDimension?: { range: { sheetId: number; dimension: 'ROWS'; startIndex: number; endIndex: number } };
  addSheet?: {
    properties: { sheetId?: number; title: string; gridProperties?: { frozenRowCount?: number } };
  };
  deleteSheet?: { sheetId: number };
  repeatCell?: {
    range: GridRangeIn;
    cell: { userEnteredFormat: { numberFormat: { type: string; pattern: string } } };
    fields: string;
  };
}

export interface SheetsApiLike {
  Spreadsheets: {
    get(
      spreadsheetId: string,
      optionalArgs?: { ranges?: string[]; includeGridData?: boolean; fields?: string },
    ): SheetsSpreadsheet;
    batchUpdate(resource: { requests: BatchRequest[] }, spreadsheetId: string): unknown;
  };
}
