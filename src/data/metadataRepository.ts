// The Metadata audit log: events validated, laid out by header (lower-case headers too), appended in chunks.

import { formatDate, formatDateTime } from '../domain/dates';
import { internalError } from '../domain/errors';
import { metadataEventSchema, type MetadataEvent } from '../domain/events';
import { escapeText } from '../domain/text';
import { SHEETS } from './productionHeaders';
import type { UnitOfWork } from './unitOfWork';

export class MetadataRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Queues the events; they are written with the request's other writes, or not at all. */
  logBatch(events: readonly MetadataEvent[]): void {
    const tz = this.uow.timeZone();
    for (const event of events) {
      const parsed = metadataEventSchema.safeParse(event);
      if (!parsed.success) {
        throw internalError('Evento de auditoría inválido.', { event, issues: parsed.error.issues });
      }
      const e = parsed.data;
      this.uow.append(SHEETS.metadata, {
        ID: escapeText(e.id),
        Timestamp: escapeText(formatDateTime(e.timestamp, tz)),
        Evento_Tipo: e.eventoTipo,
        TAG_SPOOL: escapeText(e.tagSpool),
        Worker_ID: e.workerId ?? '',
        Worker_Nombre: escapeText(e.workerNombre),
        Operacion: e.operacion,
        Accion: e.accion,
        Fecha_Operacion: e.fechaOperacion === null ? '' : escapeText(formatDate(e.fechaOperacion, tz)),
        Metadata_JSON: escapeText(JSON.stringify(e.metadata)),
        N_UNION: e.nUnion ?? '',
      });
    }
  }
}
