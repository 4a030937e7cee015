// Bench of issue 16 §5: the four Panel requests (and the release) at 1,000 and 10,000 spools (10,010 / 100,010
// unions, 10,000 / 200,000 Metadata rows), 20 spools held and 300 events today, on both paths: modeled ms,
// round trips, cells read, and the searches and reads made. Must: each ≤ 1.0 s on SpreadsheetApp at 10,000.

import { bootstrap } from '../../src/app/bootstrap';
import { occupiedSpools, type OccupiedSpool } from '../../src/app/panel/occupiedSpools';
import { releaseSpool } from '../../src/app/panel/releaseSpool';
import { spoolHistory } from '../../src/app/panel/spoolHistory';
import { workerDay } from '../../src/app/panel/workerDay';
import { finishWork } from '../../src/app/finishWork';
import { listUnions } from '../../src/app/listUnions';
import { startWork } from '../../src/app/startWork';
import type { Price } from '../../src/memory/costModel';
import { ManualClock, memoryEnvironment, type Backend } from '../../src/memory/memoryPorts';
import type { Ports } from '../../src/ports';
import { printTable } from './print';
import { otOf } from './productionWorkbook';
import { HISTORY_SPOOL, panelWorkbook, tagOf, type Placement } from './panelWorkbook';

const NOW = Date.UTC(2026, 10, 22, 13); // 22-11-2026 10:00 in Santiago
const SIZES: Array<{ spools: number; logRows: number }> = [
  { spools: 1_000, logRows: 10_000 },
  { spools: 10_000, logRows: 200_000 },
];
const BACKENDS: Backend[] = ['spreadsheetApp', 'sheetsApi'];
const PATH: Record<Backend, string> = { spreadsheetApp: 'SpreadsheetApp', sheetsApi: 'Sheets API' };
const PLACEMENTS: Placement[] = ['clustered', 'scattered'];
const MUST_MS = 1_000;

interface Run {
  price: Price;
  searches: number;
  reads: number;
  answered: string;
}

/** `held`: a spool held now, as the Panel listed it (the release frees it). */
type Request = { name: string; run: (ports: Ports, held: OccupiedSpool) => string };

const REQUESTS: Request[] = [
  { name: 'apiOccupiedSpools', run: (p) => `${occupiedSpools(p).spools.length} spools` },
  {
    name: 'apiWorkerDay (MR(93))',
    run: (p) => {
      const day = workerDay(p, { workerId: 93 });
      return `${day.entries.length} entries, ${day.totals.ARM.unions} unions`;
    },
  },
  {
    name: 'apiSpoolHistory',
    run: (p) => {
      const h = spoolHistory(p, { tagSpool: tagOf(HISTORY_SPOOL) });
      return `${h.events.length} events, ${h.sessions.length} sessions`;
    },
  },
  {
    name: 'apiReleaseSpool',
    // As the Panel sends it: the holder and OT it listed (a guard and a hint).
    run: (p, held) =>
      `freed ${
        releaseSpool(p, {
          tagSpool: held.tagSpool,
          workerId: 98,
          reason: 'bench',
          requestId: `bench-release-${held.tagSpool}`,
          ocupadoPor: held.ocupadoPor,
          listedOt: held.ot,
        }).tagSpool
      }`,
  },
];

/** INICIAR then CANCELAR (FINALIZAR of no union) of the free spool `spool`: a write that leaves it free. */
function warmWrite(ports: Ports, spool: number): void {
  const [ot, tagSpool] = [otOf(spool), tagOf(spool)];
  startWork(ports, { tagSpool, operation: 'ARM', workerId: 93, requestId: 'bench-warm-1', listedOt: ot });
  finishWork(ports, {
    ot,
    operation: 'ARM',
    workerId: 93,
    unionKeys: [],
    requestId: 'bench-warm-2',
    listedTags: [tagSpool],
  });
}

function measure(env: ReturnType<typeof memoryEnvironment>, request: Request, held: OccupiedSpool): Run {
  env.resetCalls();
  const answered = request.run(env.ports(), held);
  const calls = env.spreadsheet.calls.calls;
  return {
    price: env.price(),
    searches: calls.filter((c) => c.method === 'findAll').length,
    reads: calls.filter((c) => c.kind === 'read' || c.kind === 'apiGet').length,
    answered,
  };
}

const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });

export function benchPanelRequests(): void {
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const placement of PLACEMENTS)
    for (const backend of BACKENDS)
      for (const { spools, logRows } of SIZES) {
        const env = memoryEnvironment(panelWorkbook(spools, logRows, placement, NOW), {
          clock: new ManualClock(NOW),
          backend,
        });
        // Steady state: the sidebar was opened within the minute (time zone, headers and workers cached),
        // and the shop has written before (an INICIAR then a CANCELAR of a free spool: the append hint is
        // stored, as after any write of the day; the 20 held spools stay held).
        bootstrap(env.ports());
        listUnions(env.ports(), { ot: otOf(1), operation: 'ARM' });
        const heldNow = occupiedSpools(env.ports()).spools;
        const free = [1, 2, 3, 4, 5].find((i) => !heldNow.some((h) => h.tagSpool === tagOf(i)))!;
        warmWrite(env.ports(), free);
        const held = occupiedSpools(env.ports()).spools.at(-1)!;
        for (const request of REQUESTS) {
          const run = measure(env, request, held);
          rows.push([
            request.name,
            PATH[backend],
            placement,
            `${fmt(spools)} / ${fmt(logRows)}`,
            fmt(run.price.cellsRead),
            String(run.searches),
            String(run.reads),
            String(run.price.roundTrips),
            fmt(run.price.ms),
            run.answered,
          ]);
          if (backend === 'spreadsheetApp' && spools === 10_000 && run.price.ms > MUST_MS)
            failures.push(`${request.name} (${placement}) ${fmt(run.price.ms)} ms`);
        }
      }
  printTable(
    'Issue 16: the Panel requests, 20 spools held, 300 events today; cache warm (spools / Metadata rows)',
    [
      'request',
      'path',
      'held spools',
      'spools / log rows',
      'cells read',
      'searches',
      'reads',
      'round trips',
      'modeled ms',
      'answered',
    ],
    rows,
  );
  console.log(
    failures.length === 0
      ? `  SpreadsheetApp, 10,000 spools: every Panel request ≤ ${fmt(MUST_MS)} ms modeled (must).`
      : `  SpreadsheetApp, 10,000 spools, over ${fmt(MUST_MS)} ms modeled (must): ${failures.join('; ')}.`,
  );
}
