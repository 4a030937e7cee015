import { describe, expect, it } from 'vitest';
import { planWriteBlocks } from '../../../src/gas/writePlan';

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
        complete: true,
      },
    ]);
  });

  it('keeps two separate rectangles exact', () => {
    const blocks = planWriteBlocks([
      { row: 2, col: 1, value: 1 },
      { row: 90, col: 1, value: 2 },
    ]);
    expect(blocks.map((b) => [b.row, b.numRows, b.complete])).toEqual([
      [2, 1, true],
      [90, 1, true],
    ]);
  });

  it('bounds many scattered rows in one block, marking the cells nobody writes', () => {
    const cells = [3, 10, 50].flatMap((row) => [
      { row, col: 7, value: `ini${row}` },
      { row, col: 9, value: `fin${row}` },
    ]);
    const [block, ...rest] = planWriteBlocks(cells);
    expect(rest).toEqual([]);
    expect(block).toMatchObject({ row: 3, col: 7, numRows: 48, numCols: 3, complete: false });
    expect(block!.values[0]).toEqual(['ini3', undefined, 'fin3']);
    expect(block!.values[1]).toEqual([undefined, undefined, undefined]);
    expect(block!.values[47]).toEqual(['ini50', undefined, 'fin50']);
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
