// Turns scattered cell writes into few setValues blocks: exact rectangles when there are few, else one
// bounding block whose untouched cells are re-read and written back unchanged. Pure, so it is unit-tested.

import type { Cell } from '../domain/cell';
import type { CellWrite } from '../ports';

export interface WriteBlock {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** undefined marks a cell the block covers but nobody asked to write. */
  values: Array<Array<Cell | undefined>>;
  /** Every cell is written: no need to read the block first. */
  complete: boolean;
}

/** Above this many exact rectangles, one bounding block (4 calls) is cheaper than 2 calls per rectangle. */
export const MAX_EXACT_BLOCKS = 2;

interface Rectangle {
  row: number;
  col: number;
  endRow: number;
  endCol: number;
}

function latestWrites(cells: readonly CellWrite[]): Map<number, Map<number, Cell>> {
  const byRow = new Map<number, Map<number, Cell>>();
  for (const { row, col, value } of cells) {
    let line = byRow.get(row);
    if (!line) {
      line = new Map();
      byRow.set(row, line);
    }
    line.set(col, value);
  }
  return byRow;
}

function exactRectangles(byRow: Map<number, Map<number, Cell>>): Rectangle[] {
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

function blockOf(rect: Rectangle, byRow: Map<number, Map<number, Cell>>): WriteBlock {
  const numRows = rect.endRow - rect.row + 1;
  const numCols = rect.endCol - rect.col + 1;
  let complete = true;
  const values = Array.from({ length: numRows }, (_, r) =>
    Array.from({ length: numCols }, (_, c) => {
      const line = byRow.get(rect.row + r);
      const col = rect.col + c;
      if (!line || !line.has(col)) {
        complete = false;
        return undefined;
      }
      return line.get(col);
    }),
  );
  return { row: rect.row, col: rect.col, numRows, numCols, values, complete };
}

export function planWriteBlocks(
  cells: readonly CellWrite[],
  maxExactBlocks = MAX_EXACT_BLOCKS,
): WriteBlock[] {
  if (cells.length === 0) return [];
  const byRow = latestWrites(cells);
  const rectangles = exactRectangles(byRow);
  if (rectangles.length <= maxExactBlocks) return rectangles.map((rect) => blockOf(rect, byRow));
  const bounds = rectangles.reduce((acc, r) => ({
    row: Math.min(acc.row, r.row),
    col: Math.min(acc.col, r.col),
    endRow: Math.max(acc.endRow, r.endRow),
    endCol: Math.max(acc.endCol, r.endCol),
  }));
  return [blockOf(bounds, byRow)];
}
