// apiReleaseSpool (issue 16 §2): a supervisor frees a spool someone left taken, under the same lock and in the
// same atomic, idempotent commit as FINALIZAR, logged in the shared vocabulary (SPOOL_CANCELADO/CANCELAR).

import { estadoLibre, parseEstadoDetalle, spoolStates } from '../../domain/estadoDetalle';
import { conflictError, forbiddenError, validationError } from '../../domain/errors';
import { formatDateTime } from '../../domain/dates';
import type { Operation } from '../../domain/operation';
import { isLegacyArmed } from '../../domain/rules';
import type { Settings } from '../../domain/settings';
import { workerDisplay, type Worker } from '../../domain/worker';
import type { Ports } from '../../ports';
import { findRowsOfSpool, operationOf, readAuditRows } from '../../data/metadataQueries';
import type { UnitOfWork } from '../../data/unitOfWork';
import { EventBuilder } from '../auditEvents';
import { TRACKING_READS, runIdempotent, spoolRows } from '../request';
import { REASON_MAX_CHARS } from './panelRequests';

export interface ReleaseSpoolRequest {
  tagSpool: string;
  /** The worker who releases (a supervisor): active, and holding one of `releaseRoles` when that is set. */
  workerId: number;
  /** Why (required): written to the audit event. */
  reason: string;
  requestId: string;
  /**
   * Ocupado_Por as the Panel listed it (`MR(93)`): when given and the sheet now says another, CONFLICT, so a
   * list gone stale never frees the occupation of someone who took the spool since. Not part of the identity.
   */
  ocupadoPor?: string;
  /** The OT the Panel listed the spool under (a hint, as INICIAR's listedOt: one search fewer). */
  listedOt?: string;
}

export interface ReleaseSpoolResult {
  tagSpool: string;
  ot: string;
  /** Who held it (Ocupado_Por before the release). */
  formerHolder: string;
  /** Fecha_Ocupacion before the release, `DD-MM-YYYY HH:MM:SS`; null when it could not be read. */
  heldSince: string | null;
  /**
   * What it was held for: as Estado_Detalle said, else as the spool's last INICIAR in Metadata did; null when
   * neither says (the event's Operacion is then blank).
   */
  operation: Operation | null;
  /** The releasing worker (`CD(98)`). */
  releasedBy: string;
  /** The free Estado_Detalle written (`Disponible - ARM pausado, SOLD pendiente`). */
  estadoDetalle: string;
  reason: string;
}

/** Rows of the spool's log read to find its last INICIAR when Estado_Detalle does not say what is held. */
const RECENT_ROWS = 25;

/**
 * The operation of the spool's last INICIAR in Metadata (one search and the newest rows), for an Estado_Detalle
 * that does not say it (edited by hand): the other system reads Operacion on every spool event (design §2).
 */
function lastStartedOperation(uow: UnitOfWork, tag: string): Operation | null {
  const rows = findRowsOfSpool(uow, tag).sort((a, b) => a - b);
  const started = readAuditRows(uow, rows.slice(-RECENT_ROWS)).filter((r) => r.accion === 'INICIAR');
  const last = started[started.length - 1];
  return last ? operationOf(last) : null;
}

/** May `worker` release spools: active, and holding a role of `releaseRoles` when the setting lists any. */
function assertMayRelease(worker: Worker, settings: Settings): void {
  if (!worker.activo) {
    throw forbiddenError(`El trabajador ${workerDisplay(worker)} no está activo.`, { workerId: worker.id });
  }
  const allowed = settings.releaseRoles.map((r) => r.trim().toLowerCase());
  if (allowed.length === 0) return;
  if (!worker.roles.some((role) => allowed.includes(role.trim().toLowerCase()))) {
    throw forbiddenError(
      `${workerDisplay(worker)} no puede liberar spools: se necesita el rol ${settings.releaseRoles.join(' o ')}.`,
      { workerId: worker.id, roles: worker.roles, releaseRoles: settings.releaseRoles },
    );
  }
}

