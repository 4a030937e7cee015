// Cells as an es-CL sheet shows them (getDisplayValues): number formats applied, dates in the sheet's zone.

import type { Cell } from '../domain/cell';
import { isDate } from '../domain/cell';
import { formatDateTime, serialToInstant } from '../domain/dates';
import { toWallTime } from '../domain/timeZone';
import { isDateFormat } from './typedInput';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A date/time format (`dd-mm-yyyy hh:mm:ss`, `d/m/yy`, `yyyy-mm-dd`) applied to an instant in `timeZone`. */
function formatWithDatePattern(instantMs: number, format: string, timeZone: string): string {
  const w = toWallTime(instantMs, timeZone);
  const tokens = format
    .replace(/"[^"]*"|\\./g, (m) => m.replace(/["\\]/g, ''))
    .match(/y+|m+|d+|h+|s+|[^ymdhs]+/gi);
  if (!tokens) return formatDateTime(instantMs, timeZone);
  return tokens
    .map((token, i) => {
      const lower = token.toLowerCase();
      const n = lower.length;
      // `m` after an hour or before a second is minutes, as spreadsheets read it.
      const previous =
        tokens
          .slice(0, i)
          .reverse()
          .find((t) => /^[ymdhs]/i.test(t))
          ?.toLowerCase() ?? '';
      const next =
        tokens
          .slice(i + 1)
          .find((t) => /^[ymdhs]/i.test(t))
          ?.toLowerCase() ?? '';
      switch (lower[0]) {
        case 'y':
          return n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'm':
          if (previous.startsWith('h') || next.startsWith('s')) return pad(w.minute, n >= 2 ? 2 : 1);
          return n >= 2 ? pad(w.month, 2) : String(w.month);
        case 'd':
          return n >= 2 ? pad(w.day, 2) : String(w.day);
        case 'h':
          return n >= 2 ? pad(w.hour, 2) : String(w.hour);
        case 's':
          return n >= 2 ? pad(w.second, 2) : String(w.second);
        default:
          return token;
      }
    })
    .join('');
}

/** A numeric format (`0`, `000`, `0.00`, `#,##0.0`, `0%`) with es-CL separators (`.` thousands, `,` decimals). */
function formatNumber(value: number, format: string): string {
  const section = format.split(';')[value < 0 && format.includes(';') ? 1 : 0] ?? format;
  const plain = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const percent = plain.includes('%');
  const [intPart = '', decPart = ''] = plain.replace(/[^0#?.,]/g, '').split('.');
  const decimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouped = intPart.includes(',');
  const scaled = Math.abs(percent ? value * 100 : value);
  const [i = '0', d = ''] = scaled.toFixed(decimals).split('.');
  let integer = i.padStart(minInt, '0');
  if (minInt === 0 && integer === '0' && decimals > 0) integer = '';
  if (grouped) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && !format.includes(';') ? '-' : '';
  const body = `${sign}${integer}${decimals > 0 ? `,${d}` : ''}${percent ? '%' : ''}`;
  const literal = (section.match(/"([^"]*)"/g) ?? []).map((s) => s.slice(1, -1));
  return section.trimStart().startsWith('"') ? `${literal.join('')}${body}` : `${body}${literal.join('')}`;
}

/** The General format: up to 10 decimals, decimal comma, no grouping. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(10))).replace('.', ',');
}

/**
 * The text a cell shows: `value` as stored (a Date is an instant), `format` its number format ('' = General).
 * Booleans show as VERDADERO/FALSO, as in a Spanish-locale sheet.
 */
export function displayValue(value: Cell, format: string, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'VERDADERO' : 'FALSO';
  if (isDate(value)) {
    const ms = value.getTime();
    return format && isDateFormat(format)
      ? formatWithDatePattern(ms, format, timeZone)
      : formatDateTime(ms, timeZone);
  }
  if (typeof value === 'number') {
    if (!format || /^general$/i.test(format)) return formatGeneral(value);
    if (isDateFormat(format))
      return formatWithDatePattern(serialToInstant(value, timeZone), format, timeZone);
    if (format === '@') return String(value);
    return formatNumber(value, format);
  }
  return String(value);
}
