// Turns scattered cell writes into the exact rectangles they cover, values and number formats apart, and
// never a bounding block: under the cost model a buffered write is cheap and a read is not, so nothing is
// read back in order to coalesce. Pure, so it is unit-tested.

import type { Cell } from '../domain/cell';
import type { CellWrite } from '../ports';

/** One exact rectangle of cells to write: every cell of it was asked for. */
export interface WriteBlock<T = Cell> {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  values: T[][];
}

interface Rectangle {
  row: number;
  col: number;
  endRow: number;
  endCol: number;
}

type Grid<T> = Map<number, Map<number, T>>;

function exactRectangles<T>(byRow: Grid<T>): Rectangle[] {
  const closed: Rectangle[] = [];
  let open = new Map<string, Rectangle>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...byRow.get(row)!.keys()].sort((a, b) => a - b);
    const next = new Map<string, Rectangle>();
    let start = 0;
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1]! + 1) continue;
      const run = { col: cols[start]!, endCol: cols[i - 1]! };
      const runKey = `${run.col}-${run.endCol}`;
      const previous = open.get(runKey);
      if (previous && previous.endRow === row - 1) {
        previous.endRow = row;
        next.set(runKey, previous);
        open.delete(runKey);
      } else {
        next.set(runKey, { row, endRow: row, ...run });
      }
      start = i;
    }
    closed.push(...open.values());
    open = next;
  }
  closed.push(...open.values());
  return closed.sort((a, b) => a.row - b.row || a.col - b.col);
}

function plan<T>(cells: ReadonlyArray<{ row: number; col: number }>, valueOf: (i: number) => T | undefined) {
  // The last write to a cell wins.
  const byRow: Grid<T> = new Map();
  cells.forEach(({ row, col }, i) => {
    const value = valueOf(i);
    if (value === undefined) return;
    let line = byRow.get(row);
    if (!line) {
      line = new Map();
      byRow.set(row, line);
    }
    line.set(col, value);
  });
  return exactRectangles(byRow).map((rect): WriteBlock<T> => {
    const numRows = rect.endRow - rect.row + 1;
    const numCols = rect.endCol - rect.col + 1;
    const values = Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numCols }, (_, c) => byRow.get(rect.row + r)!.get(rect.col + c)!),
    );
    return { row: rect.row, col: rect.col, numRows, numCols, values };
  });
}

/** The values of `cells` as exact rectangles (adjacent cells of consecutive rows share one), top to bottom. */
export function planWriteBlocks(cells: readonly CellWrite[]): WriteBlock[] {
  return plan(cells, (i) => cells[i]!.value);
}

/** The number formats `cells` carry, as exact rectangles of the cells that carry one. */
export function planFormatBlocks(cells: readonly CellWrite[]): WriteBlock<string>[] {
  return plan(cells, (i) => cells[i]!.format);
}
