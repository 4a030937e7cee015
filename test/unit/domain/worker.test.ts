import { describe, expect, it } from 'vitest';
import { parseFlagCell, parseWorkerIdCell } from '../../../src/domain/worker';

describe('worker cells', () => {
  describe('parseFlagCell', () => {
    it('reads 1/0, booleans, TRUE/FALSE, sí/si/no and x by meaning', () => {
      const read = (v: Parameters<typeof parseFlagCell>[0]) => {
        const parsed = parseFlagCell(v);
        return parsed.ok ? parsed.value : 'error';
      };
      expect([1, 0, true, false, 'TRUE', 'false', 'Sí', 'si', 'NO', 'x', ' SI '].map(read)).toEqual([
        true,
        false,
        true,
        false,
        true,
        false,
        true,
        true,
        false,
        true,
        true,
      ]);
      expect(read('')).toBeNull();
    });
    it('refuses what is not a flag instead of guessing', () => {
      expect(parseFlagCell(new Date(0))).toEqual({ ok: false, reason: 'se esperaba sí/no y hay una fecha' });
      expect(parseFlagCell(2).ok).toBe(false);
      expect(parseFlagCell('quizás').ok).toBe(false);
    });
  });

  describe('parseWorkerIdCell', () => {
    it('reads 93, "93", 93.0 and " 93 " as the same id', () => {
      expect([93, '93', 93.0, ' 93 ', '93.0'].map((v) => parseWorkerIdCell(v))).toEqual(
        Array(5).fill({ ok: true, value: 93 }),
      );
    });
    it('refuses Dates, booleans, fractions and non-positive numbers', () => {
      for (const v of [new Date(0), true, 93.5, 0, -4, 'MR']) expect(parseWorkerIdCell(v).ok).toBe(false);
    });
  });
});
