// INICIAR: a worker takes a free spool for ARM or SOLD (design §3).

import { formatDateTime } from '../domain/dates';
import { conflictError, validationError } from '../domain/errors';
import type { Operation } from '../domain/operation';
import { availability, isLegacyArmed } from '../domain/rules';
import { estadoOcupado, spoolStates } from '../domain/estadoDetalle';
import { workerDisplay } from '../domain/worker';
import type { Ports } from '../ports';
import { EventBuilder } from './auditEvents';
import { TRACKING_READS, runIdempotent, spoolRows } from './request';
import { assertMayRecord, mayRecord } from './workerChecks';

export interface StartWorkRequest {
  tagSpool: string;
  operation: Operation;
  workerId: number;
  requestId: string;
  /**
   * The OT the sidebar listed the spool under: a hint that lets its rows be found with one search per sheet
   * (issue 15 §1). Not part of the request's identity; a wrong one only costs the searches it saved.
   */
  listedOt?: string;
}

export interface StartWorkResult {
  tagSpool: string;
  ot: string;
  operation: Operation;
  ocupadoPor: string;
  fechaOcupacion: string;
  estadoDetalle: string;
  disponibles: number;
  /** What went wrong after the writes were committed (e.g. the cache): the work is saved all the same. */
  warnings: string[];
}

export function startWork(ports: Ports, request: StartWorkRequest) {
  const identity = { kind: 'INICIAR', ...request, requestId: undefined, listedOt: undefined };
  const rows = spoolRows(request.tagSpool, request.listedOt);
  const idempotent = { requestId: request.requestId, identity, reads: TRACKING_READS, rows };
  return runIdempotent(ports, idempotent, (scope) => {
    const worker = scope.workers.byId(request.workerId, (w) => mayRecord(w, request.operation));
    assertMayRecord(worker, request.operation);
    const spool = scope.spools.byTag(request.tagSpool);
    const display = workerDisplay(worker);
    if (spool.ocupadoPor !== '') {
      const since =
        spool.fechaOcupacion === null ? '' : ` desde ${formatDateTime(spool.fechaOcupacion, scope.timeZone)}`;
      throw conflictError(`El spool ${spool.tag} está ocupado por ${spool.ocupadoPor}${since}.`, {
        tag: spool.tag,
        ocupadoPor: spool.ocupadoPor,
      });
    }
    const unions = scope.unions.bySpool(spool.tag);
    const legacyArmed = isLegacyArmed(spool, unions);
    if (request.operation === 'SOLD' && !legacyArmed && unions.every((u) => u.armFin === null)) {
      throw validationError(`El spool ${spool.tag} no tiene uniones armadas: no se puede iniciar SOLD.`, {
        tag: spool.tag,
      });
    }
    const context = { settings: scope.settings, legacyArmed, timeZone: scope.timeZone };
    const disponibles = unions.filter((u) => availability(u, request.operation, context).disponible).length;
    if (disponibles === 0) {
      throw validationError(`El spool ${spool.tag} no tiene uniones disponibles para ${request.operation}.`, {
        tag: spool.tag,
      });
    }
    // Estado_Detalle in the shared grammar (design §2): the held operation en progreso, the other from its unions.
    const unreadable = scope.unions.unreadableOfSpool(spool.tag, spool.ot).length > 0;
    const states = spoolStates(
      unions,
      { settings: scope.settings, legacyArmed, unreadable },
      request.operation,
    );
    const estado = estadoOcupado(display, request.operation, states);
    scope.spools.occupy(spool, display, scope.now, estado);
    const events = new EventBuilder(request.requestId, scope.now, worker, request.operation);
    events.add('INICIAR_SPOOL', 'INICIAR', spool.tag, {
      ot: spool.ot,
      disponibles,
    });
    scope.metadata.logBatch(events.events);
    const result: StartWorkResult = {
      tagSpool: spool.tag,
      ot: spool.ot,
      operation: request.operation,
      ocupadoPor: display,
      fechaOcupacion: formatDateTime(scope.now, scope.timeZone),
      estadoDetalle: estado,
      disponibles,
      warnings: [],
    };
    return {
      result,
      what: `el inicio de ${request.operation} del spool ${spool.tag}`,
      context: {
        tagSpool: spool.tag,
        workerId: worker.id,
        operation: request.operation,
        requestId: request.requestId,
      },
    };
  });
}
