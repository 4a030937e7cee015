// Unions and pulgadas per day and per worker for the Resumen sheet (issue 16 §6): the days of the window in
// the spreadsheet's time zone (calendar days, so a 23- or 25-hour DST day is one day), and the totals.

import type { Operation } from './operation';
import { fromWallTime, toWallTime } from './timeZone';

/** A calendar day in the spreadsheet's zone, `YYYY-MM-DD` (sorts as text in date order). */
export type DayKey = string;

/** One union's ARM or SOLD, as the summary counts it: on the day of its *_FECHA_FIN. */
export interface UnionWork {
  operation: Operation;
  day: DayKey;
  /** ARM_WORKER / SOL_WORKER as the cell shows it (`MR(93)`), trimmed; '' when blank. */
  worker: string;
  /** DN_UNION of the union (inches). */
  pulgadas: number;
}

export interface Tally {
  unions: number;
  /** Sum of DN_UNION, rounded to 2 decimals. */
  pulgadas: number;
}

export interface DayTotals {
  day: DayKey;
  ARM: Tally;
  SOLD: Tally;
}

export interface WorkerDay {
  day: DayKey;
  worker: string;
  operation: Operation;
  unions: number;
  pulgadas: number;
}

export interface DailySummary {
  /** Every day of the window, oldest first; days without work hold zeros. */
  days: DayTotals[];
  /** One entry per day, worker and operation with work, by day, then worker, then ARM before SOLD. */
  workers: WorkerDay[];
  /** Over the window. */
  totals: { ARM: Tally; SOLD: Tally };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The calendar day of `instantMs` in `timeZone`. */
export function dayOf(instantMs: number, timeZone: string): DayKey {
  const w = toWallTime(instantMs, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)}`;
}

/**
 * The `count` days ending on the day of `nowMs` in `timeZone`, oldest first. Days are stepped on the
 * calendar, never by adding 24 hours (a DST day has 23 or 25).
 */
export function windowDays(nowMs: number, timeZone: string, count: number): DayKey[] {
  const today = toWallTime(nowMs, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day - (count - 1 - i)));
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  });
}

/**
 * The first instant of `day` in `timeZone` (what a date cell of that day holds): local midnight, or the
 * first minute after it where DST skips midnight (America/Santiago's September change does).
 */
export function dayStart(day: DayKey, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fromWallTime({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `DD-MM-YYYY`, as the shop writes a day. */
export function dayText(day: DayKey): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

/** Pulgadas are added in hundredths (integers): 100,000 floats added one by one drift. */
const hundredths = (n: number) => Math.round(n * 100);
const tally = (unions: number, inHundredths: number): Tally => ({ unions, pulgadas: inHundredths / 100 });

/** Tallies `work` over `days` (work on other days is left out); pulgadas to 2 decimals. Pure. */
export function summarize(work: readonly UnionWork[], days: readonly DayKey[]): DailySummary {
  // Counts and hundredths per day: [ARM unions, ARM hundredths, SOLD unions, SOLD hundredths].
  const byDay = new Map(days.map((day) => [day, [0, 0, 0, 0]]));
  const byWorker = new Map<string, WorkerDay>();
  for (const item of work) {
    const counts = byDay.get(item.day);
    if (!counts) continue;
    const inches = hundredths(item.pulgadas);
    const at = item.operation === 'ARM' ? 0 : 2;
    counts[at]! += 1;
    counts[at + 1]! += inches;
    const key = `${item.day}\u0000${item.worker}\u0000${item.operation}`;
    const entry = byWorker.get(key);
    if (entry) {
      entry.unions += 1;
      entry.pulgadas += inches;
    } else
      byWorker.set(key, {
        day: item.day,
        worker: item.worker,
        operation: item.operation,
        unions: 1,
        pulgadas: inches,
      });
  }
  const all = [...byDay.values()];
  const sum = (i: number) => all.reduce((n, c) => n + c[i]!, 0);
  return {
    days: [...byDay].map(([day, c]) => ({ day, ARM: tally(c[0]!, c[1]!), SOLD: tally(c[2]!, c[3]!) })),
    workers: [...byWorker.values()]
      .map((w) => ({ ...w, pulgadas: w.pulgadas / 100 }))
      .sort(
        (a, b) =>
          (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
          a.worker.localeCompare(b.worker, 'es') ||
          (a.operation === b.operation ? 0 : a.operation === 'ARM' ? -1 : 1),
      ),
    totals: { ARM: tally(sum(0), sum(1)), SOLD: tally(sum(2), sum(3)) },
  };
}
