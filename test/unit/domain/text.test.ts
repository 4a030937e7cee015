import { describe, expect, it } from 'vitest';
import { cellToText, escapeText, roundTripValue } from '../../../src/domain/text';

describe('text', () => {
  describe('escapeText', () => {
    it.each([
      ['=HYPERLINK("x")'],
      ['+56 9 1234'],
      ['-3'],
      ['@juan'],
      ['001'],
      ['TRUE'],
      ["'citado"],
      ['13-05-2026'],
    ])('keeps "%s" as text with a leading apostrophe', (text) => {
      expect(escapeText(text)).toBe(`'${text}`);
    });

    it('leaves ordinary text alone', () => {
      expect(escapeText('MR(93)')).toBe('MR(93)');
      expect(escapeText('Mauricio Rodriguez')).toBe('Mauricio Rodriguez');
      expect(escapeText('')).toBe('');
    });
  });

  it('cellToText reads numbers, dates and booleans as text', () => {
    expect(cellToText(' 001 ', 'America/Santiago')).toBe('001');
    expect(cellToText(12, 'America/Santiago')).toBe('12');
    expect(cellToText(new Date(Date.UTC(2026, 4, 13, 15, 33, 48)), 'America/Santiago')).toBe(
      '13-05-2026 11:33:48',
    );
    expect(cellToText(true, 'America/Santiago')).toBe('TRUE');
  });

  it('roundTripValue protects text read from a cell', () => {
    expect(roundTripValue('001')).toBe("'001");
    expect(roundTripValue(7)).toBe(7);
    expect(roundTripValue('')).toBe('');
  });
});
