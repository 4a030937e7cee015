// Review attacks on the capacity line (issue 16 §8): the share it prints agrees with the warning, and a
// workbook about to fill up is not told it has "~0,0 meses".

import { describe, expect, it } from 'vitest';
import { capacityOf } from '../../../src/domain/capacity';

describe('capacity at the edges', () => {
  it('79.9 % is a plain line and 80 % a warning', () => {
    expect(capacityOf(7_990_000, 10_000)).toMatchObject({ warning: false, share: 0.799, advice: null });
    expect(capacityOf(7_990_000, 10_000).line).toMatch(
      /^Capacidad: 7\.990\.000 de 10\.000\.000 celdas \(79,9 %\)/,
    );
    expect(capacityOf(8_000_000, 0).line).toMatch(/^ATENCIÓN: Capacidad: .*\(80,0 %\); sin crecimiento/);
  });

  it('never prints 80,0 % (nor a share of 0.8) without the warning', () => {
    for (const cells of [7_999_999, 7_999_600, 7_999_500]) {
      const capacity = capacityOf(cells, 0);
      expect(capacity.warning).toBe(false);
      expect(capacity.share).toBeLessThan(0.8);
      expect(capacity.line).toContain('(79,9 %)');
    }
  });

  it('with zero or negative growth has no end date and no Infinity', () => {
    for (const growth of [0, -50, 0.4]) {
      const capacity = capacityOf(9_000_000, growth);
      expect(capacity.monthsLeft).toBeNull();
      expect(capacity.line).not.toMatch(/Infinity|NaN/);
    }
  });

  it('a workbook days from the limit is told so, not "~0,0 meses"', () => {
    const capacity = capacityOf(9_999_000, 400_000);
    expect(capacity.line).not.toContain('0,0 meses');
    expect(capacity.line).toContain('alcanza el límite en menos de 3 días');
  });
});
