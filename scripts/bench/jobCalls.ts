// Bench: the resumable metrics job (issue 10). Runs priced with the cost model (src/memory/costModel.ts)
// under a clock that advances by the modeled time of each run's service calls, so the runner's 4.5-minute
// budget is spent as Apps Script would spend it; CPU measured apart from the in-memory services.

import { runJobStep } from '../../src/app/batch/runner';
import { METRICS_JOB, MetricsJobService } from '../../src/app/metricsJob';
import { JobRepository, type JobRecord } from '../../src/data/jobRepository';
import { loadSettings, saveSettings } from '../../src/data/settingsRepository';
import { METADATA_HEADER, PRODUCTION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';
import { propertiesAdapter } from '../../src/gas/services';
import { FakeProperties } from '../../src/memory/fakeServices';
import { addWorkerSheets, DEMO_WORKERS } from '../../src/memory/demoWorkbook';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { memoryEnvironment } from '../../src/memory/memoryPorts';
import type { ClockPort, Ports } from '../../src/ports';
import { timed } from './countingPorts';
import { printTable } from './print';
import { productionWorkbook } from './productionWorkbook';

const START = Date.UTC(2026, 10, 22, 13);
const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

/** A clock at `base` plus the modeled milliseconds of the calls priced so far in this execution. */
class ModeledClock implements ClockPort {
  base = START;
  constructor(private readonly modeled: () => number) {}
  now(): number {
    return Math.round(this.base + this.modeled());
  }
}

interface RunFigures {
  status: string;
  processed: number;
  reads: number;
  writes: number;
  roundTrips: number;
  flushes: number;
  modeledMs: number;
  cpuMs: number;
  peakMb: number;
  checkpointMs: number[];
  validationMs: number[];
}

/** Runs the metrics job on `book` until it finishes, one execution per run, each priced. */
function runToEnd(
  book: FakeSpreadsheet,
  settings: Record<string, unknown>,
  maxRuns = 10,
): { runs: RunFigures[]; job: JobRecord | null } {
  let modeled = 0;
  let counterStart = 0;
  const clock = new ModeledClock(() => modeled);
  const env = memoryEnvironment(book, { clock });
  const priceNow = () => env.price().ms - counterStart;
  saveSettings(env.ports().properties, settings);
  const runs: RunFigures[] = [];
  let job: JobRecord | null = null;
  for (let run = 0; run < maxRuns; run++) {
    gc?.();
    const baseline = heapMb();
    let peak = baseline;
    env.resetCalls();
    counterStart = 0;
    const counted = { lock: 0, properties: 0, portMs: 0 };
    const base = env.ports();
    const ports: Ports = {
      ...base,
      spreadsheet: timed(base.spreadsheet, counted),
      clock: {
        now: () => {
          modeled = priceNow();
          peak = Math.max(peak, heapMb());
          return clock.now();
        },
      },
    };
    const started = performance.now();
    const outcome = runJobStep(
      {
        ports,
        settings: loadSettings(ports.properties),
        jobs: new JobRepository(ports.properties, ports.cache),
        timer: () => performance.now(),
      },
      METRICS_JOB,
      'trigger',
    );
    const cpuMs = performance.now() - started - counted.portMs;
    peak = Math.max(peak, heapMb());
    const price = env.price();
    job = outcome.job;
    runs.push({
      status: outcome.job?.status ?? outcome.outcome,
      processed: outcome.job?.cursor.index ?? 0,
      reads: price.reads,
      writes: price.writes,
      roundTrips: price.roundTrips,
      flushes: price.flushes,
      modeledMs: price.ms,
      cpuMs,
      peakMb: peak - baseline,
      checkpointMs: outcome.metrics?.checkpointMs ?? [],
      validationMs: outcome.metrics?.validationMs ?? [],
    });
    if (outcome.job?.status !== 'PENDING') break;
    // The continuation trigger, a minute later.
    clock.base += price.ms + 60_000;
    modeled = 0;
  }
  return { runs, job };
}

/** One execution of the whole recompute on `book` through the service: modeled ms, CPU, heap growth. */
function onePass(book: FakeSpreadsheet, batchProcessing: boolean) {
  const env = memoryEnvironment(book, { clock: { now: () => START } });
  saveSettings(env.ports().properties, { batchProcessing, batchSize: 50 });
  gc?.();
  const baseline = heapMb();
  env.resetCalls();
  const counted = { lock: 0, properties: 0, portMs: 0 };
  const base = env.ports();
  const ports = { ...base, spreadsheet: timed(base.spreadsheet, counted) };
  const started = performance.now();
  const status = new MetricsJobService({
    ports,
    jobs: new JobRepository(ports.properties, ports.cache),
    triggers: null,
    ui: null,
  }).run('menu');
  const cpuMs = performance.now() - started - counted.portMs;
  const growth = heapMb() - baseline;
  return { status, price: env.price(), cpuMs, growth };
}

/** A production-shaped workbook cut to its first `spools` spools (and their unions). */
function smallBook(spools: number): FakeSpreadsheet {
  const whole = productionWorkbook();
  const operaciones = whole
    .sheet('Operaciones')
    .dump()
    .slice(0, spools + 1);
  const tags = new Set(
    operaciones.slice(1).map((r) => r[PRODUCTION_OPERACIONES_HEADER.indexOf('TAG_SPOOL')]),
  );
  const uniones = whole.sheet('Uniones').dump();
  const tagCol = uniones[0]!.indexOf('TAG_SPOOL');
  const book = new FakeSpreadsheet();
  book.addSheet('Operaciones', operaciones);
  book.addSheet('Uniones', [uniones[0]!, ...uniones.slice(1).filter((r) => tags.has(r[tagCol]!))]);
  book.addSheet('Metadata', [[...METADATA_HEADER]]);
  addWorkerSheets(book, DEMO_WORKERS);
  return book;
}

const avg = (list: number[]) => (list.length === 0 ? 0 : list.reduce((a, b) => a + b, 0) / list.length);

export function benchJobs(): void {
  // 1. The whole recompute of 10,000 spools / 100,010 unions, batch path, until done.
  const { runs } = runToEnd(productionWorkbook(), { batchProcessing: true, batchSize: 50 });
  printTable(
    'Metrics job, batch path (50 a batch, budget 4.5 min modeled), 10,000 spools / 100,010 unions, every spool rewritten (goal: each run < 5 min modeled, ≤ 3 runs)',
    [
      'run',
      'status',
      'spools done',
      'reads',
      'writes',
      'round trips',
      'flushes',
      'modeled ms',
      'CPU ms',
      'peak heap MB',
    ],
    runs.map((r, i) => [
      String(i + 1),
      r.status,
      fmt(r.processed),
      String(r.reads),
      fmt(r.writes),
      fmt(r.roundTrips),
      String(r.flushes),
      fmt(r.modeledMs),
      fmt(r.cpuMs),
      fmt(r.peakMb),
    ]),
  );
  const checkpoints = runs.flatMap((r) => r.checkpointMs);
  const validations = runs.flatMap((r) => r.validationMs);
  console.log(
    `  per batch of 50 (CPU): checkpoint avg ${avg(checkpoints).toFixed(2)} ms, max ${Math.max(...checkpoints).toFixed(2)} ms (goal < 50); ` +
      `validation avg ${avg(validations).toFixed(2)} ms, max ${Math.max(...validations).toFixed(2)} ms (goal < 200)`,
  );

  // 2. 500 spools: the batch path against the single pass.
  const single = onePass(smallBook(500), false);
  const batched = onePass(smallBook(500), true);
  const rows = [
    ['single pass', single],
    ['batch path', batched],
  ] as const;
  printTable(
    '500 spools and their unions, every spool rewritten (goals: < 5 s modeled; batch path within 10 % of the single pass; heap growth < 100 MB)',
    [
      'path',
      'changed',
      'reads',
      'writes',
      'round trips',
      'flushes',
      'modeled ms',
      'CPU ms',
      'heap growth MB',
    ],
    rows.map(([name, r]) => [
      name,
      String(r.status.changed),
      String(r.price.reads),
      String(r.price.writes),
      String(r.price.roundTrips),
      String(r.price.flushes),
      fmt(r.price.ms),
      fmt(r.cpuMs),
      fmt(r.growth),
    ]),
  );
  console.log(
    `  batch path vs single pass: modeled ${(((batched.price.ms - single.price.ms) / single.price.ms) * 100).toFixed(1)} %, ` +
      `CPU ${(((batched.cpuMs - single.cpuMs) / single.cpuMs) * 100).toFixed(1)} %`,
  );

  // 3. One failing batch in 20: 1,000 spools, one batch with a note typed into a metric cell.
  const failing = smallBook(1_000);
  const totalCol = PRODUCTION_OPERACIONES_HEADER.indexOf('Total_Uniones') + 1;
  failing
    .sheet('Operaciones')
    .getRange(2 + 510, totalCol)
    .setValue('ver nota');
  const { job } = runToEnd(failing, { batchProcessing: true, batchSize: 50 });
  const written = job?.counters.written ?? 0;
  console.log(
    `  1,000 spools (${fmt(failing.sheet('Uniones').dump().length - 1)} unions), 1 failing batch in 20: ${job?.completedBatches ?? '?'} batches, ${job?.counters.failedBatches ?? '?'} failed, ` +
      `${written} of 1,000 spools committed (${((written / 1_000) * 100).toFixed(1)} %; goal ≥ 95 %)`,
  );

  // 4. active() / resumable() over 1,000 job records.
  const store = new FakeProperties();
  const repo = new JobRepository(propertiesAdapter(store));
  const statuses = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
  for (let i = 0; i < 1_000; i++) {
    repo.create({ id: `job-${i}`, kind: 'metrics', now: START + i, requestedBy: 'trigger' });
    repo.update(
      `job-${i}`,
      () => ({ status: statuses[i % 5], completedBatches: i % 3, heartbeat: START - (i % 2) * 600_000 }),
      START + i,
    );
  }
  const bytes = Object.entries(store.getProperties()).reduce((n, [k, v]) => n + k.length + v.length, 0);
  // Median of 5 timings, each from a fresh execution's read of the properties.
  const median = (f: () => number) => {
    const times = Array.from({ length: 5 }, () => {
      const started = performance.now();
      f();
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return times[2]!;
  };
  const active = new JobRepository(propertiesAdapter(store)).active();
  const resumable = new JobRepository(propertiesAdapter(store)).resumable(START, 270_000);
  const activeMs = median(() => new JobRepository(propertiesAdapter(store)).active().length);
  const resumableMs = median(
    () => new JobRepository(propertiesAdapter(store)).resumable(START, 270_000).length,
  );
  console.log(
    `  1,000 job records (${fmt(bytes / 1024)} KB of properties): active() ${active.length} jobs in ${activeMs.toFixed(1)} ms CPU (median of 5), ` +
      `resumable() ${resumable.length} in ${resumableMs.toFixed(1)} ms CPU, each one getProperties (30 ms modeled); goal < 50 ms`,
  );
}
