// Decodes the cells of one table row by column name, collecting what cannot be parsed (with sheet, row,
// column and reason) instead of dropping it.

import { a1, type Cell } from '../domain/cell';
import { formatDateTime, parseDateCell } from '../domain/dates';
import { parseIntegerCell, parseNumberCell } from '../domain/numbers';
import type { Parsed } from '../domain/parse';
import { cellToText } from '../domain/text';
import { parseFlagCell, parseWorkerIdCell } from '../domain/worker';
import type { Table, TableRow } from './table';

export interface CellIssue {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  reason: string;
}

export function describeIssue(issue: CellIssue): string {
  return `${issue.sheet}!${issue.cell} (${issue.column}): ${issue.reason}`;
}

export class RowReader {
  /** Column name → index (-1 when absent), resolved once per reader: every cell read asks by name. */
  private readonly columns = new Map<string, number>();

  constructor(
    private readonly table: Table,
    private readonly timeZone: string,
    private readonly issues: CellIssue[],
  ) {}

  /** The cell as read ('' when the column is absent). */
  raw(row: TableRow, column: string): Cell {
    let index = this.columns.get(column);
    if (index === undefined) {
      index = this.table.columns.has(column) ? this.table.columns.index(column) : -1;
      this.columns.set(column, index);
    }
    return index < 0 ? '' : (row.values[index] ?? '');
  }

  private decode<T>(row: TableRow, column: string, parse: (value: Cell) => Parsed<T>): T | null {
    const parsed = parse(this.raw(row, column));
    if (parsed.ok) return parsed.value;
    const col = this.table.columns.has(column) ? this.table.columns.index(column) + 1 : 0;
    this.issues.push({
      sheet: this.table.sheet,
      row: row.rowNumber,
      column,
      cell: col > 0 ? a1(row.rowNumber, col) : `fila ${row.rowNumber}`,
      reason: parsed.reason,
    });
    return null;
  }

  text(row: TableRow, column: string): string {
    return cellToText(this.raw(row, column), this.timeZone);
  }

  /**
   * A date cell as the sidebar should show it (`DD-MM-YYYY HH:MM:SS`) when it reads as a date, else its text;
   * nothing is reported (for rows already reported unreadable, whose other cells are only shown).
   */
  shownDate(row: TableRow, column: string): string {
    const parsed = parseDateCell(this.raw(row, column), this.timeZone);
    return parsed.ok && parsed.value !== null
      ? formatDateTime(parsed.value, this.timeZone)
      : this.text(row, column);
  }

  date(row: TableRow, column: string): number | null {
    return this.decode(row, column, (v) => parseDateCell(v, this.timeZone));
  }

  number(row: TableRow, column: string): number | null {
    return this.decode(row, column, (v) => parseNumberCell(v, this.timeZone));
  }

  integer(row: TableRow, column: string): number | null {
    return this.decode(row, column, (v) => parseIntegerCell(v, this.timeZone));
  }

  /** A yes/no cell (1/0, TRUE/FALSE, sí/no, x); null when empty or unreadable (then reported). */
  flag(row: TableRow, column: string): boolean | null {
    return this.decode(row, column, parseFlagCell);
  }

  /** A worker id (93, "93", 93.0, " 93 "); null when empty or unreadable (then reported). */
  workerId(row: TableRow, column: string): number | null {
    return this.decode(row, column, parseWorkerIdCell);
  }

  /** How many cell issues have been reported so far (to tell whether a row read cleanly). */
  get issueCount(): number {
    return this.issues.length;
  }

  /** Records a rule broken by a row (e.g. a required cell left empty). */
  report(row: TableRow, column: string, reason: string): void {
    this.decode(row, column, () => ({ ok: false, reason }));
  }
}
