import { describe, expect, it } from 'vitest';
import { dayCandidatesPattern, dayText, parseDay, shiftDay } from '../../../src/domain/dayText';

const TZ = 'America/Santiago';
/** The pattern as Sheets applies it: the whole cell, case-sensitive. */
const matches = (pattern: string, text: string) => new RegExp(`^(?:${pattern})$`).test(text);

describe('dayText', () => {
  it('parses DD-MM-YYYY and refuses days that do not exist', () => {
    expect(parseDay('04-04-2026')).toEqual({ day: 4, month: 4, year: 2026 });
    expect(parseDay('31-02-2026')).toBeNull();
    expect(parseDay('4-4-2026')).toBeNull();
    expect(dayText(shiftDay({ day: 31, month: 12, year: 2026 }, 1))).toBe('01-01-2027');
  });

  it('finds every shown form of the day, and not the day before or after', () => {
    const pattern = dayCandidatesPattern({ day: 4, month: 3, year: 2026 }, TZ);
    for (const shown of [
      '04-03-2026 09:36:00',
      '04-03-2026',
      ' 04-03-2026 09:36:00 ',
      '4/3/2026 9:36:00',
      '04.03.2026',
      '04-03-26 09:36',
      '3/4/2026 9:36:00',
      '2026-03-04T12:36:00.000Z',
      '2026-03-05T01:00:00Z', // 04-03 22:00 in Santiago
      '46085',
      '46085,4',
    ])
      expect(matches(pattern, shown), shown).toBe(true);
    for (const shown of [
      '05-03-2026 09:36:00',
      '14-03-2026',
      '04-03-2027',
      '46086,4',
      '460854',
      'x04-03-2026',
    ])
      expect(matches(pattern, shown), shown).toBe(false);
  });
});
