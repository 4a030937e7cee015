// What the sidebar shows for an OT and an operation: its spools, its unions with who/when and whether
// each is disponible (or why not), a version token per union, and the pulgadas.

import { describeIssue } from '../data/rowReader';
import { formatDateTime } from '../domain/dates';
import { notFoundError } from '../domain/errors';
import { sumPulgadas } from '../domain/metrics';
import type { Operation } from '../domain/operation';
import { availability, isLegacyArmed } from '../domain/rules';
import { unionToken } from '../domain/union';
import type { Ports } from '../ports';
import { loadOtRows } from '../data/rowLocator';
import { retryOnStaleHeader } from '../data/unitOfWork';
import { openRequest } from './request';
import { SHEETS } from '../data/productionHeaders';

export interface ListUnionsRequest {
  ot: string;
  operation: Operation;
}

/** One operation's record of a union, as text for the sidebar ('' when empty). */
export interface UnionRecordView {
  /** The FIN cell holds something (for an unreadable row: what it shows, whether or not it is a date). */
  done: boolean;
  worker: string;
  inicio: string;
  fin: string;
}

/**
 * A union row of the OT. Rows that cannot be read are listed too (`readable: false`, never disponible, reason
 * starting `Celda ilegible Uniones!E81`), with null where a value cannot be read (issue 7 §3).
 */
export interface UnionView {
  /** `OT+N_UNION`; null when the row's OT or N_UNION cannot be read. */
  key: string | null;
  /** Row of Uniones. */
  rowNumber: number;
  nUnion: number | null;
  tagSpool: string;
  /** Inches; null when the cell cannot be read as a plausible DN. */
  dn: number | null;
  tipo: string;
  arm: UnionRecordView;
  sol: UnionRecordView;
  readable: boolean;
  disponible: boolean;
  reason: string;
  /** Token to send back with FINALIZAR; '' for an unreadable row. */
  version: string;
}

export interface SpoolView {
  tagSpool: string;
  ocupadoPor: string;
  fechaOcupacion: string;
  estadoDetalle: string;
  repetido: boolean;
}

export interface ListUnionsResult {
  ot: string;
  operation: Operation;
  spools: SpoolView[];
  unions: UnionView[];
  pulgadas: { total: number; hechas: number; disponibles: number };
  /** Cells of this OT's rows that could not be read (sheet, cell, reason); Uniones (they block) first. */
  warnings: string[];
}

export function listUnions(ports: Ports, request: ListUnionsRequest): ListUnionsResult {
  return retryOnStaleHeader(() => listOnce(ports, request));
}

function listOnce(ports: Ports, request: ListUnionsRequest): ListUnionsResult {
  const scope = openRequest(ports);
  if (scope.settings.targetedReads) {
    // Metadata's header too: the FINALIZAR that follows a listing then finds every header in the cache.
    scope.uow.prefetch([], [SHEETS.operaciones, SHEETS.uniones, SHEETS.metadata]);
    loadOtRows(scope.uow, [request.ot]);
  } else scope.uow.prefetch([SHEETS.operaciones, SHEETS.uniones]);
  const tz = scope.timeZone;
  const time = (t: number | null) => (t === null ? '' : formatDateTime(t, tz));
  const { ot, operation } = request;
  const spools = scope.spools.byOt(ot);
  const unions = [...scope.unions.byOt(ot)].sort(
    (a, b) => a.tagSpool.localeCompare(b.tagSpool) || a.nUnion - b.nUnion,
  );
  if (spools.length === 0 && unions.length === 0) throw notFoundError(`No existe la OT ${ot}.`, { ot });

  const duplicatedTags = scope.spools.duplicatedTags();
  const views = unions.map((union): UnionView => {
    const spool = spools.find((s) => s.tag === union.tagSpool);
    const verdict = availability(union, operation, {
      settings: scope.settings,
      legacyArmed: isLegacyArmed(spool, scope.unions.bySpool(union.tagSpool)),
      timeZone: tz,
    });
    let reason = verdict.disponible ? '' : verdict.reason;
    if (scope.unions.repeatedRows(union.key)) reason = 'Unión repetida en Uniones; corrija la planilla.';
    else if (duplicatedTags.has(union.tagSpool))
      reason = 'Spool repetido en Operaciones; corrija la planilla.';
    else if (!spool) reason = 'El spool no existe en Operaciones.';
    return {
      key: union.key,
      rowNumber: union.rowNumber,
      nUnion: union.nUnion,
      tagSpool: union.tagSpool,
      dn: union.dn,
      tipo: union.tipo,
      arm: {
        done: union.armFin !== null,
        worker: union.armWorker,
        inicio: time(union.armInicio),
        fin: time(union.armFin),
      },
      sol: {
        done: union.solFin !== null,
        worker: union.solWorker,
        inicio: time(union.solInicio),
        fin: time(union.solFin),
      },
      readable: true,
      disponible: reason === '',
      reason,
      version: unionToken(union),
    };
  });
  const tags = new Set([...spools.map((s) => s.tag), ...unions.map((u) => u.tagSpool)]);
  for (const row of scope.unions.unreadableOfOt(ot, tags)) {
    views.push({
      key: row.key,
      rowNumber: row.rowNumber,
      nUnion: row.nUnion,
      tagSpool: row.tagSpool,
      dn: row.dn,
      tipo: row.tipo,
      arm: { done: row.arm.fin !== '', ...row.arm },
      sol: { done: row.sol.fin !== '', ...row.sol },
      readable: false,
      disponible: false,
      reason: `Celda ilegible ${row.issues.map(describeIssue).join('; ')}`,
      version: '',
    });
  }
  views.sort(
    (a, b) =>
      a.tagSpool.localeCompare(b.tagSpool) ||
      (a.nUnion ?? Infinity) - (b.nUnion ?? Infinity) ||
      a.rowNumber - b.rowNumber,
  );
  const done = unions.filter((u) => (operation === 'ARM' ? u.armFin : u.solFin) !== null);
  const disponibles = new Set(views.filter((v) => v.disponible).map((v) => v.key));
  // Rows of this OT that could not be read: the supervisor should know they are not listed.
  const rejectedRows = new Set([
    ...scope.unions.rejected(ot, tags).map((row) => `${SHEETS.uniones}:${row}`),
    ...spools.map((s) => `${SHEETS.operaciones}:${s.rowNumber}`),
  ]);
  scope.uow.saveCache();
  return {
    // The OT as the sheet shows it ("008" when asked for "8"): the keys use it too.
    ot: spools[0]?.ot || unions[0]?.ot || ot,
    operation,
    spools: spools.map((s) => ({
      tagSpool: s.tag,
      ocupadoPor: s.ocupadoPor,
      fechaOcupacion: time(s.fechaOcupacion),
      estadoDetalle: s.estadoDetalle,
      repetido: duplicatedTags.has(s.tag),
    })),
    unions: views,
    pulgadas: {
      total: sumPulgadas(unions),
      hechas: sumPulgadas(done),
      disponibles: sumPulgadas(unions.filter((u) => disponibles.has(u.key))),
    },
    warnings: scope.issues
      .filter((issue) => rejectedRows.has(`${issue.sheet}:${issue.row}`))
      .sort((a, b) => Number(b.sheet === SHEETS.uniones) - Number(a.sheet === SHEETS.uniones))
      .map(describeIssue),
  };
}
