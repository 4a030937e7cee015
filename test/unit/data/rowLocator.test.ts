import { describe, expect, it } from 'vitest';
import { keyPattern } from '../../../src/data/rowLocator';
import { planBlocks } from '../../../src/data/unitOfWork';

describe('rowLocator', () => {
  describe('keyPattern', () => {
    const matches = (keys: string[], shown: string) => new RegExp(`^(?:${keyPattern(keys)!})$`).test(shown);
    it('finds an all-digit OT with or without its zeros, as the cell shows it', () => {
      expect(['8', '008', ' 08 '].map((shown) => matches(['8'], shown))).toEqual([true, true, true]);
      expect(matches(['008'], '8')).toBe(true);
      expect(matches(['8'], '18')).toBe(false);
      expect(matches(['8'], '80')).toBe(false);
    });
    it('escapes text keys and matches them whole and case-sensitively', () => {
      expect(matches(['MK-1.2(a)'], 'MK-1.2(a)')).toBe(true);
      expect(matches(['MK-1.2(a)'], 'MK-1x2(a)')).toBe(false);
      expect(matches(['SP-1', 'SP-2'], 'SP-2')).toBe(true);
      expect(matches(['SP-1'], 'sp-1')).toBe(false);
      expect(keyPattern(['', ' '])).toBeNull();
    });
  });
  describe('planBlocks', () => {
    it('merges rows closer than a read costs, keeps far blocks apart', () => {
      expect(planBlocks([2, 3, 4, 10, 5000, 5001], 17)).toEqual([
        { row: 2, col: 1, numRows: 9, numCols: 17 },
        { row: 5000, col: 1, numRows: 2, numCols: 17 },
      ]);
    });
  });
});
