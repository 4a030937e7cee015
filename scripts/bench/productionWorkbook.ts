// A production-sized workbook for the bench: 10,000 spools on the real Operaciones header and 100,010
// unions, built once and copied per run. The first spool holds 20 unions scattered over the whole sheet
// (one every 5,000 rows: unions added over months), every other spool 10 contiguous ones.

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
/** The spool whose 20 unions are scattered (OT-00001: keys OT-00001+1 … +20). */
export const SCATTERED_SPOOL = 0;
export const SCATTERED_UNIONS = 20;

/** One spool per OT: a union's key is OT+N_UNION with N in 1–20, so an OT holds at most 20 unions. */
export const otOf = (spool: number) => `OT-${String(spool + 1).padStart(5, '0')}`;

const tagOf = (spool: number) => `TAG-${String(spool).padStart(6, '0')}`;

/** A version token as production holds them (design §2): UUID text written by the other system. */
const versionOf = (id: number) => `6f1c2a9e-4b7d-4e21-9c3a-${String(id).padStart(12, '0')}`;

/** Union n of spool s, with the Uniones id given. */
function unionRow(s: number, n: number, id: number): Cell[] {
  const u = (name: string) => UNIONES_HEADER.indexOf(name);
  const row: Cell[] = UNIONES_HEADER.map(() => '');
  row[u('ID')] = String(id).padStart(6, '0');
  row[u('OT')] = otOf(s);
  row[u('N_UNION')] = n;
  row[u('TAG_SPOOL')] = tagOf(s);
  row[u('DN_UNION')] = [4.5, 6, 8, 10, 12, 14, 16, 18, 20, 24][(n - 1) % 10]!;
  row[u('TIPO_UNION')] = n === 4 ? 'FW' : 'BW';
  row[u('version')] = versionOf(id);
  return row;
}

/** The Operaciones row of spool s on the production header. */
function spoolRow(s: number): Cell[] {
  const header = PRODUCTION_OPERACIONES_HEADER;
  const col = (name: string) => header.indexOf(name);
  const row: Cell[] = header.map(() => '');
  row[col('OT')] = otOf(s);
  row[col('TAG_SPOOL')] = tagOf(s);
  row[col('NV')] = `NV-${s}`;
  row[col('version')] = versionOf(s);
  return row;
}

function bookOf(operaciones: Cell[][], uniones: Cell[][]): FakeSpreadsheet {
  const book = new FakeSpreadsheet();
  book.addSheet('Operaciones', operaciones);
  book.addSheet('Uniones', uniones);
  book.addSheet('Metadata', [[...METADATA_HEADER]]);
  addWorkerSheets(book, DEMO_WORKERS);
  return book;
}

let cached: { operaciones: Cell[][]; uniones: Cell[][] } | null = null;

/** The 10,000-spool grids, built once: spool SCATTERED_SPOOL's 20 unions one every 5,000 rows. */
function rows() {
  cached ??= scatteredGrids(SPOOLS, SCATTERED_SPOOL);
  return cached;
}

export function productionWorkbook(): FakeSpreadsheet {
  const { operaciones, uniones } = rows();
  return bookOf(operaciones, uniones);
}

/**
 * A workbook of `spools` spools (10 contiguous unions each) whose spool `split` (default the first, OT-00001)
 * has 20 unions split between its place in Uniones and the sheet's end, as unions added months later (issue
 * 9's bench). A `split` in the middle keeps its rows away from the header row.
 */
export function splitWorkbook(spools: number, split = 0): FakeSpreadsheet {
  const operaciones: Cell[][] = [[...PRODUCTION_OPERACIONES_HEADER]];
  const uniones: Cell[][] = [[...UNIONES_HEADER]];
  for (let s = 0; s < spools; s++) {
    operaciones.push(spoolRow(s));
    for (let n = 1; n <= UNIONS_PER_SPOOL; n++) uniones.push(unionRow(s, n, s * UNIONS_PER_SPOOL + n));
  }
  for (let n = UNIONS_PER_SPOOL + 1; n <= SCATTERED_UNIONS; n++)
    uniones.push(unionRow(split, n, 900_000 + n));
  return bookOf(operaciones, uniones);
}

export { tagOf };

/**
 * A workbook of `spools` spools (10 contiguous unions each) whose spool `scattered` (default the first,
 * OT-00001) has its 20 unions scattered evenly over the whole of Uniones: one every spools/2 rows, 20 separate blocks to read (issue 15's
 * "20 unions scattered over the sheet").
 */
export function scatteredWorkbook(spools: number, scattered = SCATTERED_SPOOL): FakeSpreadsheet {
  const { operaciones, uniones } = scatteredGrids(spools, scattered);
  return bookOf(operaciones, uniones);
}

/** Operaciones and Uniones of scatteredWorkbook, as grids. */
function scatteredGrids(spools: number, scattered: number) {
  const operaciones: Cell[][] = [[...PRODUCTION_OPERACIONES_HEADER]];
  const uniones: Cell[][] = [[...UNIONES_HEADER]];
  const every = Math.floor((spools * UNIONS_PER_SPOOL) / SCATTERED_UNIONS);
  let nextScattered = 1;
  const addScattered = () => {
    uniones.push(unionRow(scattered, nextScattered, 200_000 + nextScattered));
    nextScattered += 1;
  };
  for (let s = 0; s < spools; s++) {
    operaciones.push(spoolRow(s));
    if (s === scattered) continue;
    for (let n = 1; n <= UNIONS_PER_SPOOL; n++) {
      uniones.push(unionRow(s, n, s * UNIONS_PER_SPOOL + n));
      if (uniones.length % every === 2 && nextScattered <= SCATTERED_UNIONS) addScattered();
    }
  }
  while (nextScattered <= SCATTERED_UNIONS) addScattered();
  return { operaciones, uniones };
}
