// Date cells as production sheets hold them: Date objects, serial numbers or day-first text, in the sheet's zone.

import { isDate, type Cell } from './cell';
import { parseFailure, parsedValue, type Parsed } from './parse';
import { fromWallTime, isValidWallTime, toWallTime, type WallTime } from './timeZone';

/** 1899-12-30, day 0 of Sheets serial dates, as days before 1970-01-01. */
const SERIAL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function wall(y: string, mo: string, d: string, h?: string, mi?: string, s?: string): WallTime {
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
}

/** Serial number (days since 1899-12-30, fraction = time of day) read as wall time in `timeZone`. */
export function serialToInstant(serial: number, timeZone: string): number {
  const wallMs = Math.round(((serial - SERIAL_EPOCH_OFFSET_DAYS) * MS_PER_DAY) / 1000) * 1000;
  const d = new Date(wallMs);
  return fromWallTime(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    },
    timeZone,
  );
}

export function instantToSerial(instantMs: number, timeZone: string): number {
  const w = toWallTime(instantMs, timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallMs / MS_PER_DAY + SERIAL_EPOCH_OFFSET_DAYS;
}

function parseDateText(text: string, timeZone: string): Parsed<number> {
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d, mo, y, h, mi, s] = dayFirst;
    const w = wall(y!, mo!, d!, h, mi, s);
    if (!isValidWallTime(w)) return parseFailure(`fecha inválida "${text}"`);
    return parsedValue(fromWallTime(w, timeZone));
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, ms, zone] = iso;
    const w = wall(y!, mo!, d!, h, mi, s);
    if (!isValidWallTime(w)) return parseFailure(`fecha inválida "${text}"`);
    const millis = ms ? Number(ms.padEnd(3, '0')) : 0;
    if (!zone) return parsedValue(fromWallTime(w, timeZone, millis));
    const utc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millis);
    if (zone === 'Z') return parsedValue(utc);
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    return parsedValue(utc - sign * offsetMinutes * 60_000);
  }
  if (/^\d+([.,]\d+)?$/.test(text)) return parseDateSerial(Number(text.replace(',', '.')), timeZone);
  return parseFailure(`no se reconoce la fecha "${text}" (se espera DD-MM-AAAA [HH:MM:SS])`);
}

function parseDateSerial(serial: number, timeZone: string): Parsed<number> {
  // 1 = 1899-12-31 … 2958465 = 9999-12-31: anything else is not a date.
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) {
    return parseFailure(`el número ${serial} no es una fecha`);
  }
  return parsedValue(serialToInstant(serial, timeZone));
}

/** Reads a date or timestamp cell as an instant (ms since epoch); '' is empty. */
export function parseDateCell(value: Cell, timeZone: string): Parsed<number> {
  if (isDate(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? parseFailure('fecha inválida') : parsedValue(t);
  }
  if (typeof value === 'number') return parseDateSerial(value, timeZone);
  if (typeof value === 'boolean') return parseFailure(`se esperaba una fecha y hay ${value}`);
  // A leading apostrophe kept as text: what a plain-text (`@`) cell holds when `'04-12-2026 14:40:43` was
  // written into it (issue 14 §3); the time is still readable.
  const text = value.trim().replace(/^'(?=\d)/, '');
  if (text === '') return parsedValue(null);
  return parseDateText(text, timeZone);
}

const two = (n: number) => String(n).padStart(2, '0');

/** `DD-MM-YYYY HH:MM:SS` in `timeZone`: the form the shop reads and the add-on writes. */
export function formatDateTime(instantMs: number, timeZone: string): string {
  const w = toWallTime(instantMs, timeZone);
  return `${two(w.day)}-${two(w.month)}-${w.year} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/** `DD-MM-YYYY` in `timeZone`. */
export function formatDate(instantMs: number, timeZone: string): string {
  const w = toWallTime(instantMs, timeZone);
  return `${two(w.day)}-${two(w.month)}-${w.year}`;
}

/** True for a number format that shows a date or time (`dd-mm-yyyy`, `d/M/yyyy hh:mm`): getValues then gives a Date. */
export function isDateFormat(format: string): boolean {
  return /(^|[^"\\])(d{1,4}|y{2,4}|m{3,4})/i.test(format) && !/^[#0.,%\s]+$/.test(format);
}
