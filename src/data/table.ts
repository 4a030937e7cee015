// A sheet read once, whole or only some of its rows: header-mapped rows with their sheet row numbers, blank
// rows kept but recognisable.

import { isEmptyCell, type Cell } from '../domain/cell';
import { cellToText } from '../domain/text';
import { ColumnMap, type TableSpec } from './columnMap';

export interface TableRow {
  /** 1-based row number in the sheet. */
  rowNumber: number;
  values: readonly Cell[];
}

export class Table {
  readonly columns: ColumnMap;
  readonly rows: readonly TableRow[];
  /** 0-based column index → row number → the text the sheet shows (only key columns holding numbers). */
  private readonly display: ReadonlyMap<number, ReadonlyMap<number, string>>;
  private byNumber: Map<number, TableRow> | null = null;

  /**
   * A whole sheet: `grid` from row 1 (the header), `display` by 0-based column index, each list from row 1.
   */
  constructor(
    readonly spec: TableSpec,
    grid: readonly Cell[][],
    display: ReadonlyMap<number, readonly string[]> = new Map(),
  ) {
    this.columns = ColumnMap.fromHeader(grid[0] ?? [], spec);
    this.rows = grid.slice(1).map((values, i) => ({ rowNumber: i + 2, values }));
    this.display = new Map(
      [...display].map(([col, lines]) => [col, new Map(lines.map((text, i) => [i + 1, text]))]),
    );
  }

  /**
   * Some rows of a sheet (a targeted read, issue 9): the header, the rows read (any order, any gaps), and
   * the text shown in key columns holding numbers, by 0-based column index then row number.
   */
  static partial(
    spec: TableSpec,
    header: readonly Cell[],
    rows: readonly TableRow[],
    display: ReadonlyMap<number, ReadonlyMap<number, string>>,
  ): Table {
    const table = new Table(spec, [header as Cell[]]);
    const sorted = [...rows].sort((a, b) => a.rowNumber - b.rowNumber);
    Object.assign(table, { rows: sorted, display });
    return table;
  }

  /** The row read at `rowNumber`, if it was read. */
  row(rowNumber: number): TableRow | undefined {
    this.byNumber ??= new Map(this.rows.map((r) => [r.rowNumber, r]));
    return this.byNumber.get(rowNumber);
  }

  /**
   * Key columns (spec.keys, present in the header) holding a number or a Date in some data row: those whose
   * text depends on the cell's format, so they need the display text (0-based indexes).
   */
  static formattedKeyColumns(spec: TableSpec, grid: readonly Cell[][]): number[] {
    if (!spec.keys || spec.keys.length === 0 || grid.length < 2) return [];
    const columns = ColumnMap.fromHeader(grid[0] ?? [], spec);
    const indexes = [...new Set(spec.keys.filter((k) => columns.has(k)).map((k) => columns.index(k)))];
    return indexes.filter((i) =>
      grid.some((row, r) => r > 0 && typeof row[i] !== 'string' && !isEmptyCell(row[i])),
    );
  }

  /** A key cell as the sheet shows it (OT 8 formatted `000` is "008"), trimmed. */
  keyText(row: TableRow, index: number, timeZone: string): string {
    const shown = this.display.get(index)?.get(row.rowNumber);
    if (shown !== undefined) return shown.trim();
    return cellToText(row.values[index] ?? '', timeZone);
  }

  get sheet(): string {
    return this.spec.sheet;
  }

  /** A column's cell in a row; '' when the row is shorter than the header. */
  get(row: TableRow, column: string): Cell {
    return row.values[this.columns.index(column)] ?? '';
  }

  /** Like get, but '' when the column is absent (for optional columns). */
  getOptional(row: TableRow, column: string): Cell {
    return this.columns.has(column) ? this.get(row, column) : '';
  }

  /** Rows with at least one non-empty cell: blank rows in the middle and at the end are skipped. */
  dataRows(): TableRow[] {
    return this.rows.filter((row) => !row.values.every((cell) => isEmptyCell(cell)));
  }
}
