// The parts of SpreadsheetApp's objects the adapter uses, so the real service and the in-memory fake both fit.

import type { Cell } from '../domain/cell';

/** Where a range lies (1-based). */
export interface PlacedRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

/** SpreadsheetApp's Protection, as far as telling what it keeps from the user running the script. */
export interface ProtectionLike {
  getRange(): PlacedRange;
  canEdit(): boolean;
  isWarningOnly(): boolean;
  getUnprotectedRanges(): PlacedRange[];
}

export interface RangeLike {
  getValues(): Cell[][];
  getDisplayValues(): string[][];
  getFormulas(): string[][];
  getNumberFormats(): string[][];
  setValues(values: unknown[][]): unknown;
  setNumberFormats(formats: string[][]): unknown;
  /** Like Ctrl+Arrow: the edge of the block of data from this cell (direction: SpreadsheetApp.Direction). */
  getNextDataCell(direction: unknown): { getRow(): number };
  createTextFinder(text: string): TextFinderLike;
  /** Developer metadata on this range; on a whole column (getRange('C:C')) it is COLUMN-located. */
  addDeveloperMetadata(key: string, value: string): unknown;
}

/**
 * SpreadsheetApp's DeveloperMetadata as the column tags use it. Assumption (not verifiable offline): the
 * getters (getValue, getId, getLocation, and the location's getColumn, getSheet, getName) answer from the
 * object find() returned, without a round trip each; remove() is a write.
 */
export interface DeveloperMetadataLike {
  getId(): number;
  getValue(): string | null;
  getLocation(): {
    /** The whole column a COLUMN-located metadata is on; null for other locations. */
    getColumn(): { getColumn(): number; getSheet(): { getName(): string } } | null;
  };
  remove(): unknown;
}

export interface DeveloperMetadataFinderLike {
  withKey(key: string): DeveloperMetadataFinderLike;
  /** Every metadata of the spreadsheet that matches: one call. */
  find(): DeveloperMetadataLike[];
}

export interface TextFinderLike {
  matchCase(matchCase: boolean): TextFinderLike;
  matchEntireCell(matchEntireCell: boolean): TextFinderLike;
  useRegularExpression(useRegularExpression: boolean): TextFinderLike;
  findAll(): Array<{ getRow(): number; getColumn(): number }>;
}

/** A cell a spreadsheet-wide TextFinder found: where it lies (local getters of the found Range). */
export interface FoundCellLike {
  getRow(): number;
  getColumn(): number;
  getSheet(): { getName(): string };
}

/** Spreadsheet.createTextFinder's TextFinder: the same options, hits in every sheet. */
export interface SpreadsheetTextFinderLike {
  matchCase(matchCase: boolean): SpreadsheetTextFinderLike;
  matchEntireCell(matchEntireCell: boolean): SpreadsheetTextFinderLike;
  useRegularExpression(useRegularExpression: boolean): SpreadsheetTextFinderLike;
  findAll(): FoundCellLike[];
}

export interface SheetLike {
  getRange(row: number, col: number, numRows?: number, numCols?: number): RangeLike;
  getRange(a1Notation: string): RangeLike;
  getDataRange(): RangeLike;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  deleteRows(rowPosition: number, howMany: number): unknown;
  setFrozenRows(rows: number): unknown;
  /** Sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET | RANGE). */
  getProtections(type: unknown): ProtectionLike[];
}

export interface SpreadsheetLike {
  getSpreadsheetTimeZone(): string;
  getSheetByName(name: string): SheetLike | null;
  insertSheet(name: string): SheetLike;
  deleteSheet(sheet: SheetLike): void;
  /** A TextFinder over every sheet (building it is local; its findAll is one search). */
  createTextFinder(text: string): SpreadsheetTextFinderLike;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike;
}
