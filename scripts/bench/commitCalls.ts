// Bench: one commit of N scattered rows on a 20,000-row sheet, priced with the cost model, adapter vs a
// naive per-cell baseline: the adapter writes exact rectangles and reads nothing back.

import { UnitOfWork } from '../../src/data/unitOfWork';
import { PRODUCTION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';
import { escapeText } from '../../src/domain/text';
import { AppsScriptSpreadsheet } from '../../src/gas/spreadsheetAdapter';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { printTable } from './print';

const ROWS = 20_000;
const COLUMNS = ['Ocupado_Por', 'Fecha_Ocupacion', 'Estado_Detalle'];

function book(): FakeSpreadsheet {
  const ss = new FakeSpreadsheet();
  const header = [...PRODUCTION_OPERACIONES_HEADER];
  const ot = header.indexOf('OT');
  const tag = header.indexOf('TAG_SPOOL');
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const row: unknown[] = header.map(() => '');
    row[ot] = `OT-${Math.floor(i / 10)}`;
    row[tag] = `SP-${i}`;
    return row;
  });
  ss.addSheet('Operaciones', [header, ...rows]);
  return ss;
}

function scatteredRows(n: number): number[] {
  // Evenly spread over the sheet: the worst case for contiguous writes.
  return Array.from({ length: n }, (_, i) => 2 + Math.floor((i * (ROWS - 1)) / Math.max(1, n)));
}

export function benchCommitCalls(): void {
  const ss = book();
  const results: string[][] = [];
  for (const n of [1, 10, 100, 500]) {
    const rows = scatteredRows(n);
    const uow = new UnitOfWork(new AppsScriptSpreadsheet(ss));
    const table = uow.table({ sheet: 'Operaciones', required: COLUMNS });
    for (const row of rows) {
      for (const column of COLUMNS) uow.set(table, row, column, escapeText(`W${row}`));
    }
    ss.calls.reset();
    const started = performance.now();
    uow.commit();
    const adapterMs = performance.now() - started;
    const adapterCalls = ss.calls.of('Operaciones');
    const adapter = ss.calls.price();

    ss.calls.reset();
    const sheet = ss.getSheetByName('Operaciones')!;
    const columnIndex = (name: string) => PRODUCTION_OPERACIONES_HEADER.indexOf(name) + 1;
    for (const row of rows) {
      for (const column of COLUMNS) sheet.getRange(row, columnIndex(column)).setValue(`N${row}`);
    }
    const naiveCalls = ss.calls.of('Operaciones');
    const naive = ss.calls.price();
    const ms = (p: { ms: number }) => p.ms.toLocaleString('en', { maximumFractionDigits: 1 });
    results.push([
      String(n),
      String(adapterCalls),
      String(adapter.reads),
      String(adapter.writes),
      ms(adapter),
      String(naiveCalls),
      ms(naive),
      adapterMs.toFixed(1),
    ]);
  }
  printTable(
    `Commit of N scattered rows × ${COLUMNS.length} columns on a ${ROWS.toLocaleString('en')}-row Operaciones, priced (goal: no reads; writes are buffered)`,
    [
      'rows',
      'adapter calls',
      'reads',
      'writes',
      'modeled ms',
      'naive per-cell calls',
      'naive modeled ms',
      'adapter CPU ms',
    ],
    results,
  );
}
