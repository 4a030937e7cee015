// What Sheets stores when setValues receives a value: strings are taken "as if typed" in an es-CL sheet.

import { isDate, type Cell } from '../domain/cell';
import {
  formatDateTime,
  instantToSerial,
  isDateFormat,
  parseDateCell,
  serialToInstant,
} from '../domain/dates';
import { toWallTime } from '../domain/timeZone';

export interface StoredInput {
  value: Cell;
  formula: string;
}

const TYPED_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const TYPED_DATE =
  /^\d{1,2}[-/]\d{1,2}[-/]\d{4}( \d{1,2}:\d{2}(:\d{2})?)?$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/**
 * What setValues stores for `input` in a cell of number format `format`. A plain-text cell (`@`) stores
 * what it is given as text, as typed into it in the UI: no formula, no number or date, and a leading
 * apostrophe kept (it only forces text in other formats); a number or boolean becomes its text, and a
 * Date the JavaScript text of it, which no reader of ours takes for a date (we never write Dates).
 */
export function typeIn(input: unknown, timeZone: string, format = ''): StoredInput {
  if (format === '@') {
    if (input === null || input === undefined) return { value: '', formula: '' };
    if (typeof input === 'boolean') return { value: input ? 'TRUE' : 'FALSE', formula: '' };
    return { value: String(input), formula: '' };
  }
  // isDate, not instanceof: a Date made by build/Code.js in its own global scope (the bundle test and the
  // playground run it in a vm context) is a Date to Sheets all the same.
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (input === null || input === undefined) return { value: '', formula: '' };
  const text = String(input);
  // A leading apostrophe forces text and is not part of the value.
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (TYPED_NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  if (TYPED_DATE.test(trimmed)) {
    const parsed = parseDateCell(trimmed, timeZone);
    if (parsed.ok && parsed.value !== null) return { value: new Date(parsed.value), formula: '' };
  }
  return { value: text, formula: '' };
}

/** getValues gives a Date for a number shown with a date format (7 with "yyyy-mm-dd" is 1900-01-06). */
export function presentValue(value: Cell, format: string, timeZone: string): Cell {
  if (value instanceof Date) return new Date(value.getTime());
  if (typeof value === 'number' && isDateFormat(format)) return new Date(serialToInstant(value, timeZone));
  return value;
}

export { isDateFormat };

/**
 * The text getDisplayValues gives for a stored value and its number format. Covers what the product's sheets
 * use: zero padding (`000`), `0`, `0.00`, General, and dates (`dd-mm-yyyy`, `yyyy-mm-dd hh:mm:ss`, …).
 */
export function displayValue(value: Cell, format: string, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const serial = value instanceof Date ? instantToSerial(value.getTime(), timeZone) : value;
  if (isDateFormat(format)) return formatDatePattern(serialToInstant(serial, timeZone), format, timeZone);
  if (value instanceof Date && format === '') return formatDateTime(value.getTime(), timeZone);
  const fixed = /^(0+)(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const text = serial.toFixed(fixed[2]?.length ?? 0);
    const [whole, decimals] = text.replace('-', '').split('.');
    const padded = whole!.padStart(fixed[1]!.length, '0');
    return `${serial < 0 ? '-' : ''}${padded}${decimals === undefined ? '' : `.${decimals}`}`;
  }
  // General: up to 10 significant digits, as Sheets shows a plain number.
  return String(Number(serial.toPrecision(10)));
}

function formatDatePattern(instant: number, format: string, timeZone: string): string {
  const w = toWallTime(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  let afterHour = false;
  return format.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss/gi, (token) => {
    const t = token.toLowerCase();
    if (t === 'yyyy') return String(w.year);
    if (t === 'yy') return two(w.year % 100);
    if (t === 'dd') return two(w.day);
    if (t === 'd') return String(w.day);
    if (t === 'hh' || t === 'h') {
      afterHour = true;
      return t === 'hh' ? two(w.hour) : String(w.hour);
    }
    if (t === 'ss') return two(w.second);
    // m/mm is minutes right after an hour, else the month.
    const minutes = afterHour;
    afterHour = false;
    const n = minutes ? w.minute : w.month;
    return t === 'mm' ? two(n) : String(n);
  });
}
