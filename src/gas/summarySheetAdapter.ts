// SummarySheetPort over SpreadsheetApp: the Resumen sheet's blocks written as exact rectangles, what a longer
// earlier render left cleared, and its one embedded chart created once and then only updated.

import type { OwnedBlock, ChartSpec, OwnedSheetRender, SheetSize, SummarySheetPort } from '../ports';
import type { ChartBuilderLike, OwnedSheetLike, OwnedSpreadsheetLike } from './summarySheetShapes';

/** The grid insertSheet makes (Apps Script's default). */
const NEW_SHEET = { rows: 1000, columns: 26 };

export class AppsScriptSummarySheet implements SummarySheetPort {
  /**
   * `columnChart` is Charts.ChartType.COLUMN (only src/gas/environment.ts reads that global; the fake
   * takes the text "COLUMN"); `flush` is SpreadsheetApp.flush, called once a render has queued its writes,
   * so a write that fails does so inside the refresh that made it.
   */
  constructor(
    private readonly spreadsheet: OwnedSpreadsheetLike,
    private readonly options: { columnChart?: unknown; flush?: () => void } = {},
  ) {}

  render(name: string, blocks: readonly OwnedBlock[], chart: ChartSpec): OwnedSheetRender {
    const found = this.spreadsheet.getSheetByName(name);
    const sheet = found ?? this.spreadsheet.insertSheet(name);
    const created = found === null;
    // Every call that reaches the server comes before the first buffered write: none of them pays a flush.
    const lastRow = created ? 0 : sheet.getLastRow();
    const grid = created ? NEW_SHEET : { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
    const existingCharts = sheet.getCharts();
    const neededRows = Math.max(...blocks.map((b) => b.rows.length));
    const neededCols = Math.max(...blocks.map((b) => b.col + b.width - 1));
    if (neededRows > grid.rows) sheet.insertRowsAfter(grid.rows, neededRows - grid.rows);
    if (neededCols > grid.columns) sheet.insertColumnsAfter(grid.columns, neededCols - grid.columns);
    // After the grid has grown: the chart's ranges must lie inside it (a small Resumen made by hand).
    const chartResult = this.keepOneChart(sheet, chart, existingCharts);
    let clearedRows = 0;
    for (const block of blocks) {
      const rows = block.rows.map((r) => Array.from({ length: block.width }, (_, c) => r[c] ?? ''));
      sheet.getRange(1, block.col, rows.length, block.width).setValues(rows);
      if (rows.length > 1 && block.formats.some((f) => f !== null)) {
        const line = block.formats.map((f) => f ?? '');
        const matrix = Array.from({ length: rows.length - 1 }, () => line.slice());
        sheet.getRange(2, block.col, rows.length - 1, block.width).setNumberFormats(matrix);
      }
      if (lastRow > rows.length) {
        sheet.getRange(rows.length + 1, block.col, lastRow - rows.length, block.width).clearContent();
        clearedRows = Math.max(clearedRows, lastRow - rows.length);
      }
    }
    this.options.flush?.();
    return { created, clearedRows, ...chartResult };
  }

  firstCell(name: string): string | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet || sheet.getLastRow() === 0) return null;
    const a1 = sheet.getRange(1, 1, 1, 1).getValues()[0]?.[0];
    const text = a1 === null || a1 === undefined ? '' : String(a1).trim();
    return text === '' ? null : text;
  }

  columnHead(name: string, col: number, rows: number): string[] | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    if (sheet.getMaxColumns() < col) return [];
    const count = Math.min(rows, sheet.getMaxRows());
    return sheet
      .getRange(1, col, count, 1)
      .getValues()
      .map((row) => {
        const value = row[0];
        return value === null || value === undefined ? '' : String(value).trim();
      });
  }

  sheetSizes(): SheetSize[] {
    return this.spreadsheet.getSheets().map((sheet) => ({
      name: sheet.getName(),
      rows: sheet.getMaxRows(),
      columns: sheet.getMaxColumns(),
    }));
  }

  /**
   * The first chart of the sheet gets the new ranges and title (modify keeps its position, size and other
   * options: a chart the user moved stays put); charts beyond it are removed; none: one is created.
   */
  private keepOneChart(
    sheet: OwnedSheetLike,
    spec: ChartSpec,
    charts: ReturnType<OwnedSheetLike['getCharts']>,
  ): Pick<OwnedSheetRender, 'chart' | 'removedCharts'> {
    const [first, ...extra] = charts;
    const withData = (builder: ChartBuilderLike) => {
      let b = builder.clearRanges();
      for (const r of spec.ranges)
        b = b.addRange(sheet.getRange(r.row, r.col, r.numRows, r.numCols) as never);
      return b.setOption('title', spec.title);
    };
    if (!first) {
      const builder = withData(sheet.newChart().setChartType(this.options.columnChart ?? 'COLUMN'))
        .setNumHeaders(1)
        .setPosition(spec.anchor.row, spec.anchor.col, 0, 0);
      sheet.insertChart(builder.build());
      return { chart: 'created', removedCharts: 0 };
    }
    sheet.updateChart(withData(first.modify()).build());
    for (const chart of extra) sheet.removeChart(chart);
    return { chart: 'updated', removedCharts: extra.length };
  }
}
