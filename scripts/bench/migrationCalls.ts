// Bench: migrating a 67-column Operaciones (plus creating Uniones and Metadata): service calls and modeled
// time (cost model) + measured CPU, for 1,000 and 10,000 rows (goal: calls independent of rows, under 10 s).

import { migrateSchema } from '../../src/app/migrateSchema';
import type { Cell } from '../../src/domain/cell';
import { PRE_UNION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { memoryEnvironment } from '../../src/memory/memoryPorts';
import { timed } from './countingPorts';
import { printTable } from './print';

function preUnionBook(rows: number): FakeSpreadsheet {
  const header = PRE_UNION_OPERACIONES_HEADER;
  const ot = header.indexOf('OT');
  const tag = header.indexOf('TAG_SPOOL');
  const book = new FakeSpreadsheet();
  book.addSheet('Operaciones', [
    [...header],
    ...Array.from({ length: rows }, (_, i) => {
      const row: Cell[] = header.map(() => '');
      if (i % 97 !== 50) {
        row[ot] = `OT-${i}`;
        row[tag] = `TAG-${i}`;
      }
      return row;
    }),
  ]);
  return book;
}

export function benchMigration(): void {
  const rows: string[][] = [];
  for (const n of [1_000, 10_000]) {
    const book = preUnionBook(n);
    const env = memoryEnvironment(book);
    env.resetCalls();
    const started = performance.now();
    const counted = { lock: 0, properties: 0, portMs: 0 };
    const ports = env.ports();
    const result = migrateSchema(
      { ...ports, spreadsheet: timed(ports.spreadsheet, counted) },
      { dryRun: false },
    );
    const cpuMs = performance.now() - started - counted.portMs;
    const sheetCalls = book.calls.total();
    const price = env.price();
    book.calls.reset();
    const again = migrateSchema(env.ports(), { dryRun: false });
    rows.push([
      n.toLocaleString('en'),
      String(result.changes.length),
      String(sheetCalls),
      `${price.reads} / ${price.cellsRead.toLocaleString('en')}`,
      `${price.writes} / ${price.cellsWritten.toLocaleString('en')}`,
      String(price.roundTrips),
      cpuMs.toFixed(0),
      ((price.ms + cpuMs) / 1000).toFixed(2),
      `${again.upToDate ? 'up to date' : 'CHANGED'}, ${book.calls.total()} calls`,
    ]);
  }
  printTable(
    'Schema migration of a 67-column Operaciones (+ Uniones, Metadata created), priced with the cost model (goal: flat calls, < 10 s)',
    [
      'rows',
      'changes',
      'sheet calls',
      'reads / cells',
      'writes / cells',
      'round trips',
      'use-case CPU ms',
      'modeled s + CPU',
      'second run',
    ],
    rows,
  );
}
