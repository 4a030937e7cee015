import { describe, expect, it } from 'vitest';
import {
  dayOf,
  dayStart,
  dayText,
  summarize,
  windowDays,
  type UnionWork,
} from '../../../src/domain/dailySummary';

const TZ = 'America/Santiago';

describe('dailySummary', () => {
  describe('windowDays', () => {
    it('gives the N calendar days ending today, oldest first, across a month end', () => {
      expect(windowDays(Date.UTC(2026, 11, 2, 15), TZ, 4)).toEqual([
        '2026-11-29',
        '2026-11-30',
        '2026-12-01',
        '2026-12-02',
      ]);
    });

    it('steps over both DST changes of America/Santiago without skipping or repeating a day', () => {
      // Just after midnight on 07-09 (the 6th had 23 hours) and on 05-04 (the 4th had 25).
      expect(windowDays(Date.UTC(2026, 8, 7, 3, 30), TZ, 3)).toEqual([
        '2026-09-05',
        '2026-09-06',
        '2026-09-07',
      ]);
      expect(windowDays(Date.UTC(2026, 3, 5, 4, 30), TZ, 3)).toEqual([
        '2026-04-03',
        '2026-04-04',
        '2026-04-05',
      ]);
    });

    it('takes today in the spreadsheet zone, not UTC', () => {
      // 01:00 UTC on the 23rd is 22:00 on the 22nd in Santiago.
      expect(windowDays(Date.UTC(2026, 10, 23, 1), TZ, 1)).toEqual(['2026-11-22']);
      expect(dayOf(Date.UTC(2026, 10, 23, 1), TZ)).toBe('2026-11-22');
    });
  });

  describe('dayStart', () => {
    it('is local midnight, or 01:00 where DST skips midnight', () => {
      expect(new Date(dayStart('2026-11-22', TZ)).toISOString()).toBe('2026-11-22T03:00:00.000Z');
      expect(new Date(dayStart('2026-09-06', TZ)).toISOString()).toBe('2026-09-06T04:00:00.000Z');
      expect(new Date(dayStart('2026-04-05', TZ)).toISOString()).toBe('2026-04-05T04:00:00.000Z');
      expect(dayText('2026-04-05')).toBe('05-04-2026');
    });
  });

  describe('summarize', () => {
    const work: UnionWork[] = [
      { operation: 'SOLD', day: '2026-11-21', worker: 'JP(94)', pulgadas: 0.1 },
      { operation: 'ARM', day: '2026-11-21', worker: 'MR(93)', pulgadas: 4.5 },
      { operation: 'ARM', day: '2026-11-21', worker: 'AP(95)', pulgadas: 0.2 },
      { operation: 'SOLD', day: '2026-11-21', worker: 'JP(94)', pulgadas: 0.2 },
      { operation: 'ARM', day: '2026-11-20', worker: 'MR(93)', pulgadas: 6 },
      { operation: 'ARM', day: '2026-11-21', worker: 'JP(94)', pulgadas: 8 },
      // Outside the window: left out.
      { operation: 'ARM', day: '2026-11-01', worker: 'MR(93)', pulgadas: 99 },
    ];

    it('gives every day (zeros included), and one row per day, worker and operation by day then worker', () => {
      const summary = summarize(work, ['2026-11-19', '2026-11-20', '2026-11-21']);
      expect(summary.days).toEqual([
        { day: '2026-11-19', ARM: { unions: 0, pulgadas: 0 }, SOLD: { unions: 0, pulgadas: 0 } },
        { day: '2026-11-20', ARM: { unions: 1, pulgadas: 6 }, SOLD: { unions: 0, pulgadas: 0 } },
        { day: '2026-11-21', ARM: { unions: 3, pulgadas: 12.7 }, SOLD: { unions: 2, pulgadas: 0.3 } },
      ]);
      expect(summary.workers.map((w) => [w.day, w.worker, w.operation, w.unions, w.pulgadas])).toEqual([
        ['2026-11-20', 'MR(93)', 'ARM', 1, 6],
        ['2026-11-21', 'AP(95)', 'ARM', 1, 0.2],
        ['2026-11-21', 'JP(94)', 'ARM', 1, 8],
        ['2026-11-21', 'JP(94)', 'SOLD', 2, 0.3],
        ['2026-11-21', 'MR(93)', 'ARM', 1, 4.5],
      ]);
      expect(summary.totals).toEqual({
        ARM: { unions: 4, pulgadas: 18.7 },
        SOLD: { unions: 2, pulgadas: 0.3 },
      });
    });

    it('adds 100,000 pulgadas without float drift', () => {
      const many = Array.from({ length: 100_000 }, (): UnionWork => ({
        operation: 'ARM',
        day: '2026-11-21',
        worker: 'MR(93)',
        pulgadas: 0.1,
      }));
      expect(summarize(many, ['2026-11-21']).totals.ARM).toEqual({ unions: 100_000, pulgadas: 10_000 });
    });
  });
});
