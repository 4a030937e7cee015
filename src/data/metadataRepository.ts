// The Metadata audit log: events validated, laid out by header (lower-case headers too), appended in chunks.

import { formatDate, formatDateTime } from '../domain/dates';
import { internalError } from '../domain/errors';
import { metadataEventSchema, type MetadataEvent } from '../domain/events';
import { boundedJson, CELL_MAX_CHARS } from '../domain/boundedJson';
import type { Cell } from '../domain/cell';
import { fitCell } from '../domain/bytes';
import { escapeText } from '../domain/text';
import { SHEETS } from './productionHeaders';
import type { UnitOfWork } from './unitOfWork';

export class MetadataRepository {
  /** Queued rows by event ID, so a request can add its record to its first event before the commit. */
  private readonly queued = new Map<
    string,
    { row: Record<string, Cell>; metadata: Record<string, unknown> }
  >();

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Adds `fields` to the Metadata_JSON of the queued event `id` (false when no such event is queued). The
   * JSON stays within a cell's 50,000 characters: long lists are summarised with counts.
   */
  addToEvent(id: string, fields: Record<string, unknown>): boolean {
    const queued = this.queued.get(id);
    if (!queued) return false;
    queued.metadata = { ...queued.metadata, ...fields };
    queued.row.Metadata_JSON = metadataCell(queued.metadata);
    return true;
  }

  /**
   * Finds now where the next events go (after the last ID), for a caller that holds the document lock until
   * it commits and writes other cells before (UnitOfWork.locateAppends): every event fills ID.
   */
  locateNextEvents(): void {
    this.uow.locateAppends(SHEETS.metadata, 'ID');
  }

  /** Queues the events; they are written with the request's other writes, or not at all. */
  logBatch(events: readonly MetadataEvent[]): void {
    const tz = this.uow.timeZone();
    for (const event of events) {
      const parsed = metadataEventSchema.safeParse(event);
      if (!parsed.success) {
        throw internalError('Evento de auditoría inválido.', { event, issues: parsed.error.issues });
      }
      const e = parsed.data;
      const row: Record<string, Cell> = {
        // Every text column within a cell (issue 14 §1): names and tags come from cells or requests.
        ID: escapeText(fitCell(e.id)),
        Timestamp: escapeText(formatDateTime(e.timestamp, tz)),
        Evento_Tipo: e.eventoTipo,
        TAG_SPOOL: escapeText(fitCell(e.tagSpool)),
        Worker_ID: e.workerId ?? '',
        Worker_Nombre: escapeText(fitCell(e.workerNombre)),
        Operacion: e.operacion,
        Accion: e.accion,
        Fecha_Operacion: e.fechaOperacion === null ? '' : escapeText(formatDate(e.fechaOperacion, tz)),
        Metadata_JSON: metadataCell(e.metadata),
        N_UNION: e.nUnion ?? '',
      };
      this.uow.append(SHEETS.metadata, row);
      this.queued.set(e.id, { row, metadata: e.metadata });
    }
  }
}

/** Metadata_JSON as written: escaped text within the cell limit (the apostrophe counts too). */
function metadataCell(metadata: Record<string, unknown>): string {
  return escapeText(boundedJson(metadata, CELL_MAX_CHARS - 1));
}
