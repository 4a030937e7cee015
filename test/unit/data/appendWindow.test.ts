import { describe, expect, it } from 'vitest';
import {
  APPEND_WINDOW_ROWS,
  positionInWindow,
  shouldStoreHint,
  windowRect,
} from '../../../src/data/uow/appendWindow';

const row = (id: string) => [id, 'x', ''];
const blank = () => ['', '', ''];

describe('appendWindow', () => {
  describe('windowRect', () => {
    it('reads from the row above the hint, at most APPEND_WINDOW_ROWS rows, never past the grid', () => {
      expect(windowRect({ row: 10, maxRows: 1_000 }, 11)).toEqual({
        row: 9,
        col: 1,
        numRows: APPEND_WINDOW_ROWS,
        numCols: 11,
      });
      expect(windowRect({ row: 10, maxRows: 20 }, 11)).toEqual({ row: 9, col: 1, numRows: 12, numCols: 11 });
    });
  });

  describe('positionInWindow', () => {
    it('the hint itself when nothing was appended since', () => {
      expect(positionInWindow(9, [row('a'), blank(), blank()], 0, { row: 10, maxRows: 11 })).toEqual({
        row: 10,
        maxRows: 11,
        room: 2,
        atGridEnd: true,
      });
    });

    it('below rows appended meanwhile', () => {
      const found = positionInWindow(9, [row('a'), row('web'), blank(), blank()], 0, {
        row: 10,
        maxRows: 50,
      });
      expect(found).toEqual({ row: 11, maxRows: 50, room: 2, atGridEnd: false });
    });

    it('none when the row above the hint is empty (rows deleted), the window is full, or a cell is in the way', () => {
      expect(positionInWindow(9, [blank(), blank()], 0, { row: 10, maxRows: 50 })).toBeNull();
      expect(positionInWindow(9, [row('a'), row('b')], 0, { row: 10, maxRows: 50 })).toBeNull();
      expect(
        positionInWindow(9, [row('a'), blank(), ['', 'note', '']], 0, { row: 10, maxRows: 50 }),
      ).toBeNull();
    });
  });

  describe('shouldStoreHint', () => {
    it('stores when none is stored, when it went back, or moved half a window', () => {
      expect(shouldStoreHint(null, { row: 5, maxRows: 5 })).toBe(true);
      expect(shouldStoreHint({ row: 9, maxRows: 9 }, { row: 5, maxRows: 9 })).toBe(true);
      expect(
        shouldStoreHint({ row: 5, maxRows: 100 }, { row: 5 + APPEND_WINDOW_ROWS / 2, maxRows: 100 }),
      ).toBe(true);
      expect(shouldStoreHint({ row: 5, maxRows: 100 }, { row: 17, maxRows: 100 })).toBe(false);
    });
  });
});
