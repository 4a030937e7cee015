// Who may record what: an active worker holding a role of the operation (design §3).

import { forbiddenError } from '../domain/errors';
import { OPERATION_LABEL, ROLES_FOR, type Operation } from '../domain/operation';
import { canRecord, workerDisplay, type Worker } from '../domain/worker';

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
