// Wall-clock ⇄ instant conversion in a named time zone (America/Santiago has DST), using only Intl.

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time Intl gives (exact, slow: what the per-hour offsets are made from). */
function intlWallTime(instantMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const pick = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return {
    year: pick('year'),
    month: pick('month'),
    day: pick('day'),
    hour: pick('hour') % 24,
    minute: pick('minute'),
    second: pick('second'),
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function exactOffsetAt(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallAsUtc(intlWallTime(whole, timeZone)) - whole;
}

const HOUR_MS = 3_600_000;
/** `zone|hour` → the offset over that whole hour, or null when it changes inside it (a DST hour). */
const hourOffsets = new Map<string, number | null>();

/**
 * The zone's offset at an instant. Intl's formatToParts is the slow part of reading 100,000 date cells, so
 * the offset is kept per hour once it is the same at both ends of that hour (an hour holding a DST change
 * is worked out exactly every time).
 */
function offsetAt(instantMs: number, timeZone: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const start = exactOffsetAt(hour * HOUR_MS, timeZone);
    offset = start === exactOffsetAt(hour * HOUR_MS + HOUR_MS - 1000, timeZone) ? start : null;
    if (hourOffsets.size > 100_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset ?? exactOffsetAt(instantMs, timeZone);
}

/** The wall clock of `instantMs` in `timeZone` (seconds; milliseconds dropped). */
export function toWallTime(instantMs: number, timeZone: string): WallTime {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const d = new Date(whole + offsetAt(whole, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant shown as `wall` in `timeZone`; a wall time skipped by DST resolves to the later offset. */
export function fromWallTime(wall: WallTime, timeZone: string, millis = 0): number {
  const guess = wallAsUtc(wall);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return (first === second ? first : Math.max(first, second)) + millis;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidWallTime(w: WallTime): boolean {
  return (
    w.year >= 1900 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute >= 0 &&
    w.minute <= 59 &&
    w.second >= 0 &&
    w.second <= 59
  );
}
