// Bench of issue 9: today's full-read design beside targeted reads, on 1,000 and 10,000 spools (10,010 and
// 100,010 unions; the OT's 20 unions split between the top and the end of Uniones), both paths: cells read,
// round trips and modeled milliseconds of a listing, an INICIAR and a 10-union FINALIZAR; then capacity.

import { bootstrap } from '../../src/app/bootstrap';
import { finishWork } from '../../src/app/finishWork';
import { listUnions } from '../../src/app/listUnions';
import { startWork } from '../../src/app/startWork';
import { saveSettings } from '../../src/data/settingsRepository';
import type { Price } from '../../src/memory/costModel';
import { ManualClock, memoryEnvironment, type Backend } from '../../src/memory/memoryPorts';
import type { Ports } from '../../src/ports';
import { timed } from './countingPorts';
import { printTable } from './print';
import { otOf, splitWorkbook } from './productionWorkbook';

const NOW = Date.UTC(2026, 10, 22, 13);
const SIZES = [1_000, 10_000];
const BACKENDS: Backend[] = ['spreadsheetApp', 'sheetsApi'];
const PATH: Record<Backend, string> = { spreadsheetApp: 'SpreadsheetApp', sheetsApi: 'Sheets API' };
const DESIGNS = ['full read (today)', 'targeted (issue 9)'] as const;
type Design = (typeof DESIGNS)[number];
const REQUESTS = ['listing', 'INICIAR', 'FINALIZAR 10'] as const;
type RequestName = (typeof REQUESTS)[number];

/** A spreadsheet holds at most 10 million cells (every cell of every sheet's grid counts). */
const CELL_LIMIT = 10_000_000;

export interface Run {
  price: Price;
  cpuMs: number;
  heapMb: number;
  /** The request's service calls in order (printed with `npm run bench -- --calls`). */
  calls: string[];
}

/** `npm run bench -- --calls`: print each request's call log (10,000 spools, targeted, both paths). */
const PRINT_CALLS = process.argv.includes('--calls');

const ot = otOf(0);
const tag = 'TAG-000000';

/** Runs `request` as one execution: its calls priced with the cost model, its CPU and heap growth measured. */
export function measure(env: ReturnType<typeof memoryEnvironment>, request: (ports: Ports) => unknown): Run {
  const counted = { lock: 0, properties: 0, portMs: 0 };
  const base = env.ports();
  const ports = { ...base, spreadsheet: timed(base.spreadsheet, counted) };
  const counters = [
    ...new Set([
      env.spreadsheet.calls,
      env.lockService.calls,
      env.propertiesService.calls,
      env.cacheService.calls,
    ]),
  ];
  counters.forEach((c) => (c.keepLog = PRINT_CALLS));
  env.resetCalls();
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  request(ports);
  const cpuMs = performance.now() - started - counted.portMs;
  const heapMb = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const calls = counters.flatMap((c) => c.log);
  return { price: env.price(), cpuMs, heapMb, calls };
}

/**
 * Steady state: someone opened the sidebar within the minute, so the cache holds headers and workers, and
 * the shop has recorded work before (the audit log's append hint is stored). Spools 2 and 3 are used.
 */
export function warmUp(env: ReturnType<typeof memoryEnvironment>): void {
  bootstrap(env.ports());
  listUnions(env.ports(), { ot: otOf(1), operation: 'ARM' });
  startWork(env.ports(), {
    tagSpool: 'TAG-000002',
    operation: 'ARM',
    workerId: 93,
    requestId: 'bench-warm-1',
  });
  finishWork(env.ports(), {
    ot: otOf(2),
    operation: 'ARM',
    workerId: 93,
    unionKeys: [`${otOf(2)}+1`],
    requestId: 'bench-warm-2',
  });
}

