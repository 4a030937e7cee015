// Text cells: reading any cell as text, and writing user text so Sheets never turns it into a formula.

import { isDate, type Cell } from './cell';
import { formatDateTime } from './dates';

/** Reads a cell as trimmed text; numbers keep their digits, Dates use the shop's date-time form. */
export function cellToText(value: Cell, timeZone: string): string {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : formatDateTime(value.getTime(), timeZone);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.trim();
}

// Text Sheets would re-interpret when typed: formulas, numbers, dates, booleans, and a leading apostrophe.
const REINTERPRETED = /^([=+\-@']|\s*[\d.,:/ -]+\s*$|(true|false)$)/i;

/**
 * Prepares text for setValues so the cell keeps exactly this text: a leading apostrophe makes Sheets store the
 * rest as plain text (and is not part of the value), so "=HYPERLINK(...)" or "001" stay text.
 */
export function escapeText(text: string): string {
  return text !== '' && REINTERPRETED.test(text) ? `'${text}` : text;
}

/** A value read from a cell, prepared to be written back unchanged (text stays text, even "001" or "=x"). */
export function roundTripValue(value: Cell): Cell {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}
