// Bench: FINALIZAR on a production-sized workbook (10,000 spools, 100,010 unions): service calls per sheet
// against a naive per-union baseline, and the batch commit of 100 and 500 unions, priced with the cost
// model (pricedRequests.ts prices every request in detail).

import { finishWork } from '../../src/app/finishWork';
import { openRequest, TRACKING_SHEETS } from '../../src/app/request';
import { SHEETS, UNIONES_HEADER } from '../../src/data/productionHeaders';
import { SHEETS_API_TARGET } from '../../src/memory/fakeSheetsApi';
import { ManualClock, memoryEnvironment, type Backend } from '../../src/memory/memoryPorts';
import { printTable } from './print';
import { otOf, productionWorkbook, UNIONS_PER_SPOOL } from './productionWorkbook';

const NOW = Date.UTC(2026, 10, 22, 13);
const SHEET_ORDER = [SHEETS.uniones, SHEETS.operaciones, SHEETS.metadata, SHEETS.trabajadores, SHEETS.roles];

function environment(backend: Backend) {
  const book = productionWorkbook();
  return { book, env: memoryEnvironment(book, { clock: new ManualClock(NOW), backend }) };
}

function runFinish(backend: Backend, n: number, spool: number) {
  const { book, env } = environment(backend);
  const ot = otOf(spool);
  env.resetCalls();
  const result = finishWork(env.ports(), {
    ot,
    operation: 'ARM',
    workerId: 93,
    unionKeys: Array.from({ length: n }, (_, i) => `${ot}+${i + 1}`),
    requestId: `bench-${backend}-${n}`,
  });
  return { book, result, price: env.price() };
}

/** The naive way: read and write each union's cells one call at a time, append each event alone. */
function naive(n: number): string {
  const book = productionWorkbook();
  const sheet = book.getSheetByName(SHEETS.uniones)!;
  const meta = book.getSheetByName(SHEETS.metadata)!;
  book.calls.reset();
  for (let i = 0; i < n; i++) {
    const row = 2 + i * 97; // scattered over the sheet
    sheet.getRange(row, 1, 1, UNIONES_HEADER.length).getValues();
    for (const column of ['ARM_FECHA_INICIO', 'ARM_FECHA_FIN', 'ARM_WORKER', 'version']) {
      sheet.getRange(row, UNIONES_HEADER.indexOf(column) + 1).setValue('x');
    }
    meta.appendRow(['ev', 'x']);
  }
  const price = book.calls.price().ms.toLocaleString('en', { maximumFractionDigits: 0 });
  return `${book.calls.total()} calls, ${price} ms`;
}

/** The repository's batch record: n unions of n/10 OTs scattered over the sheet, one commit. */
function batchRecord(backend: Backend, n: number) {
  const { book, env } = environment(backend);
  const scope = openRequest(env.ports());
  env.resetCalls();
  scope.uow.prefetch(TRACKING_SHEETS, [SHEETS.metadata]);
  const spools = n / UNIONS_PER_SPOOL;
  for (let i = 0; i < spools; i++) {
    const ot = otOf(Math.floor((i * 10_000) / spools));
    for (const union of scope.unions.byOt(ot)) {
      scope.unions.record(union, 'ARM', { worker: 'MR(93)', inicio: NOW, fin: NOW });
    }
  }
  scope.uow.commit();
  return { calls: book.calls, price: env.price() };
}

export function benchFinishWork(): void {
  const rows: string[][] = [];
  const ms = (price: { ms: number }) => price.ms.toLocaleString('en', { maximumFractionDigits: 0 });
  for (const n of [1, 10, 19, 20]) {
    const app = runFinish('spreadsheetApp', n, 0);
    const api = runFinish('sheetsApi', n, 0);
    const perSheet = app.book.calls.byTarget();
    rows.push([
      `FINALIZAR ${n}`,
      SHEET_ORDER.map((s) => `${s.slice(0, 4)} ${perSheet[s] ?? 0}`).join(', '),
      String(app.book.calls.total()),
      ms(app.price),
      String(api.book.calls.of(SHEETS_API_TARGET)),
      ms(api.price),
      String(naive(n)),
    ]);
  }
  for (const n of [100, 500]) {
    const app = batchRecord('spreadsheetApp', n);
    const api = batchRecord('sheetsApi', n);
    const perSheet = app.calls.byTarget();
    rows.push([
      `batch record ${n}`,
      SHEET_ORDER.map((s) => `${s.slice(0, 4)} ${perSheet[s] ?? 0}`).join(', '),
      String(app.calls.total()),
      ms(app.price),
      String(api.calls.of(SHEETS_API_TARGET)),
      ms(api.price),
      String(naive(n)),
    ]);
  }
  printTable(
    'Service calls on a workbook of 10,000 spools / 100,010 unions (an OT holds ≤ 20 unions: 100 and 500 are a batch record over many OTs in one commit); modeled ms include the lock and properties a request takes',
    [
      'request',
      'SpreadsheetApp calls per sheet',
      'SpreadsheetApp total',
      'modeled ms',
      'Sheets API calls',
      'modeled ms',
      'naive per-union',
    ],
    rows,
  );
}
