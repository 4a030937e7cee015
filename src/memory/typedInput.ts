// What Sheets stores when setValues receives a value: strings are taken "as if typed" in an es-CL sheet.

import type { Cell } from '../domain/cell';
import { parseDateCell, serialToInstant } from '../domain/dates';

export interface StoredInput {
  value: Cell;
  formula: string;
}

const TYPED_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const TYPED_DATE =
  /^\d{1,2}[-/]\d{1,2}[-/]\d{4}( \d{1,2}:\d{2}(:\d{2})?)?$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

export function typeIn(input: unknown, timeZone: string): StoredInput {
  if (input instanceof Date) return { value: new Date(input.getTime()), formula: '' };
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

export function isDateFormat(format: string): boolean {
  return /(^|[^"\\])(d{1,4}|y{2,4}|m{3,4})/i.test(format) && !/^[#0.,%\s]+$/.test(format);
}
