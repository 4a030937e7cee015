import { describe, expect, it } from 'vitest';
import { capacityOf, groupThousands } from '../../../src/domain/capacity';

describe('capacity', () => {
  it('is a plain line under 80 %, with the months left at the growth of the last 30 days', () => {
    const capacity = capacityOf(2_500_000, 150_000);
    expect(capacity).toEqual({
      cellsUsed: 2_500_000,
      cellLimit: 10_000_000,
      share: 0.25,
      growthPer30Days: 150_000,
      monthsLeft: 50,
      warning: false,
      line:
        'Capacidad: 2.500.000 de 10.000.000 celdas (25,0 %); al ritmo de los últimos 30 días (+150.000 celdas) ' +
        'alcanza el límite en ~4 años.',
      advice: null,
    });
  });

  it('warns from 80 % on and says what to do; no growth means no end date', () => {
    const at80 = capacityOf(8_000_000, 400_000);
    expect(at80).toMatchObject({ warning: true, monthsLeft: 5 });
    expect(at80.line).toBe(
      'ATENCIÓN: Capacidad: 8.000.000 de 10.000.000 celdas (80,0 %); al ritmo de los últimos 30 días ' +
        '(+400.000 celdas) alcanza el límite en ~5,0 meses.',
    );
    expect(at80.advice).toContain('docs/archive.md');
    expect(capacityOf(7_999_999, 0)).toMatchObject({ warning: false, monthsLeft: null, advice: null });
    expect(capacityOf(7_999_999, 0).line).toContain('sin crecimiento en los últimos 30 días');
    expect(groupThousands(10_000_000)).toBe('10.000.000');
  });
});