/**
 * Frees `tagSpool`: clears Ocupado_Por and Fecha_Ocupacion, writes the free Estado_Detalle from its unions
 * (their states unchanged; design §2), bumps `version`, and logs SPOOL_CANCELADO/CANCELAR with the releasing
 * worker, the operation held and Metadata_JSON {"released_by","former_holder","reason"} (plus the request
 * record). Errors: VALIDATION blank reason; NOT_FOUND spool or worker; CONFLICT spool not held, held by
 * another than the `ocupadoPor` listed, or its tag on several rows; FORBIDDEN inactive worker or without a
 * role of `releaseRoles`; BUSY lock. A replayed `requestId` answers the first result and writes nothing.
 */
export function releaseSpool(ports: Ports, request: ReleaseSpoolRequest) {
  const reason = request.reason.trim();
  if (reason === '') throw validationError('Indique el motivo para liberar el spool.', { field: 'reason' });
  // Checked here too (callers other than the API): the reason goes into a cell of the audit log.
  if (reason.length > REASON_MAX_CHARS) {
    throw validationError(
      `El motivo es demasiado largo: ${reason.length} caracteres, a lo más ${REASON_MAX_CHARS}.`,
      { field: 'reason', length: reason.length, max: REASON_MAX_CHARS },
    );
  }
  // The listed holder and OT only guard and hint: a replay answers the first result whatever they say.
  const identity = { kind: 'LIBERAR', tagSpool: request.tagSpool.trim(), workerId: request.workerId, reason };
  const rows = spoolRows(request.tagSpool, request.listedOt);
  const idempotent = { requestId: request.requestId, identity, reads: TRACKING_READS, rows };
  return runIdempotent(ports, idempotent, (scope) => {
    const worker = scope.workers.byId(request.workerId, (w) => w.activo);
    assertMayRelease(worker, scope.settings);
    const spool = scope.spools.byTag(request.tagSpool);
    if (spool.ocupadoPor === '') {
      throw conflictError(`El spool ${spool.tag} no está ocupado: no hay nada que liberar.`, {
        tag: spool.tag,
      });
    }
    const listed = request.ocupadoPor?.trim() ?? '';
    if (listed !== '' && listed !== spool.ocupadoPor.trim()) {
      throw conflictError(
        `El spool ${spool.tag} ya no lo tiene ${listed}: ahora lo tiene ${spool.ocupadoPor}. Actualice la lista antes de liberarlo.`,
        { tag: spool.tag, listed, ocupadoPor: spool.ocupadoPor },
      );
    }
    const unions = scope.unions.bySpool(spool.tag);
    const unreadable = scope.unions.unreadableOfSpool(spool.tag, spool.ot).length > 0;
    const context = { settings: scope.settings, legacyArmed: isLegacyArmed(spool, unions), unreadable };
    const estado = estadoLibre(spoolStates(unions, context));
    const held = parseEstadoDetalle(spool.estadoDetalle);
    const operation =
      (held?.occupiedBy ? held.operation : null) ?? lastStartedOperation(scope.uow, spool.tag);
    const releasedBy = workerDisplay(worker);
    scope.spools.release(spool, estado);
    const events = new EventBuilder(request.requestId, scope.now, worker, operation ?? '');
    events.add('SPOOL_CANCELADO', 'CANCELAR', spool.tag, {
      released_by: releasedBy,
      former_holder: spool.ocupadoPor,
      reason,
    });
    scope.metadata.logBatch(events.events);
    const result: ReleaseSpoolResult = {
      tagSpool: spool.tag,
      ot: spool.ot,
      formerHolder: spool.ocupadoPor,
      heldSince: spool.fechaOcupacion === null ? null : formatDateTime(spool.fechaOcupacion, scope.timeZone),
      operation,
      releasedBy,
      estadoDetalle: estado,
      reason,
    };
    return {
      result,
      what: `la liberación del spool ${spool.tag}`,
      context: { tagSpool: spool.tag, workerId: worker.id, requestId: request.requestId },
    };
  });
}
