// What the Resumen sheet reads of Uniones (the sheet's truth, whoever recorded the union): DN_UNION, the
// two *_FECHA_FIN dates and the two workers of every row, in one column read; each union's ARM and SOLD
// placed on its day, and every cell that cannot be read named, never guessed (issue 16 §6).

import { SHEETS } from '../../data/productionHeaders';
import { RowReader, type CellIssue } from '../../data/rowReader';
import { UNIONES, UNIONES_SCHEMA, tableSpec } from '../../data/schema';
import { dayOf, type UnionWork } from '../../domain/dailySummary';
import { dateLikeNumber } from '../../domain/numbers';
import type { Operation } from '../../domain/operation';
import type { RequestScope } from '../request';
import { numero } from '../../domain/spanish';

/** The five columns read: 5 of Uniones' 17, over every used row. */
const SUMMARY_COLUMNS = [UNIONES.dn, UNIONES.armFin, UNIONES.armWorker, UNIONES.solFin, UNIONES.solWorker];

const DONE: ReadonlyArray<{ operation: Operation; fin: string; worker: string }> = [
  { operation: 'ARM', fin: UNIONES.armFin, worker: UNIONES.armWorker },
  { operation: 'SOLD', fin: UNIONES.solFin, worker: UNIONES.solWorker },
];

export interface UnionWorkRead {
  /** One entry per ARM and per SOLD done whose date and DN could be read, on its day. */
  work: UnionWork[];
  /** Cells that could not be read (`Uniones!H79`, with why); what depends on them is counted nowhere. */
  unreadable: CellIssue[];
  /** Data rows of Uniones (rows holding something in the columns read). */
  rows: number;
}

/**
 * Reads the summary's columns of Uniones (UnitOfWork.loadColumns: one getLastRow and one read per run of
 * adjacent columns) and decodes each row: an ARM counts on the day of its ARM_FECHA_FIN, a SOLD on the
 * day of its SOL_FECHA_FIN, in the spreadsheet's zone, for every stored form (Date, serial, text;
 * src/domain/dates.ts). A date cell that cannot be read is named and its operation counted nowhere; a done
 * union whose DN_UNION cannot be read (blank, not a number, ≤ 0 or above the `maxDnInches` setting) is
 * named and counted nowhere, for both operations. SCHEMA when Uniones or a required column is missing.
 */
export function readUnionWork(scope: RequestScope): UnionWorkRead {
  const spec = tableSpec(UNIONES_SCHEMA, SUMMARY_COLUMNS);
  scope.uow.prefetch([], [SHEETS.uniones, SHEETS.metadata]);
  scope.uow.loadColumns([{ spec, columns: SUMMARY_COLUMNS }]);
  const table = scope.uow.table(spec);
  const tz = scope.timeZone;
  const unreadable: CellIssue[] = [];
  const read = new RowReader(table, tz, unreadable);
  const work: UnionWork[] = [];
  const rows = table.dataRows();
  for (const row of rows) {
    const done = DONE.map((d) => ({ ...d, at: read.date(row, d.fin) })).filter((d) => d.at !== null);
    if (done.length === 0) continue;
    const dn = read.number(row, UNIONES.dn);
    if (dn === null) {
      if (read.raw(row, UNIONES.dn) === '')
        read.report(row, UNIONES.dn, 'DN_UNION vacío en una unión terminada');
      continue;
    }
    if (dn <= 0 || dn > scope.settings.maxDnInches) {
      read.report(
        row,
        UNIONES.dn,
        dn <= 0
          ? `DN_UNION ${numero(dn)} debe ser mayor que 0`
          : `DN_UNION ${dateLikeNumber(dn, read.raw(row, UNIONES.dn)) ?? `${numero(dn)} mayor que el máximo plausible (${numero(scope.settings.maxDnInches)} pulgadas)`}`,
      );
      continue;
    }
    for (const d of done) {
      work.push({
        operation: d.operation,
        day: dayOf(d.at!, tz),
        worker: read.text(row, d.worker),
        pulgadas: dn,
      });
    }
  }
  return { work, unreadable, rows: rows.length };
}
