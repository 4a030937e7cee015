import { describe, expect, it } from 'vitest';
import { COST_MODEL, FLUSH_MS, kindOf, price, type PricedCall } from '../../../src/memory/costModel';

const call = (method: string, cells = 0): PricedCall => ({ kind: kindOf(method), cells });

describe('costModel', () => {
  describe('kindOf', () => {
    it('sorts service methods into the kinds the model prices', () => {
      expect(
        ['getValues', 'getNumberFormats', 'getLastRow', 'getRange', 'setValues', 'appendRow'].map(kindOf),
      ).toEqual(['read', 'read', 'metadata', 'lookup', 'write', 'appendRow']);
      expect(
        ['sheetsApi.get', 'sheetsApi.batchUpdate', 'tryLock', 'getProperties', 'setProperty'].map(kindOf),
      ).toEqual(['apiGet', 'apiUpdate', 'lock', 'propertiesGet', 'propertiesSet']);
      expect(kindOf('getRow')).toBe('free');
    });
  });

  describe('price', () => {
    it('charges a read per call and per cell', () => {
      const p = price([call('getValues', 1000)]);
      expect(p).toMatchObject({ reads: 1, cellsRead: 1000, writes: 0, flushes: 0, roundTrips: 1 });
      expect(p.ms).toBeCloseTo(COST_MODEL.read.base + 1000 * COST_MODEL.read.perCell, 9);
    });

    it('flushes buffered writes once at the end of an execution that wrote', () => {
      const p = price([call('getValues', 10), call('setValues', 4), call('setValues', 6)]);
      expect(p).toMatchObject({ reads: 1, writes: 2, cellsWritten: 10, flushes: 1 });
      expect(p.ms).toBeCloseTo(120 + 0.3 + 2 * 0.5 + 10 * 0.01 + FLUSH_MS, 9);
    });

    it('flushes again before a read or metadata call that follows a write, and not before a lookup', () => {
      const p = price([
        call('setValues', 1),
        call('getRange'),
        call('getLastRow'),
        call('setValues', 1),
        call('getValues', 1),
      ]);
      expect(p.flushes).toBe(2);
      expect(p.msByKind.flush).toBe(2 * FLUSH_MS);
    });

    it('never flushes for the Sheets API, whose calls are their own round trips', () => {
      const p = price([call('sheetsApi.get', 100), call('sheetsApi.batchUpdate', 40)]);
      expect(p).toMatchObject({
        reads: 1,
        cellsRead: 100,
        writes: 1,
        cellsWritten: 40,
        flushes: 0,
        roundTrips: 2,
      });
      expect(p.ms).toBeCloseTo(200 + 100 * 0.025 + 300 + 40 * 0.01, 9);
    });
  });
});
