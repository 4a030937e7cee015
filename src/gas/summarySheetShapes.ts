// The parts of SpreadsheetApp's sheets and embedded charts the Resumen sheet uses, so the real service and
// the in-memory fake (src/memory/fakeEmbeddedChart.ts) both fit.

import type { ProtectionLike } from './appsScriptShapes';

export interface ChartRangeLike {
  getA1Notation(): string;
}

export interface ChartBuilderLike {
  setChartType(type: unknown): ChartBuilderLike;
  addRange(range: never): ChartBuilderLike;
  clearRanges(): ChartBuilderLike;
  setOption(option: string, value: unknown): ChartBuilderLike;
  setNumHeaders(headers: number): ChartBuilderLike;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ChartBuilderLike;
  build(): EmbeddedChartLike;
}

export interface EmbeddedChartLike {
  getRanges(): ChartRangeLike[];
  modify(): ChartBuilderLike;
}

export interface OwnedRangeLike extends ChartRangeLike {
  getValues(): unknown[][];
  setValues(values: unknown[][]): unknown;
  setNumberFormats(formats: string[][]): unknown;
  clearContent(): unknown;
}

export interface OwnedSheetLike {
  getName(): string;
  getLastRow(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  getRange(row: number, col: number, numRows: number, numCols: number): OwnedRangeLike;
  getCharts(): EmbeddedChartLike[];
  /** Sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET | RANGE). */
  getProtections(type: unknown): ProtectionLike[];
  newChart(): ChartBuilderLike;
  insertChart(chart: EmbeddedChartLike): void;
  updateChart(chart: EmbeddedChartLike): void;
  removeChart(chart: EmbeddedChartLike): void;
}

export interface OwnedSpreadsheetLike {
  getSheetByName(name: string): OwnedSheetLike | null;
  insertSheet(name: string): OwnedSheetLike;
  getSheets(): OwnedSheetLike[];
}
