// A calendar day of the shop (`DD-MM-YYYY` in the spreadsheet's zone): parsed, shifted, and the RE2 pattern
// that finds, by the text cells show, every timestamp cell that may fall on it (issue 16 §3, §5).

import { instantToSerial } from './dates';
import { fromWallTime, isValidWallTime } from './timeZone';

/** A day as the shop writes it. */
export interface Day {
  day: number;
  month: number;
  year: number;
}

const DAY = /^(\d{2})-(\d{2})-(\d{4})$/;
const two = (n: number) => String(n).padStart(2, '0');

/** `DD-MM-YYYY` as a Day; null when it is not a real calendar day (31-02-2026). */
export function parseDay(text: string): Day | null {
  const m = DAY.exec(text.trim());
  if (!m) return null;
  const day = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  return isValidWallTime({ ...day, hour: 0, minute: 0, second: 0 }) ? day : null;
}

export const dayText = (d: Day) => `${two(d.day)}-${two(d.month)}-${d.year}`;

/** The calendar day `offset` days from `d` (no time zone involved: a date, not an instant). */
export function shiftDay(d: Day, offset: number): Day {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + offset));
  return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, year: t.getUTCFullYear() };
}

/** A number without leading zeros, optionally zero-padded to two digits. */
const loose = (n: number) => (n < 10 ? `0?${n}` : String(n));
const TAIL = '(?:[ T,].*)?';

/**
 * An RE2 pattern matching, as a whole cell, the text a timestamp cell of day `d` may show:
 * - day first, as written by this add-on and typed in the shop (`22-11-2026 10:00:00`, `22/11/2026`,
 *   `2/3/2026 8:05`, two-digit years), and month first (a Date shown by an en-US format);
 * - ISO (`2026-11-22T13:00:00Z`), for `d` and the days either side (an offset can move the day);
 * - a serial number in General format (`46348` or `46348,54…`: Sheets serials are wall time in the zone).
 * It only narrows the search: every row found is read and its cell parsed (src/domain/dates.ts) before it
 * counts, so a wrong candidate costs a few cells, never a wrong answer. What it cannot find: a Date or
 * serial cell whose number format shows month names or weekdays (`22 nov 2026`), or any order other than
 * the ones above; such rows are not seen (their Timestamp cannot be searched by text).
 */
export function dayCandidatesPattern(d: Day, timeZone: string): string {
  const yy = two(d.year % 100);
  const dm = `${loose(d.day)}[-/.]${loose(d.month)}[-/.](?:${d.year}|${yy})`;
  const md = `${loose(d.month)}/${loose(d.day)}/(?:${d.year}|${yy})`;
  const iso = [-1, 0, 1]
    .map((o) => shiftDay(d, o))
    .map((x) => `${x.year}-${two(x.month)}-${two(x.day)}`)
    .join('|');
  const noon = fromWallTime({ ...d, hour: 12, minute: 0, second: 0 }, timeZone);
  const serial = Math.floor(instantToSerial(noon, timeZone));
  return `\\s*(?:(?:${dm}|${md}|${iso})${TAIL}|${serial}(?:[.,]\\d+)?)\\s*`;
}
