import { describe, expect, it } from 'vitest';
import { parseIntegerCell, parseNumberCell, round2 } from '../../../src/domain/numbers';
import { serialToInstant } from '../../../src/domain/dates';

const TZ = 'America/Santiago';

describe('numbers', () => {
  describe('parseNumberCell', () => {
    it('reads numbers, decimal commas and dots, and blank as empty', () => {
      expect(parseNumberCell(4.5, TZ)).toEqual({ ok: true, value: 4.5 });
      expect(parseNumberCell('2,5', TZ)).toEqual({ ok: true, value: 2.5 });
      expect(parseNumberCell(' 12.75 ', TZ)).toEqual({ ok: true, value: 12.75 });
      expect(parseNumberCell('', TZ)).toEqual({ ok: true, value: null });
    });

    it('reads a number shown with a date format back as the number (7 shows as 1900-01-06)', () => {
      expect(parseNumberCell(new Date(serialToInstant(7, TZ)), TZ)).toEqual({ ok: true, value: 7 });
      expect(parseNumberCell(new Date(serialToInstant(4.5, TZ)), TZ)).toEqual({ ok: true, value: 4.5 });
    });

    it.each([['abc'], ['1.234,5'], ['2,5,1'], ['12 pulg']])('rejects "%s"', (text) => {
      const parsed = parseNumberCell(text, TZ);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.reason).toContain(text);
    });

    it('rejects booleans', () => {
      expect(parseNumberCell(false, TZ).ok).toBe(false);
    });
  });

  it('parseIntegerCell rejects fractions', () => {
    expect(parseIntegerCell('5', TZ)).toEqual({ ok: true, value: 5 });
    expect(parseIntegerCell(5.5, TZ).ok).toBe(false);
  });

  it('round2 rounds half up without binary drift', () => {
    expect(round2(4.345)).toBe(4.35);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(0.1 + 0.2)).toBe(0.3);
  });
});
