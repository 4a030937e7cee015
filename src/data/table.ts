// A sheet read once: header-mapped rows with their sheet row numbers, blank rows kept but recognisable.

import { isEmptyCell, type Cell } from '../domain/cell';
import { ColumnMap, type TableSpec } from './columnMap';

export interface TableRow {
  /** 1-based row number in the sheet. */
  rowNumber: number;
  values: readonly Cell[];
}

export class Table {
  readonly columns: ColumnMap;
  readonly rows: readonly TableRow[];

  constructor(
    readonly spec: TableSpec,
    grid: readonly Cell[][],
  ) {
    this.columns = ColumnMap.fromHeader(grid[0] ?? [], spec);
    this.rows = grid.slice(1).map((values, i) => ({ rowNumber: i + 2, values }));
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
