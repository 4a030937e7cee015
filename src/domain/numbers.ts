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

/** Serials read as "a date Sheets made of what was typed": 01-01-2000 to 31-12-2099. */
const TYPED_DATE_SERIALS = { min: 36526, max: 73050 };
const SERIAL_UNIX_EPOCH = 25569;

/** A decimal written as the shop types it: 0.75 → "0,75" (up to 4 decimals). */
const decimalText = (value: number) => String(Math.round(value * 10_000) / 10_000).replace('.', ',');

/**
 * Why a number cell's implausible value is most likely a date Sheets made of what was typed (a DN typed 3/4
 * becomes 03-04-2026, serial 46115), in Spanish for a cell issue; null when it does not look like one. `value`
 * is the number read (a Date's serial), `raw` the cell as read (a Date when the cell has a date format and
 * SpreadsheetApp read it), `shown` the text the sheet shows when the read has it (never read for this alone).
 */
export function dateLikeNumber(value: number, raw: Cell, shown?: string): string | null {
  const inRange = value >= TYPED_DATE_SERIALS.min && value <= TYPED_DATE_SERIALS.max;
  if (!isDate(raw) && !(typeof raw === 'number' && inRange)) return null;
  const shownText = shown?.trim() ?? '';
  const fraction = /^(\d{1,2})\/(\d{1,2})$/.exec(shownText);
  if (shownText !== '' && fraction) {
    const typed = Number(fraction[1]) / Number(fraction[2]);
    return `la celda muestra ${shownText}: Sheets la guardó como fecha; escriba ${decimalText(typed)}`;
  }
  if (shownText !== '' && shownText !== String(value)) {
    return `la celda muestra ${shownText}: Sheets la guardó como fecha; escriba el número (una fracción como 3/4 se escribe 0,75)`;
  }
  const day = new Date(Math.round((value - SERIAL_UNIX_EPOCH) * 86_400_000));
  const [d, m, y] = [day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear()];
  const date = `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
  const serial = decimalText(value);
  return `parece una fecha (${serial} = ${date}): si escribió ${d}/${m}, Sheets lo guardó como fecha; escriba ${decimalText(d / m)}`;
}
