import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  instantToSerial,
  parseDateCell,
  serialToInstant,
} from '../../../src/domain/dates';

const TZ = 'America/Santiago';

function instant(text: string): number {
  const parsed = parseDateCell(text, TZ);
  if (!parsed.ok || parsed.value === null) throw new Error(`not parsed: ${text}`);
  return parsed.value;
}

describe('dates', () => {
  describe('parseDateCell', () => {
    it('reads a serial number as wall time in the sheet zone (46155.48180555556 = 13-05-2026 11:33:48)', () => {
      const parsed = parseDateCell(46155.48180555556, TZ);
      expect(parsed.ok && formatDateTime(parsed.value!, TZ)).toBe('13-05-2026 11:33:48');
    });

    it('reads DD-MM-YYYY HH:MM:SS, DD-MM-YYYY and D/M/YYYY day-first', () => {
      expect(formatDateTime(instant('13-05-2026 11:33:48'), TZ)).toBe('13-05-2026 11:33:48');
      expect(formatDateTime(instant('13-05-2026'), TZ)).toBe('13-05-2026 00:00:00');
      expect(formatDate(instant('3/5/2026'), TZ)).toBe('03-05-2026');
    });

    it('reads ISO text, with a zone as that instant and without one as wall time', () => {
      expect(instant('2026-05-13T14:33:48Z')).toBe(Date.UTC(2026, 4, 13, 14, 33, 48));
      expect(instant('2026-05-13T11:33:48-03:00')).toBe(Date.UTC(2026, 4, 13, 14, 33, 48));
      expect(formatDateTime(instant('2026-05-13 11:33:48'), TZ)).toBe('13-05-2026 11:33:48');
    });

    it('keeps a Date as its instant and treats blank as empty', () => {
      const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
      expect(parseDateCell(d, TZ)).toEqual({ ok: true, value: d.getTime() });
      expect(parseDateCell('  ', TZ)).toEqual({ ok: true, value: null });
    });

    it('follows Santiago DST: summer is UTC-3, winter UTC-4', () => {
      expect(instant('15-01-2026 12:00:00')).toBe(Date.UTC(2026, 0, 15, 15, 0, 0));
      expect(instant('15-07-2026 12:00:00')).toBe(Date.UTC(2026, 6, 15, 16, 0, 0));
    });

    it.each([['31-02-2026'], ['13-13-2026'], ['hola'], ['12-05-26'], ['25:00']])(
      'rejects "%s" with a reason',
      (text) => {
        const parsed = parseDateCell(text, TZ);
        expect(parsed.ok).toBe(false);
        expect(!parsed.ok && parsed.reason).toMatch(/fecha/);
      },
    );

    it('rejects booleans and numbers outside the calendar', () => {
      expect(parseDateCell(true, TZ).ok).toBe(false);
      expect(parseDateCell(-3, TZ).ok).toBe(false);
    });
  });

  describe('serials', () => {
    it('round-trips instants through serial numbers', () => {
      const t = instant('05-04-2026 10:15:00');
      expect(serialToInstant(instantToSerial(t, TZ), TZ)).toBe(t);
      expect(instantToSerial(serialToInstant(7, TZ), TZ)).toBe(7);
    });
  });
});

describe('parseDateCell of a plain-text cell that kept an apostrophe (issue 14 §3)', () => {
  it("reads '04-12-2026 14:40:43 as the time it holds", () => {
    const zone = 'America/Santiago';
    expect(parseDateCell("'04-12-2026 14:40:43", zone)).toEqual(parseDateCell('04-12-2026 14:40:43', zone));
    expect(parseDateCell("'texto", zone).ok).toBe(false);
  });
});
