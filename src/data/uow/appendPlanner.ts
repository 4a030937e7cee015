// Rows queued to append, laid out by each sheet's header at commit, with the anchor column they go under
// and, when found ahead (locateAppends), the row they start at.

import { isEmptyCell, type Cell } from '../../domain/cell';
import { schemaError } from '../../domain/errors';
import type { AppendPosition } from '../../ports';
import { normalizeHeader } from '../columnMap';
import { RUN_MIGRATION } from '../../domain/menuPath';

/** The appends of one commit: rows per sheet (as wide as the last column written), anchors 1-based. */
export interface AppendLayout {
  rows: Map<string, Cell[][]>;
  anchors: Map<string, number>;
}

/** Where the next appended rows go, found ahead: the 1-based row, the grid's rows, the anchor column. */
type LocatedAppend = AppendPosition & { anchor: number };

export class AppendPlanner {
  private readonly queued = new Map<string, Record<string, Cell>[]>();
  /** Where the next rows appended to a sheet go, found before the first buffered write (locateAppends). */
  private readonly located = new Map<string, LocatedAppend>();

  /** Queues a row to append, given by header name; columns are placed by the header read at commit. */
  append(sheet: string, record: Record<string, Cell>): void {
    const list = this.queued.get(sheet) ?? [];
    list.push(record);
    this.queued.set(sheet, list);
  }

  /** Drops the queued rows (after a commit, done or failed). */
  clearQueued(): void {
    this.queued.clear();
  }

  /** Remembers where rows appended under column `anchor` (1-based) of `sheet` will go. */
  locate(sheet: string, anchor: number, position: AppendPosition): void {
    this.located.set(sheet, { anchor, ...position });
  }

  /** The position found ahead for `sheet`, when it was found for the same anchor column. */
  positionFor(sheet: string, anchor: number | undefined): AppendPosition | undefined {
    const at = this.located.get(sheet);
    if (!at || at.anchor !== anchor) return undefined;
    return at.slack === undefined
      ? { row: at.row, maxRows: at.maxRows }
      : { row: at.row, maxRows: at.maxRows, slack: at.slack };
  }

  /**
   * `count` rows went in at `firstRow`: with a position found ahead (`usedPosition`), the next append of
   * this request goes right below (the grid grew when it had to); without one, none is known any more.
   */
  appended(sheet: string, firstRow: number, count: number, usedPosition: boolean): void {
    const at = this.located.get(sheet);
    if (usedPosition && at) {
      at.row = firstRow + count;
      at.maxRows = Math.max(at.maxRows, at.row - 1);
    } else this.located.delete(sheet);
  }

  /** Drops the position of `sheet` (it was reshaped), or of every sheet (rows appended were removed). */
  forgetPosition(sheet?: string): void {
    if (sheet === undefined) this.located.clear();
    else this.located.delete(sheet);
  }

  /**
   * Rows to append, laid out by the header and cut after the last column we write (a user's column to the
   * right, e.g. checkboxes, is left alone); and per sheet the anchor column: the leftmost column every row
   * fills, after whose last value the rows go (1-based). `headerOf` gives the header as it will be after
   * the commit. Throws SCHEMA for a missing sheet or a field with no column.
   */
  layOut(headerOf: (sheet: string) => Cell[] | null): AppendLayout {
    const laidOut = new Map<string, Cell[][]>();
    const anchors = new Map<string, number>();
    for (const [sheet, records] of this.queued) {
      const headerRow = headerOf(sheet);
      if (!headerRow || headerRow.length === 0) throw schemaError(`No existe la hoja "${sheet}".`, { sheet });
      const header = headerRow.map((cell) => (isEmptyCell(cell) ? '' : normalizeHeader(String(cell))));
      while (header.length > 0 && header[header.length - 1] === '') header.pop();
      // Field name → column, worked out once per sheet rather than once per field of every row.
      const positions = new Map<string, number>();
      const indexOf = (name: string) => {
        if (!positions.has(name)) positions.set(name, header.indexOf(normalizeHeader(name)));
        return positions.get(name)!;
      };
      const rows = records.map((record) => {
        const row: Cell[] = header.map(() => '');
        for (const [name, value] of Object.entries(record)) {
          const index = indexOf(name);
          if (index < 0) {
            throw schemaError(`A la hoja "${sheet}" le falta la columna ${name}. ${RUN_MIGRATION}`, {
              sheet,
              missing: [name],
            });
          }
          row[index] = value;
        }
        return row;
      });
      const used = [...positions.values()].filter((i) => i >= 0);
      const width = used.length > 0 ? Math.max(...used) + 1 : header.length;
      laidOut.set(
        sheet,
        rows.map((row) => row.slice(0, width)),
      );
      const filledByAll = used.filter((i) => rows.every((row) => !isEmptyCell(row[i]))).sort((a, b) => a - b);
      const anchor = filledByAll[0] ?? Math.min(...used);
      if (Number.isFinite(anchor)) anchors.set(sheet, anchor + 1);
    }
    return { rows: laidOut, anchors };
  }
}
