// apiWorkerDay (issue 16 §3): what a worker recorded on a day, from that day's union events in Metadata,
// ours and the other system's alike (design §2), with pulgadas from Uniones' own DN_UNION.

import {
  findRowsOfDay,
  isUnionEvent,
  isWorkersRow,
  operationOf,
  readAuditRows,
} from '../../data/metadataQueries';
import { SHEETS } from '../../data/productionHeaders';
import { retryOnStaleHeader } from '../../data/unitOfWork';
import { formatDate, formatDateTime } from '../../domain/dates';
import { dayText, parseDay } from '../../domain/dayText';
import { validationError } from '../../domain/errors';
import { canonicalKey } from '../../domain/keys';
import { round2 } from '../../domain/numbers';
import type { Operation } from '../../domain/operation';
import { workerDisplay } from '../../domain/worker';
import type { Ports } from '../../ports';
import { openRequest } from '../request';
import { unionSizes, unionSlot } from './unionSizes';

export interface WorkerDayRequest {
  workerId: number;
  /** `DD-MM-YYYY`; default today in the spreadsheet's time zone. */
  date?: string;
}

/** One spool and operation the worker recorded that day. */
export interface WorkerDayEntry {
  tagSpool: string;
  /** As Uniones shows it, else as the event's union_id names it; '' when neither says. */
  ot: string;
  operation: Operation;
  /** The N_UNIONs recorded, ascending, each once. */
  unions: number[];
  /** Sum of their DN_UNION in inches, 2 decimals (unions whose DN cannot be read are left out, with a warning). */
  pulgadas: number;
  /** The last record's time, `DD-MM-YYYY HH:MM:SS`. */
  at: string;
}

export interface WorkerDayResult {
  worker: { id: number; label: string };
  date: string;
  /** In time order of their last record. */
  entries: WorkerDayEntry[];
  totals: Record<Operation, { unions: number; pulgadas: number }>;
  warnings: string[];
}

/**
 * The worker's day (issue 16 §3). Reads: the headers and Trabajadores (document cache), one TextFinder search
 * on Metadata's Timestamp for the day (src/domain/dayText.ts says which stored forms it finds), the rows found,
 * one search on Uniones' TAG_SPOOL for the worker's spools and their rows. A union counts once however many
 * events name it; the batch summary (no N_UNION) is not a union; the worker is matched by Worker_ID or, when
 * that is blank, the `(93)` in Worker_Nombre. Errors: VALIDATION bad date; NOT_FOUND worker.
 */
export function workerDay(ports: Ports, request: WorkerDayRequest): WorkerDayResult {
  return retryOnStaleHeader(() => dayOnce(ports, request));
}

function dayOnce(ports: Ports, request: WorkerDayRequest): WorkerDayResult {
  const scope = openRequest(ports);
  const { uow } = scope;
  uow.prefetch([SHEETS.trabajadores, SHEETS.roles], [SHEETS.metadata, SHEETS.uniones]);
  const tz = uow.timeZone();
  const date = request.date ?? formatDate(scope.now, tz);
  const day = parseDay(date);
  if (!day) throw validationError(`La fecha ${date} no existe (se espera DD-MM-AAAA).`, { date });
  const worker = scope.workers.byId(request.workerId);
  const warnings: string[] = [];
  const rows = readAuditRows(uow, findRowsOfDay(uow, day));
  const entries = new Map<string, { entry: WorkerDayEntry; last: number }>();
  for (const row of rows) {
    if (!isUnionEvent(row) || !isWorkersRow(row, worker.id)) continue;
    if (row.at === null) {
      warnings.push(`${row.timestampIssue} — ese registro no se cuenta.`);
      continue;
    }
    // A candidate of the search whose Timestamp falls on another day (an ISO offset, a month-first text).
    if (formatDate(row.at, tz) !== dayText(day)) continue;
    const operation = operationOf(row)!;
    const key = `${canonicalKey(row.tagSpool)}\u0000${operation}`;
    const unionId = typeof row.json?.union_id === 'string' ? row.json.union_id : '';
    const group = entries.get(key) ?? {
      entry: {
        tagSpool: row.tagSpool,
        ot: unionId.includes('+') ? unionId.slice(0, unionId.lastIndexOf('+')).trim() : '',
        operation,
        unions: [],
        pulgadas: 0,
        at: '',
      },
      last: row.at,
    };
    entries.set(key, group);
    group.last = Math.max(group.last, row.at);
    if (!group.entry.unions.includes(row.nUnion!)) group.entry.unions.push(row.nUnion!);
  }
  const groups = [...entries.values()];
  const sizes = unionSizes(
    uow,
    ports.spreadsheet,
    groups.map((g) => g.entry.tagSpool),
    scope.settings.maxDnInches,
  );
  const totals: WorkerDayResult['totals'] = {
    ARM: { unions: 0, pulgadas: 0 },
    SOLD: { unions: 0, pulgadas: 0 },
  };
  for (const { entry, last } of groups) {
    entry.unions.sort((a, b) => a - b);
    entry.at = formatDateTime(last, tz);
    let inches = 0;
    for (const n of entry.unions) {
      const slot = unionSlot(entry.tagSpool, n);
      const dn = sizes.dn.get(slot);
      if (dn !== undefined) inches += dn;
      else
        warnings.push(
          `${sizes.problems.get(slot) ?? `la unión ${n} del spool ${entry.tagSpool} no está en Uniones`} — sus pulgadas no se cuentan.`,
        );
      const shown = sizes.ot.get(slot);
      if (shown) entry.ot = shown;
    }
    entry.pulgadas = round2(inches);
    totals[entry.operation].unions += entry.unions.length;
    totals[entry.operation].pulgadas = round2(totals[entry.operation].pulgadas + inches);
  }
  uow.saveCache();
  return {
    worker: { id: worker.id, label: workerDisplay(worker) },
    date: dayText(day),
    entries: groups
      .sort(
        (a, b) =>
          a.last - b.last ||
          a.entry.tagSpool.localeCompare(b.entry.tagSpool) ||
          a.entry.operation.localeCompare(b.entry.operation),
      )
      .map((g) => g.entry),
    totals,
    warnings,
  };
}
