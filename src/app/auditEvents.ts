// Builds the Metadata events of a request: one id sequence per request (`<requestId>-<seq>`), so replays
// are recognisable.

import type { Action, EventType, MetadataEvent } from '../domain/events';
import type { Operation } from '../domain/operation';
import type { Worker } from '../domain/worker';
import { workerDisplay } from '../domain/worker';

export class EventBuilder {
  private sequence = 0;
  readonly events: MetadataEvent[] = [];

  constructor(
    private readonly requestId: string,
    private readonly now: number,
    private readonly worker: Worker | null,
    private readonly operation: Operation | '',
  ) {}

  /** A spool-level (or job-level) event: its Metadata_JSON carries the requestId. */
  add(eventoTipo: EventType, accion: Action, tagSpool: string, metadata: Record<string, unknown>): void {
    this.addExact(eventoTipo, accion, tagSpool, { requestId: this.requestId, ...metadata }, null);
  }

  /**
   * An event whose Metadata_JSON the shop's other system parses with a fixed shape (a union's
   * `{"union_id"}`, a batch's `{"union_count","pulgadas","union_ids"}`): written exactly as given.
   */
  addExact(
    eventoTipo: EventType,
    accion: Action,
    tagSpool: string,
    metadata: Record<string, unknown>,
    nUnion: number | null,
  ): void {
    this.sequence += 1;
    this.events.push({
      id: `${this.requestId}-${this.sequence}`,
      timestamp: this.now,
      eventoTipo,
      tagSpool,
      workerId: this.worker?.id ?? null,
      workerNombre: this.worker ? workerDisplay(this.worker) : '',
      operacion: this.operation,
      accion,
      fechaOperacion: this.now,
      metadata,
      nUnion,
    });
  }
}
