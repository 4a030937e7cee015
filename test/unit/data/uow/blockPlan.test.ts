import { describe, expect, it } from 'vitest';
import { MERGE_GAP_CELLS, planBlocks } from '../../../../src/data/uow/blockPlan';

describe('planBlocks', () => {
  it('reads consecutive rows as one block and nothing for no rows', () => {
    expect(planBlocks([], 10)).toEqual([]);
    expect(planBlocks([5, 6, 7], 10)).toEqual([{ row: 5, col: 1, numRows: 3, numCols: 10 }]);
  });

  it('merges blocks whose gap costs fewer cells than a second read, and splits the others', () => {
    const width = 10;
    const gapRows = MERGE_GAP_CELLS / width; // a gap of exactly this many rows is read apart
    expect(planBlocks([2, 2 + gapRows], width)).toEqual([
      { row: 2, col: 1, numRows: gapRows + 1, numCols: 10 },
    ]);
    expect(planBlocks([2, 3 + gapRows], width)).toEqual([
      { row: 2, col: 1, numRows: 1, numCols: 10 },
      { row: 3 + gapRows, col: 1, numRows: 1, numCols: 10 },
    ]);
  });
});
