import { describe, expect, it } from 'vitest';
import { fromWallTime, toWallTime } from '../../../src/domain/timeZone';

/** What Intl says the wall clock is (the reference the per-hour offsets must agree with). */
function intl(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const pick = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: pick('year'),
    month: pick('month'),
    day: pick('day'),
    hour: pick('hour') % 24,
    minute: pick('minute'),
    second: pick('second'),
  };
}

describe('timeZone', () => {
  it('agrees with Intl every 7 minutes 13 seconds across both DST changes of 2026 in Santiago and Madrid', () => {
    for (const [zone, changes] of [
      ['America/Santiago', [Date.UTC(2026, 3, 5, 3), Date.UTC(2026, 8, 6, 4)]],
      ['Europe/Madrid', [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]],
    ] as const) {
      for (const change of changes) {
        for (let t = change - 3 * 3_600_000; t < change + 3 * 3_600_000; t += 433_000) {
          expect(toWallTime(t, zone), `${zone} ${new Date(t).toISOString()}`).toEqual(intl(t, zone));
        }
      }
    }
  });

  it('resolves the wall times of the doubled and the skipped hour of Santiago', () => {
    // 23:30 on 04-04-2026 happens twice: the earlier offset (-03) is taken first by the guess, then kept.
    const doubled = fromWallTime(
      { year: 2026, month: 4, day: 4, hour: 23, minute: 30, second: 0 },
      'America/Santiago',
    );
    expect(toWallTime(doubled, 'America/Santiago')).toMatchObject({ day: 4, hour: 23, minute: 30 });
    // 00:30 on 06-09-2026 does not exist: the later offset gives 01:30.
    const skipped = fromWallTime(
      { year: 2026, month: 9, day: 6, hour: 0, minute: 30, second: 0 },
      'America/Santiago',
    );
    expect(new Date(skipped).toISOString()).toBe('2026-09-06T04:30:00.000Z');
  });
});
