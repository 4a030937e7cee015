import { describe, expect, it } from 'vitest';
import { capacityGrowth, cellsUsed } from '../../../../src/app/resumen/capacityRead';
import type { UnionWork } from '../../../../src/domain/dailySummary';

describe('capacityRead', () => {
  it('counts every cell of every grid, and estimates growth from the unions recorded in 30 days', () => {
    const sizes = [
      { name: 'Operaciones', rows: 1_001, columns: 75 },
      { name: 'Uniones', rows: 10_001, columns: 17 },
      { name: 'Metadata', rows: 20_000, columns: 11 },
    ];
    expect(cellsUsed(sizes)).toBe(1_001 * 75 + 10_001 * 17 + 20_000 * 11);
    const now = Date.UTC(2026, 10, 22, 13);
    const work: UnionWork[] = [
      { operation: 'ARM', day: '2026-11-22', worker: 'MR(93)', pulgadas: 6 },
      { operation: 'ARM', day: '2026-10-24', worker: 'MR(93)', pulgadas: 6 },
      { operation: 'SOLD', day: '2026-11-01', worker: 'JP(94)', pulgadas: 6 },
      // 31 days ago: outside the 30-day window.
      { operation: 'ARM', day: '2026-10-23', worker: 'MR(93)', pulgadas: 6 },
    ];
    // 3 records × 11 (Metadata) + 2 ARM × 17 (Uniones) + 2 ARM × (1,001 / 10,001) × 75 (Operaciones).
    expect(capacityGrowth(sizes, work, now, 'America/Santiago')).toBeCloseTo(
      33 + 34 + 2 * (1_001 / 10_001) * 75,
      6,
    );
  });
});
