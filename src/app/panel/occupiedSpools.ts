// apiOccupiedSpools (issue 16 §1): every spool of Operaciones someone holds now, oldest first, found by one
// TextFinder search on Ocupado_Por and read row by row: the cost follows the spools answered, not the sheet.

import { describeIssue, RowReader, type CellIssue } from '../../data/rowReader';
import { idInDisplay } from '../../data/metadataQueries';
import { SHEETS } from '../../data/productionHeaders';
import { OPERACIONES, OPERACIONES_SCHEMA, tableSpec } from '../../data/schema';
import { retryOnStaleHeader } from '../../data/unitOfWork';
import { formatDateTime } from '../../domain/dates';
import { schemaError } from '../../domain/errors';
import { parseEstadoDetalle } from '../../domain/estadoDetalle';
import type { Operation } from '../../domain/operation';
import type { Ports } from '../../ports';
import { openRequest } from '../request';
import { RUN_MIGRATION } from '../../domain/menuPath';

/** A spool someone holds. Times as the shop reads them; `hours` held until now, 1 decimal. */
export interface OccupiedSpool {
  tagSpool: string;
  ot: string;
  /** Ocupado_Por as the sheet shows it (`MR(93)`). */
  ocupadoPor: string;
  /** The id inside `MR(93)`; null when the text has none. */
  workerId: number | null;
  /** What Estado_Detalle says the spool is held for; null when it does not say (design §2 grammar). */
  operation: Operation | null;
  /** Fecha_Ocupacion as `DD-MM-YYYY HH:MM:SS`; null when the cell cannot be read (named in `warnings`). */
  since: string | null;
  hours: number | null;
  /** `hours >= staleAfterHours`: probably left taken (false when `hours` is null). */
  stale: boolean;
}

export interface OccupiedSpoolsResult {
  /** Oldest first; spools whose Fecha_Ocupacion cannot be read last, in sheet order. */
  spools: OccupiedSpool[];
  /** The setting (hours, default 12). */
  staleAfterHours: number;
  /** Cells that could not be read, naming them (`Operaciones!BN17 (Fecha_Ocupacion): …`). */
  warnings: string[];
}

/** Ocupado_Por holding anything but blanks, as a whole cell (RE2; a line break counts as text too). */
export const OCCUPIED_PATTERN = '(?:.|\\n)*\\S(?:.|\\n)*';

const SPEC = tableSpec(OPERACIONES_SCHEMA);
const MS_PER_HOUR = 3_600_000;

/**
 * The spools held now (issue 16 §1). Reads: Operaciones' header (document cache), one TextFinder search on
 * Ocupado_Por, then the rows found, one read per block of neighbouring rows (SpreadsheetApp) or one batchGet
 * (Sheets API). No lock: it writes nothing. Errors: SCHEMA when Operaciones or its columns are missing.
 */
export function occupiedSpools(ports: Ports): OccupiedSpoolsResult {
  return retryOnStaleHeader(() => occupiedOnce(ports));
}

function occupiedOnce(ports: Ports): OccupiedSpoolsResult {
  const scope = openRequest(ports);
  const { uow, settings } = scope;
  uow.prefetch([], [SHEETS.operaciones]);
  // Without the column no spool can be held: say so rather than answer "none".
  if (uow.columnIndex(SHEETS.operaciones, OPERACIONES.ocupadoPor) < 0) {
    throw schemaError(`A la hoja "Operaciones" le falta la columna Ocupado_Por. ${RUN_MIGRATION}`, {
      sheet: SHEETS.operaciones,
      missing: [OPERACIONES.ocupadoPor],
    });
  }
  const rows = uow.findRowsMatching(SHEETS.operaciones, OPERACIONES.ocupadoPor, OCCUPIED_PATTERN);
  uow.loadRows([{ spec: SPEC, rows }]);
  const table = uow.partialTable(SPEC);
  const tagColumn = table.columns.firstPresent(OPERACIONES.tag, OPERACIONES.split) ?? OPERACIONES.tag;
  const tz = uow.timeZone();
  const issues: CellIssue[] = [];
  const read = new RowReader(table, tz, issues);
  const spools: Array<{ spool: OccupiedSpool; at: number | null; rowNumber: number }> = [];
  for (const row of table.rows) {
    const ocupadoPor = read.text(row, OPERACIONES.ocupadoPor);
    if (ocupadoPor === '') continue;
    const before = issues.length;
    const at = read.date(row, OPERACIONES.fechaOcupacion);
    if (at === null && issues.length === before) read.report(row, OPERACIONES.fechaOcupacion, 'vacía');
    const hours = at === null ? null : Math.round(((scope.now - at) / MS_PER_HOUR) * 10) / 10;
    const estado = parseEstadoDetalle(read.text(row, OPERACIONES.estadoDetalle));
    const spool: OccupiedSpool = {
      tagSpool: table.keyText(row, table.columns.index(tagColumn), tz),
      ot: table.keyText(row, table.columns.index(OPERACIONES.ot), tz),
      ocupadoPor,
      workerId: idInDisplay(ocupadoPor),
      operation: estado?.occupiedBy ? estado.operation : null,
      since: at === null ? null : formatDateTime(at, tz),
      hours,
      stale: hours !== null && hours >= settings.staleAfterHours,
    };
    spools.push({ spool, at, rowNumber: row.rowNumber });
  }
  spools.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.rowNumber - b.rowNumber);
  uow.saveCache();
  return {
    spools: spools.map((s) => s.spool),
    staleAfterHours: settings.staleAfterHours,
    warnings: issues.map((issue) => {
      const tag = spools.find((s) => s.rowNumber === issue.row)?.spool.tagSpool ?? '';
      return `${describeIssue(issue)} — el spool ${tag} se lista al final, sin hora de inicio.`;
    }),
  };
}
