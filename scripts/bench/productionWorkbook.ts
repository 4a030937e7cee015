// A production-sized workbook for the bench: 10,000 spools on the real Operaciones header and 100,000
// unions, built once and copied per run.

import type { Cell } from '../../src/domain/cell';
import {
  METADATA_HEADER,
  PRODUCTION_OPERACIONES_HEADER,
  UNIONES_HEADER,
} from '../../src/data/productionHeaders';
import { addWorkerSheets, DEMO_WORKERS } from '../../src/memory/demoWorkbook';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';

export const SPOOLS = 10_000;
export const UNIONS_PER_SPOOL = 10;

/** One spool per OT: a union's key is OT+N_UNION with N in 1–20, so an OT holds at most 20 unions. */
export const otOf = (spool: number) => `OT-${String(spool + 1).padStart(5, '0')}`;

let cached: { operaciones: Cell[][]; uniones: Cell[][] } | null = null;

function rows() {
  if (cached) return cached;
  const header = PRODUCTION_OPERACIONES_HEADER;
  const col = (name: string) => header.indexOf(name);
  const operaciones: Cell[][] = [[...header]];
  const uniones: Cell[][] = [[...UNIONES_HEADER]];
  const u = (name: string) => UNIONES_HEADER.indexOf(name);
  for (let s = 0; s < SPOOLS; s++) {
    const ot = otOf(s);
    const tag = `TAG-${String(s).padStart(6, '0')}`;
    const row: Cell[] = header.map(() => '');
    row[col('OT')] = ot;
    row[col('TAG_SPOOL')] = tag;
    row[col('NV')] = `NV-${s}`;
    row[col('version')] = 1;
    operaciones.push(row);
    for (let n = 1; n <= UNIONS_PER_SPOOL; n++) {
      const union: Cell[] = UNIONES_HEADER.map(() => '');
      union[u('ID')] = String(s * UNIONS_PER_SPOOL + n).padStart(6, '0');
      union[u('OT')] = ot;
      union[u('N_UNION')] = n;
      union[u('TAG_SPOOL')] = tag;
      union[u('DN_UNION')] = [4.5, 6, 8, 10, 12, 14, 16, 18, 20, 24][n - 1]!;
      union[u('TIPO_UNION')] = n === 4 ? 'FW' : 'BW';
      union[u('version')] = 1;
      uniones.push(union);
    }
  }
  cached = { operaciones, uniones };
  return cached;
}

export function productionWorkbook(): FakeSpreadsheet {
  const { operaciones, uniones } = rows();
  const book = new FakeSpreadsheet();
  book.addSheet('Operaciones', operaciones);
  book.addSheet('Uniones', uniones);
  book.addSheet('Metadata', [[...METADATA_HEADER]]);
  addWorkerSheets(book, DEMO_WORKERS);
  return book;
}
