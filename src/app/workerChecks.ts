// Who may record what: an active worker holding a role of the operation (design §3).

import { forbiddenError } from '../domain/errors';
import { OPERATION_LABEL, ROLES_FOR, type Operation } from '../domain/operation';
import { canRecord, workerDisplay, type Worker } from '../domain/worker';

/** The worker may record `operation`: active and holding one of its roles. */
export function mayRecord(worker: Worker, operation: Operation): boolean {
  return worker.activo && canRecord(worker, operation);
}

export function assertMayRecord(worker: Worker, operation: Operation): void {
  if (!worker.activo) {
    throw forbiddenError(`El trabajador ${workerDisplay(worker)} no está activo.`, { workerId: worker.id });
  }
  if (!canRecord(worker, operation)) {
    throw forbiddenError(
      `${workerDisplay(worker)} no tiene el rol para ${OPERATION_LABEL[operation]} (${ROLES_FOR[operation].join(' o ')}).`,
      { workerId: worker.id, operation, roles: worker.roles },
    );
  }
}
