// Numeric cells as production sheets hold them: numbers, text with decimal commas, numbers formatted as dates.

import { isDate, type Cell } from './cell';
import { instantToSerial } from './dates';
import { parseFailure, parsedValue, type Parsed } from './parse';

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

/** Reads a numeric cell; "2,5" is 2.5, and a Date (a number shown with a date format) becomes its serial. */
export function parseNumberCell(value: Cell, timeZone: string): Parsed<number> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? parsedValue(value) : parseFailure(`número inválido ${value}`);
  }
  if (isDate(value)) {
    const t = value.getTime();
    if (Number.isNaN(t)) return parseFailure('número inválido (fecha vacía)');
    // Sheets hands back a Date for a number cell with a date format; 7 shows as 1900-01-06.
    return parsedValue(Math.round(instantToSerial(t, timeZone) * 1e6) / 1e6);
  }
  if (typeof value === 'boolean') return parseFailure(`se esperaba un número y hay ${value}`);
  const text = value.trim().replace(/\s+/g, '');
  if (text === '') return parsedValue(null);
  if (!NUMBER_TEXT.test(text)) return parseFailure(`no es un número: "${value}"`);
  return parsedValue(Number(text.replace(',', '.')));
}

export function parseIntegerCell(value: Cell, timeZone: string): Parsed<number> {
  const parsed = parseNumberCell(value, timeZone);
  if (!parsed.ok || parsed.value === null) return parsed;
  return Number.isInteger(parsed.value)
    ? parsed
    : parseFailure(`se esperaba un entero y hay ${parsed.value}`);
}

/** Rounds to 2 decimals without the binary drift of toFixed (4.35 stays 4.35). */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