/** The three requests in the order a worker makes them, each priced as one execution. */
function runAll(spools: number, backend: Backend, design: Design): Map<RequestName, Run> {
  const env = memoryEnvironment(splitWorkbook(spools), { clock: new ManualClock(NOW), backend });
  if (design === 'full read (today)') saveSettings(env.ports().properties, { targetedReads: false });
  else warmUp(env);
  const out = new Map<RequestName, Run>();
  out.set(
    'listing',
    measure(env, (p) => listUnions(p, { ot, operation: 'ARM' })),
  );
  out.set(
    'INICIAR',
    measure(env, (p) =>
      // As the sidebar sends them: the OT the spool was listed under, the listed spools' tags.
      startWork(p, {
        tagSpool: tag,
        operation: 'ARM',
        workerId: 93,
        requestId: 'bench-i9-start',
        listedOt: ot,
      }),
    ),
  );
  out.set(
    'FINALIZAR 10',
    measure(env, (p) =>
      finishWork(p, {
        ot,
        operation: 'ARM',
        workerId: 93,
        unionKeys: Array.from({ length: 10 }, (_, i) => `${ot}+${i + 1}`),
        requestId: 'bench-i9-finish',
        listedTags: [tag],
      }),
    ),
  );
  return out;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

export function benchTargetedReads(): void {
  const results = new Map<string, Run>();
  const key = (spools: number, backend: Backend, design: Design, request: RequestName) =>
    `${spools}|${backend}|${design}|${request}`;
  for (const spools of SIZES)
    for (const backend of BACKENDS)
      for (const design of DESIGNS)
        for (const [request, run] of runAll(spools, backend, design))
          results.set(key(spools, backend, design, request), run);

  const rows: string[][] = [];
  for (const request of REQUESTS)
    for (const backend of BACKENDS)
      for (const design of DESIGNS) {
        const [small, big] = SIZES.map((s) => results.get(key(s, backend, design, request))!);
        rows.push([
          request,
          PATH[backend],
          design,
          fmt(small!.price.cellsRead),
          fmt(big!.price.cellsRead),
          `${small!.price.roundTrips} / ${big!.price.roundTrips}`,
          fmt(small!.price.ms),
          fmt(big!.price.ms),
          `${small!.cpuMs.toFixed(0)} / ${big!.cpuMs.toFixed(0)}`,
        ]);
      }
  printTable(
    `Issue 9: full reads beside targeted reads, 1,000 spools (10,010 unions) and 10,000 spools (100,010 unions); ${ot}'s 20 unions split between the top and the end of Uniones; cache warm`,
    [
      'request',
      'path',
      'design',
      'cells read 1k',
      'cells read 10k',
      'round trips 1k / 10k',
      'modeled ms 1k',
      'modeled ms 10k',
      'CPU ms 1k / 10k',
    ],
    rows,
  );
  for (const backend of BACKENDS) {
    const checks = REQUESTS.map((request) => {
      const [small, big] = SIZES.map((s) => results.get(key(s, backend, 'targeted (issue 9)', request))!);
      const growth = (big!.price.cellsRead - small!.price.cellsRead) / small!.price.cellsRead;
      return `${request} ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`;
    });
    console.log(
      `  ${PATH[backend]}, targeted, cells read 100,010 vs 10,010 unions: ${checks.join('; ')} (must be within 10 %)`,
    );
  }
  const finish = results.get(key(10_000, 'spreadsheetApp', 'targeted (issue 9)', 'FINALIZAR 10'))!;
  const listing = results.get(key(10_000, 'spreadsheetApp', 'targeted (issue 9)', 'listing'))!;
  console.log(
    `  SpreadsheetApp, 10,000 spools: FINALIZAR 10 ${fmt(finish.price.ms)} ms (must ≤ 1,500, goal ≤ 1,200); ` +
      `listing ${fmt(listing.price.ms)} ms (must ≤ 900, goal ≤ 700); FINALIZAR by kind: ${Object.entries(
        finish.price.msByKind,
      )
        .map(([k, v]) => `${k} ${fmt(v ?? 0)}`)
        .join(', ')}`,
  );
  const heap = SIZES.map(
    (s) => results.get(key(s, 'spreadsheetApp', 'targeted (issue 9)', 'FINALIZAR 10'))!.heapMb,
  );
  console.log(
    `  Heap growth during a targeted FINALIZAR 10 (SpreadsheetApp), 1k / 10k spools: ${heap.map((h) => h.toFixed(1)).join(' / ')} MB`,
  );
  benchCapacity(finish);
  if (!PRINT_CALLS) return;
  for (const backend of BACKENDS)
    for (const request of REQUESTS) {
      const run = results.get(key(10_000, backend, 'targeted (issue 9)', request))!;
      console.log(
        `\nCall log: ${request}, ${PATH[backend]}, 10,000 spools, targeted (${fmt(run.price.ms)} ms modeled)`,
      );
      for (const call of run.calls) console.log(`  ${call}`);
    }
}

/** Cells the workbook uses of the 10 million, and how long a 50-worker shop has at today's growth. */
function benchCapacity(finish: Run): void {
  void finish;
  const book = splitWorkbook(10_000);
  const sizes = book.sheetNames().map((name) => {
    const sheet = book.sheet(name);
    return { name, rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
  });
  const used = sizes.reduce((n, s) => n + s.rows * s.cols, 0);
  const opsCols = sizes.find((s) => s.name === 'Operaciones')!.cols;
  const uniCols = sizes.find((s) => s.name === 'Uniones')!.cols;
  const metaCols = sizes.find((s) => s.name === 'Metadata')!.cols;
  // Per spool: its row, 10 unions, and its audit rows: INICIAR (1) and FINALIZAR of 10 unions (1 spool event,
  // 10 union events, 1 summary) for ARM and again for SOLD.
  const auditRows = 2 * (1 + 1 + 10 + 1);
  const perSpool = opsCols + 10 * uniCols + auditRows * metaCols;
  // A 50-worker shop: half fit up, half weld; each records about one 10-union FINALIZAR a working day.
  const spoolsPerYear = (50 / 2) * 250;
  const perYear = perSpool * spoolsPerYear;
  printTable(
    'Capacity: cells of the 10,000-spool workbook (grid rows × columns, as Google counts them)',
    ['sheet', 'rows', 'columns', 'cells'],
    sizes.map((s) => [s.name, fmt(s.rows), fmt(s.cols), fmt(s.rows * s.cols)]),
  );
  console.log(
    `  Used ${fmt(used)} of ${fmt(CELL_LIMIT)} cells (${((used / CELL_LIMIT) * 100).toFixed(1)} %). Growth per spool: ` +
      `${opsCols} (Operaciones) + 10 × ${uniCols} (Uniones) + ${auditRows} audit rows × ${metaCols} (Metadata) = ${fmt(perSpool)} cells; ` +
      `a 50-worker shop (${fmt(spoolsPerYear)} spools a year: 25 FINALIZAR of 10 unions a working day each for ARM and SOLD, 250 days) ` +
      `adds ${fmt(perYear)} cells a year: ${((CELL_LIMIT - used) / perYear).toFixed(1)} years left.`,
  );
}
