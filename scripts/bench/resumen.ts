// Bench: the Resumen refresh (issue 16 §9) at 10,000 and 100,000 unions, priced with the cost model
// (src/memory/costModel.ts): one execution must stay within 60 s modeled. Unions finished over the last
// 60 days (text, Date and serial dates mixed, as the two systems write them), half of them welded.

import { summaryService } from '../../src/app/resumen/summaryJob';
import type { Cell } from '../../src/domain/cell';
import { instantToSerial } from '../../src/domain/dates';
import { formatDateTime } from '../../src/domain/dates';
import {
  METADATA_HEADER,
  PRODUCTION_OPERACIONES_HEADER,
  UNIONES_HEADER,
} from '../../src/data/productionHeaders';
import { addWorkerSheets, DEMO_WORKERS } from '../../src/memory/demoWorkbook';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { memoryEnvironment } from '../../src/memory/memoryPorts';
import { timed } from './countingPorts';
import { lastCapacity } from '../../src/app/resumen/lastCapacity';
import { printTable } from './print';

const NOW = Date.UTC(2026, 10, 22, 13);
const TZ = 'America/Santiago';
const DAY = 86_400_000;
const WORKERS = ['MR(93)', 'JP(94)', 'AP(95)', 'CS(96)', 'LV(97)', 'RF(98)'];
/** Issue 16 §9: a refresh fits one execution when it stays under this, modeled. */
const BOUND_MS = 60_000;
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

/** A finish date `i` steps back over 60 days, in the form the row's writer used. */
function dateCell(at: number, i: number): Cell {
  if (i % 3 === 0) return new Date(at);
  if (i % 3 === 1) return instantToSerial(at, TZ);
  return formatDateTime(at, TZ);
}

function benchBook(unions: number): FakeSpreadsheet {
  const col = (name: string) => UNIONES_HEADER.indexOf(name);
  const spools = Math.ceil(unions / 10);
  const operaciones: Cell[][] = [[...PRODUCTION_OPERACIONES_HEADER]];
  const ot = PRODUCTION_OPERACIONES_HEADER.indexOf('OT');
  const tag = PRODUCTION_OPERACIONES_HEADER.indexOf('TAG_SPOOL');
  for (let s = 0; s < spools; s++) {
    const row: Cell[] = PRODUCTION_OPERACIONES_HEADER.map(() => '');
    row[ot] = `OT-${s + 1}`;
    row[tag] = `TAG-${s + 1}`;
    operaciones.push(row);
  }
  const rows: Cell[][] = [[...UNIONES_HEADER]];
  for (let i = 0; i < unions; i++) {
    const row: Cell[] = UNIONES_HEADER.map(() => '');
    const s = Math.floor(i / 10);
    row[col('OT')] = `OT-${s + 1}`;
    row[col('N_UNION')] = (i % 10) + 1;
    row[col('TAG_SPOOL')] = `TAG-${s + 1}`;
    row[col('DN_UNION')] = [4.5, 6, 8, 10, 12][i % 5]!;
    row[col('TIPO_UNION')] = 'BW';
    const armAt = NOW - ((i * 7919) % (60 * 1440)) * 60_000;
    row[col('ARM_FECHA_FIN')] = dateCell(armAt, i);
    row[col('ARM_WORKER')] = WORKERS[i % WORKERS.length]!;
    if (i % 2 === 0) {
      row[col('SOL_FECHA_FIN')] = dateCell(Math.min(NOW, armAt + DAY), i + 1);
      row[col('SOL_WORKER')] = WORKERS[(i + 1) % WORKERS.length]!;
    }
    row[col('version')] = 1;
    rows.push(row);
  }
  const book = new FakeSpreadsheet({ timeZone: TZ });
  book.addSheet('Operaciones', operaciones);
  book.addSheet('Uniones', rows);
  book.addSheet('Metadata', [[...METADATA_HEADER]]);
  addWorkerSheets(book, DEMO_WORKERS);
  return book;
}

export function benchResumen(): void {
  const rows: string[][] = [];
  const reads: string[][] = [];
  for (const unions of [10_000, 100_000]) {
    const book = benchBook(unions);
    const env = memoryEnvironment(book, { clock: { now: () => NOW } });
    for (const pass of ['first (creates)', 'second (updates)']) {
      env.resetCalls();
      const counted = { lock: 0, properties: 0, portMs: 0 };
      const base = env.ports();
      const started = performance.now();
      const result = summaryService({ ...base, spreadsheet: timed(base.spreadsheet, counted) }).refresh(
        'bench',
      );
      const cpuMs = performance.now() - started - counted.portMs;
      const price = env.price();
      rows.push([
        fmt(unions),
        pass,
        `${result.chart}, ${result.workerRows} worker rows`,
        fmt(price.reads),
        fmt(price.cellsRead),
        fmt(price.writes),
        fmt(price.cellsWritten),
        fmt(price.metadata),
        fmt(price.roundTrips),
        fmt(price.flushes),
        fmt(price.ms / 1000, 1),
        price.ms <= BOUND_MS ? 'yes' : 'NO',
        fmt(cpuMs),
      ]);
    }
    // The Panel's cheap read of the line that refresh wrote (apiLastCapacity): no lock, nothing written.
    env.resetCalls();
    const read = lastCapacity(env.ports());
    const price = env.price();
    reads.push([
      fmt(unions),
      read.state,
      fmt(price.reads),
      fmt(price.cellsRead),
      fmt(price.metadata),
      fmt(price.writes),
      fmt(price.roundTrips),
      fmt(price.ms),
    ]);
  }
  printTable(
    'Resumen refresh (issue 16 §9): one execution, SpreadsheetApp path, priced with the cost model',
    [
      'unions',
      'refresh',
      'chart',
      'reads',
      'cells read',
      'writes',
      'cells written',
      'metadata',
      'round trips',
      'flushes',
      'modeled s',
      '≤ 60 s',
      'CPU ms',
    ],
    rows,
  );
  printTable(
    'apiLastCapacity (the Panel on opening): the capacity line the last refresh wrote, read back',
    ['unions', 'state', 'reads', 'cells read', 'metadata', 'writes', 'round trips', 'modeled ms'],
    reads,
  );
}
