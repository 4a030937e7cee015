// Bench: every request priced with the cost model (src/memory/costModel.ts) on a production-sized workbook,
// both paths: FINALIZAR of 1, 10, 19 and 20 scattered unions (20 completes the spool), INICIAR, the
// listing and the metrics recompute. Modeled milliseconds are what Google's services would spend; the
// use-case CPU is measured here.

import { finishWork } from '../../src/app/finishWork';
import { listUnions } from '../../src/app/listUnions';
import { recomputeAllMetrics } from '../../src/app/metrics';
import { startWork } from '../../src/app/startWork';
import type { Price } from '../../src/memory/costModel';
import { ManualClock, memoryEnvironment, type Backend } from '../../src/memory/memoryPorts';
import type { Ports } from '../../src/ports';
import { timed } from './countingPorts';
import { printTable } from './print';
import { otOf, productionWorkbook, SCATTERED_SPOOL, SCATTERED_UNIONS } from './productionWorkbook';

const NOW = Date.UTC(2026, 10, 22, 13);
const BACKENDS: Backend[] = ['spreadsheetApp', 'sheetsApi'];
const PATH: Record<Backend, string> = { spreadsheetApp: 'SpreadsheetApp', sheetsApi: 'Sheets API' };

interface Run {
  price: Price;
  cpuMs: number;
}

type Environment = ReturnType<typeof memoryEnvironment>;

/** Runs `request` on `env` as one execution: its calls priced, its CPU measured outside the port calls. */
function priced(env: Environment, request: (ports: Ports) => unknown): Run {
  const counted = { lock: 0, properties: 0, portMs: 0 };
  const base = env.ports();
  const ports = { ...base, spreadsheet: timed(base.spreadsheet, counted) };
  env.resetCalls();
  const started = performance.now();
  request(ports);
  const cpuMs = performance.now() - started - counted.portMs;
  return { price: env.price(), cpuMs };
}

function fresh(backend: Backend): Environment {
  return memoryEnvironment(productionWorkbook(), { clock: new ManualClock(NOW), backend });
}

const ot = otOf(SCATTERED_SPOOL);
const finish = (n: number) => (ports: Ports) =>
  finishWork(ports, {
    ot,
    operation: 'ARM',
    workerId: 93,
    unionKeys: Array.from({ length: n }, (_, i) => `${ot}+${i + 1}`),
    requestId: `bench-finish-${n}`,
  });

const row = (request: string, backend: Backend, run: Run): string[] => [
  request,
  PATH[backend],
  String(run.price.reads),
  run.price.cellsRead.toLocaleString('en'),
  String(run.price.writes),
  run.price.cellsWritten.toLocaleString('en'),
  String(run.price.roundTrips),
  String(run.price.flushes),
  run.price.ms.toLocaleString('en', { maximumFractionDigits: 1 }),
  run.cpuMs.toFixed(0),
];

const HEADER = [
  'request',
  'path',
  'reads',
  'cells read',
  'writes',
  'cells written',
  'round trips',
  'flushes',
  'modeled ms',
  'use-case CPU ms',
];

export function benchPricedRequests(): void {
  const rows: string[][] = [];
  const finishes = new Map<Backend, Run[]>();
  for (const backend of BACKENDS) {
    const runs = [1, 10, 19, SCATTERED_UNIONS].map((n) => {
      const run = priced(fresh(backend), finish(n));
      rows.push(row(`FINALIZAR ${n}${n === SCATTERED_UNIONS ? ' (completes)' : ''}`, backend, run));
      return run;
    });
    finishes.set(backend, runs);
  }
  for (const backend of BACKENDS) {
    const env = fresh(backend);
    const tag = `TAG-${String(2).padStart(6, '0')}`;
    rows.push(
      row(
        'INICIAR',
        backend,
        priced(env, (ports) =>
          startWork(ports, { tagSpool: tag, operation: 'ARM', workerId: 93, requestId: 'bench-start' }),
        ),
      ),
    );
    rows.push(
      row(
        'listing (one OT)',
        backend,
        priced(env, (ports) => listUnions(ports, { ot, operation: 'ARM' })),
      ),
    );
    rows.push(
      row(
        'metrics recompute, all 10,000 rewritten',
        backend,
        priced(env, (ports) => recomputeAllMetrics(ports, 'bench-m1')),
      ),
    );
    rows.push(
      row(
        'metrics recompute, nothing to rewrite',
        backend,
        priced(env, (ports) => recomputeAllMetrics(ports, 'bench-m2')),
      ),
    );
  }
  printTable(
    `Requests priced with the cost model on 10,000 spools / 100,010 unions (${ot}: ${SCATTERED_UNIONS} unions scattered over Uniones)`,
    HEADER,
    rows,
  );
  for (const backend of BACKENDS) {
    const trio = finishes.get(backend)!.slice(0, 3);
    const spread = (f: (r: Run) => number) => Math.max(...trio.map(f)) - Math.min(...trio.map(f));
    const besidesWrites = (r: Run) =>
      r.price.ms -
      (r.price.msByKind.write ?? 0) -
      (r.price.msByKind.lookup ?? 0) -
      (r.price.msByKind.apiUpdate ?? 0);
    console.log(
      `  ${PATH[backend]}, FINALIZAR 1 / 10 / 19: reads ${trio.map((r) => r.price.reads).join(' / ')}, ` +
        `cells read ${spread((r) => r.price.cellsRead) === 0 ? 'equal' : 'NOT EQUAL'}; modeled ` +
        `${trio.map((r) => r.price.ms.toFixed(1)).join(' / ')} ms (spread ${spread((r) => r.price.ms).toFixed(1)} ms; ` +
        `${spread(besidesWrites).toFixed(1)} ms once writes and their getRange lookups are set aside)`,
    );
  }
}
