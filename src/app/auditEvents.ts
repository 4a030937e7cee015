// Builds the Metadata events of a request: one id sequence per request, so replays are recognisable.

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

  add(
    eventoTipo: EventType,
    accion: Action,
    tagSpool: string,
    metadata: Record<string, unknown>,
    nUnion: number | null = null,
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
      metadata: { requestId: this.requestId, ...metadata },
      nUnion,
    });
  }
}
