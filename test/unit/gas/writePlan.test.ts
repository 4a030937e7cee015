import { describe, expect, it } from 'vitest';
import { planFormatBlocks, planWriteBlocks } from '../../../src/gas/writePlan';

describe('writePlan', () => {
  it('writes adjacent cells of consecutive rows as one complete rectangle', () => {
    const blocks = planWriteBlocks([
      { row: 5, col: 2, value: 'a' },
      { row: 5, col: 3, value: 'b' },
      { row: 6, col: 2, value: 'c' },
      { row: 6, col: 3, value: 'd' },
    ]);
    expect(blocks).toEqual([
      {
        row: 5,
        col: 2,
        numRows: 2,
        numCols: 2,
        values: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
    ]);
  });

  it('keeps two separate rectangles exact', () => {
    const blocks = planWriteBlocks([
      { row: 2, col: 1, value: 1 },
      { row: 90, col: 1, value: 2 },
    ]);
    expect(blocks.map((b) => [b.row, b.numRows])).toEqual([
      [2, 1],
      [90, 1],
    ]);
  });

  it('keeps many scattered rows as exact rectangles: no bounding block, so nothing to read back', () => {
    const cells = [3, 10, 50].flatMap((row) => [
      { row, col: 7, value: `ini${row}` },
      { row, col: 9, value: `fin${row}` },
    ]);
    const blocks = planWriteBlocks(cells);
    expect(blocks.map((b) => [b.row, b.col, b.numRows, b.numCols, b.values])).toEqual([
      [3, 7, 1, 1, [['ini3']]],
      [3, 9, 1, 1, [['fin3']]],
      [10, 7, 1, 1, [['ini10']]],
      [10, 9, 1, 1, [['fin10']]],
      [50, 7, 1, 1, [['ini50']]],
      [50, 9, 1, 1, [['fin50']]],
    ]);
    const covered = blocks.reduce((n, b) => n + b.numRows * b.numCols, 0);
    expect(covered).toBe(cells.length);
  });

  it('plans number formats apart, over the cells that carry one only', () => {
    const cells = [
      { row: 4, col: 2, value: 'MR(93)' },
      { row: 4, col: 3, value: 7, format: '0' },
      { row: 4, col: 4, value: 18.5, format: '0.00' },
      { row: 5, col: 3, value: 2, format: '0' },
      { row: 5, col: 4, value: 6, format: '0.00' },
    ];
    expect(planWriteBlocks(cells).map((b) => [b.row, b.col, b.numRows, b.numCols])).toEqual([
      [4, 2, 1, 3],
      [5, 3, 1, 2],
    ]);
    expect(planFormatBlocks(cells)).toEqual([
      {
        row: 4,
        col: 3,
        numRows: 2,
        numCols: 2,
        values: [
          ['0', '0.00'],
          ['0', '0.00'],
        ],
      },
    ]);
  });

  it('lets the last write to a cell win', () => {
    const [block] = planWriteBlocks([
      { row: 2, col: 2, value: 'old' },
      { row: 2, col: 2, value: 'new' },
    ]);
    expect(block!.values).toEqual([['new']]);
  });

  it('plans nothing for no cells', () => {
    expect(planWriteBlocks([])).toEqual([]);
  });
});
