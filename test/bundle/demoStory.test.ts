// The demo workbook tells one story (src/memory/demoStory.ts): what the Panel reads from Metadata (Mi día) and
// what the Resumen refresh reads from Uniones agree, union by union and pulgada by pulgada, for every worker
// and day of the demo's recent sessions, both through build/Code.js.

import { describe, expect, it } from 'vitest';
import { parseDateCell, formatDate } from '../../src/domain/dates';
import { DEMO_SESSIONS } from '../../src/memory/demoEvents';
import { buildDemoWorkbook, demoTag } from '../../src/memory/demoWorkbook';
import { loadBundle } from '../support/bundle';
import { dailyTable, workerTable } from '../support/resumen';
import { records } from '../support/tracking';

const TZ = 'America/Santiago';
const HOUR = 3_600_000;
const WORKERS = [
  { id: 93, label: 'MR(93)' },
  { id: 94, label: 'JP(94)' },
  { id: 98, label: 'CD(98)' },
];

interface DayView {
  entries: Array<{ tagSpool: string; ot: string; operation: 'ARM' | 'SOLD'; unions: number[] }>;
  totals: Record<'ARM' | 'SOLD', { unions: number; pulgadas: number }>;
}

describe('the demo workbook: the Panel and Resumen tell the same story', () => {
  const now = Date.now();
  const book = buildDemoWorkbook({ events: { now } });
  const bundle = loadBundle(book);
  const days = [...new Set(DEMO_SESSIONS.map((s) => formatDate(now - s.to * HOUR, TZ)))];

  it('apiWorkerDay names, per worker and day, exactly the unions Uniones says that worker finished that day', () => {
    const day = (value: unknown) => {
      const parsed = parseDateCell(value as never, TZ);
      return parsed.ok && parsed.value !== null ? formatDate(parsed.value, TZ) : null;
    };
    for (const date of days) {
      for (const worker of WORKERS) {
        const view = bundle.call<DayView>('apiWorkerDay', { workerId: worker.id, date });
        for (const [op, prefix] of [
          ['ARM', 'ARM'],
          ['SOLD', 'SOL'],
        ] as const) {
          const fromPanel = view.entries
            .filter((e) => e.operation === op)
            .flatMap((e) => e.unions.map((n) => `${e.tagSpool}#${n}`))
            .sort();
          const fromUniones = records(book, 'Uniones')
            .filter((u) => u[`${prefix}_WORKER`] === worker.label && day(u[`${prefix}_FECHA_FIN`]) === date)
            .map((u) => `${String(u.TAG_SPOOL)}#${String(u.N_UNION)}`)
            .sort();
          expect(fromPanel, `${worker.label} ${op} ${date}`).toEqual(fromUniones);
        }
      }
    }
    // The days are not empty: every session's unions are there.
    const mr = bundle.call<DayView>('apiWorkerDay', {
      workerId: 93,
      date: formatDate(now - 3.5 * HOUR, TZ),
    });
    expect(mr.entries).toContainEqual(expect.objectContaining({ tagSpool: demoTag(4), unions: [3, 4, 5] }));
  });

  it("Resumen's per-worker table (G1) has, per worker, day and operation, the Panel's totals; its days show the work", () => {
    bundle.call('apiRefreshSummary');
    const resumen = new Map<string, { unions: number; pulgadas: number }>();
    for (const [fecha, trabajador, op, unions, pulgadas] of workerTable(book).slice(1)) {
      if (days.includes(fecha!))
        resumen.set(`${fecha} ${trabajador} ${op}`, { unions: Number(unions), pulgadas: Number(pulgadas) });
    }
    const panel = new Map<string, { unions: number; pulgadas: number }>();
    for (const date of days)
      for (const worker of WORKERS) {
        const view = bundle.call<DayView>('apiWorkerDay', { workerId: worker.id, date });
        for (const op of ['ARM', 'SOLD'] as const)
          if (view.totals[op].unions > 0) panel.set(`${date} ${worker.label} ${op}`, view.totals[op]);
      }
    expect(resumen).toEqual(panel);
    // Every session counted: 5 sessions, 9 unions over the last three days.
    const counted = [...panel.values()].reduce((sum, t) => sum + t.unions, 0);
    expect(counted).toBe(DEMO_SESSIONS.reduce((sum, s) => sum + s.unions.length, 0));
    // The daily table's rows of those days add up the same.
    const daily = dailyTable(book).filter((row) => days.includes(row[0]!));
    expect(daily.reduce((sum, row) => sum + Number(row[1]) + Number(row[3]), 0)).toBe(counted);
  });
});
