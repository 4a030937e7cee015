// SummarySheetPort over SpreadsheetApp: the Resumen sheet's blocks written as exact rectangles, what a longer
// earlier render left cleared, and its one embedded chart created once and then only updated.

import { hits } from '../data/uow/refusals';
import { rectangleA1 } from '../domain/cell';
import { AppError, PROTECTED_REASON, protectedSentence } from '../domain/errors';
import type { OwnedBlock, ChartSpec, OwnedSheetRender, Rect, SheetSize, SummarySheetPort } from '../ports';
import { protectedAreasOf, type ProtectionTypes } from './protections';
import type { ChartBuilderLike, OwnedSheetLike, OwnedSpreadsheetLike } from './summarySheetShapes';

/** Apps Script's refusal of a write to protected cells (as spreadsheetAdapter.ts tells it). */
const PROTECTED = /protected cell or object|\bprotected\b/i;

const a1Of = (r: Rect) =>
  rectangleA1({ top: r.row, left: r.col, bottom: r.row + r.numRows - 1, right: r.col + r.numCols - 1 });

/**
 * FORBIDDEN for a Resumen a protection refuses: names the sheet and `ranges` (A1), and in `details.written`
 * what had been changed before the refusal (ranges, or "gráfico"); `details.refusal` keeps Apps Script's text.
 */
function summaryRefused(
  sheet: string,
  ranges: readonly string[],
  written: readonly string[],
  refusal?: string,
) {
  const places = ranges.length === 0 ? [{ sheet, range: null }] : ranges.map((range) => ({ sheet, range }));
  return new AppError('FORBIDDEN', protectedSentence(places), {
    reason: PROTECTED_REASON,
    sheet,
    places,
    written: [...written],
    ...(refusal === undefined ? {} : { refusal }),
  });
}

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
    private readonly options: {
      columnChart?: unknown;
      flush?: () => void;
      /** SpreadsheetApp.ProtectionType (the fake takes its text). */
      protectionTypes?: ProtectionTypes;
    } = {},
  ) {}

  /**
   * See SummarySheetPort.render. Before the first change, an existing sheet's protections are asked (two
   * getProtections calls): when one refuses a cell this render writes (or the sheet, which holds the chart),
   * throws FORBIDDEN naming those ranges and changes nothing. A refusal that still comes (protections that
   * could not be read) is FORBIDDEN too, with `details.written` naming exactly what had been changed.
   */
  render(name: string, blocks: readonly OwnedBlock[], chart: ChartSpec): OwnedSheetRender {
    const found = this.spreadsheet.getSheetByName(name);
    const sheet = found ?? this.spreadsheet.insertSheet(name);
    const created = found === null;
    // Every call that reaches the server comes before the first buffered write: none of them pays a flush.
    const lastRow = created ? 0 : sheet.getLastRow();
    const grid = created ? NEW_SHEET : { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
    const existingCharts = sheet.getCharts();
    const writes = blocks.map((block) => {
      const rows = block.rows.map((r) => Array.from({ length: block.width }, (_, c) => r[c] ?? ''));
      const values: Rect = { row: 1, col: block.col, numRows: rows.length, numCols: block.width };
      const formats: Rect | null =
        rows.length > 1 && block.formats.some((f) => f !== null)
          ? { row: 2, col: block.col, numRows: rows.length - 1, numCols: block.width }
          : null;
      const clear: Rect | null =
        lastRow > rows.length
          ? { row: rows.length + 1, col: block.col, numRows: lastRow - rows.length, numCols: block.width }
          : null;
      return { block, rows, values, formats, clear };
    });
    if (!created)
      this.refuseProtected(
        name,
        sheet,
        writes.map((w) => [w.values, w.formats, w.clear]),
      );
    const written: string[] = [];
    /** Runs one change; a protection's refusal of it becomes FORBIDDEN naming what was changed before. */
    const change = (what: string, run: () => unknown, rect: Rect | null = null) => {
      try {
        run();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof AppError || !PROTECTED.test(message)) throw error;
        throw summaryRefused(name, rect ? [a1Of(rect)] : [], written, message);
      }
      written.push(what);
    };
    const neededRows = Math.max(...blocks.map((b) => b.rows.length));
    const neededCols = Math.max(...blocks.map((b) => b.col + b.width - 1));
    if (neededRows > grid.rows) sheet.insertRowsAfter(grid.rows, neededRows - grid.rows);
    if (neededCols > grid.columns) sheet.insertColumnsAfter(grid.columns, neededCols - grid.columns);
    // After the grid has grown: the chart's ranges must lie inside it (a small Resumen made by hand).
    let chartResult: Pick<OwnedSheetRender, 'chart' | 'removedCharts'> = {
      chart: 'updated',
      removedCharts: 0,
    };
    change('el gráfico', () => (chartResult = this.keepOneChart(sheet, chart, existingCharts)));
    let clearedRows = 0;
    for (const { block, rows, values, formats, clear } of writes) {
      change(
        a1Of(values),
        () => sheet.getRange(1, block.col, rows.length, block.width).setValues(rows),
        values,
      );
      if (formats) {
        const line = block.formats.map((f) => f ?? '');
        const matrix = Array.from({ length: formats.numRows }, () => line.slice());
        change(
          a1Of(formats),
          () => sheet.getRange(2, block.col, formats.numRows, block.width).setNumberFormats(matrix),
          formats,
        );
      }
      if (clear) {
        change(
          a1Of(clear),
          () => sheet.getRange(clear.row, block.col, clear.numRows, block.width).clearContent(),
          clear,
        );
        clearedRows = Math.max(clearedRows, clear.numRows);
      }
    }
    // Buffered writes refused surface here, and which one cannot be told: every range written is named.
    change('flush', () => this.options.flush?.());
    written.pop();
    return { created, clearedRows, ...chartResult };
  }

  /**
   * Throws FORBIDDEN (nothing changed yet) when a protection refuses the user some cell a block writes
   * (`blocks`: each block's rectangles: values, formats, rows cleared), naming per block the rows its refused
   * rectangles span (e.g. M1:M31). A failure to read the protections leaves it to the writes (whose refusal
   * is told as well).
   */
  private refuseProtected(
    name: string,
    sheet: OwnedSheetLike,
    blocks: ReadonlyArray<ReadonlyArray<Rect | null>>,
  ): void {
    let areas;
    try {
      areas = protectedAreasOf(sheet, this.options.protectionTypes);
    } catch {
      return;
    }
    if (areas.length === 0) return;
    const refused = blocks.flatMap((rects): Rect[] => {
      const hit = rects.filter((r): r is Rect => r !== null && areas.some((area) => hits(area, r)));
      if (hit.length === 0) return [];
      const top = Math.min(...hit.map((r) => r.row));
      const bottom = Math.max(...hit.map((r) => r.row + r.numRows - 1));
      return [{ row: top, col: hit[0]!.col, numRows: bottom - top + 1, numCols: hit[0]!.numCols }];
    });
    // A sheet protected whole (and so its chart) with every written cell excepted still refuses the chart.
    const sheetWide = areas.some((area) => area.rect === null);
    if (refused.length > 0 || sheetWide) throw summaryRefused(name, refused.map(a1Of), []);
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
