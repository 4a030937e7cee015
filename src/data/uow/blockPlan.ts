// Which rectangles a targeted read asks for: the rows wanted, grouped into blocks cheap to read together.

import type { Rect } from '../../ports';

/**
 * Two row blocks closer than this many cells apart are read as one: a read costs 120 ms plus 0.03 ms a
 * cell (cost model), so reading up to 4,000 cells in between costs less than a second read.
 */
export const MERGE_GAP_CELLS = 4_000;

/**
 * The rectangles that read `rows` (sorted, 1-based) across `width` columns: consecutive rows form one block,
 * and blocks closer than MERGE_GAP_CELLS are merged (cheaper than another read).
 */
export function planBlocks(rows: readonly number[], width: number): Rect[] {
  const blocks: Rect[] = [];
  for (const row of rows) {
    const last = blocks[blocks.length - 1];
    const end = last ? last.row + last.numRows - 1 : -Infinity;
    if (last && (row - end - 1) * width < MERGE_GAP_CELLS) last.numRows = row - last.row + 1;
    else blocks.push({ row, col: 1, numRows: 1, numCols: width });
  }
  return blocks;
}
