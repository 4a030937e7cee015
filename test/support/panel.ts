// Builders for Panel scenarios: audit rows as this add-on or the shop's other system write them, and spools
// held on Operaciones rows.

import type { Cell } from '../../src/domain/cell';
import { columnLetter } from '../../src/domain/cell';
import { PRODUCTION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';
import { appendRecords, auditRecord, type DemoEvent } from '../../src/memory/demoEvents';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { TZ } from './tracking';

export const MR = { id: 93, display: 'MR(93)' };
export const JP = { id: 94, display: 'JP(94)' };
export const CD = { id: 98, display: 'CD(98)' };

let sequence = 0;

/** A per-union event (UNION_*_REGISTRADA with N_UNION and {"union_id"}) as `system` writes it. */
export function unionEvent(
  system: DemoEvent['system'],
  at: number,
  worker: DemoEvent['worker'],
  operation: 'ARM' | 'SOLD',
  tag: string,
  ot: string,
  n: number,
): DemoEvent {
  return {
    system,
    at,
    type: operation === 'ARM' ? 'UNION_ARM_REGISTRADA' : 'UNION_SOLD_REGISTRADA',
    accion: 'COMPLETAR',
    tag,
    worker,
    operation,
    nUnion: n,
    json: { union_id: `${ot}+${n}` },
    id: `evt-${++sequence}`,
  };
}

/** A spool-level event (INICIAR_SPOOL, PAUSAR_SPOOL, …) as `system` writes it. */
export function spoolEvent(
  system: DemoEvent['system'],
  at: number,
  worker: DemoEvent['worker'],
  operation: 'ARM' | 'SOLD',
  tag: string,
  type: string,
  accion: string,
): DemoEvent {
  return { system, at, type, accion, tag, worker, operation, json: {}, id: `evt-${++sequence}` };
}

/** The batch summary of a FINALIZAR (no N_UNION): not a union. */
export function batchEvent(
  system: DemoEvent['system'],
  at: number,
  worker: DemoEvent['worker'],
  operation: 'ARM' | 'SOLD',
  tag: string,
  ot: string,
  ns: number[],
): DemoEvent {
  return {
    ...unionEvent(system, at, worker, operation, tag, ot, ns[0]!),
    nUnion: undefined,
    json: { union_count: ns.length, pulgadas: 0, union_ids: ns.map((n) => `${ot}+${n}`) },
  };
}

/** Appends the events to Metadata, each as its system writes it. */
export function addEvents(book: FakeSpreadsheet, events: DemoEvent[]): void {
  appendRecords(
    book,
    'Metadata',
    events.map((e) => auditRecord(e, TZ)),
  );
}

/** Appends raw Metadata rows given by header (for cells no system writes well). */
export function addRawRows(book: FakeSpreadsheet, rows: Array<Record<string, Cell>>): void {
  appendRecords(book, 'Metadata', rows);
}

/** `Operaciones!BN<row>`-style name of a production column's cell. */
export function opsCell(column: string, row: number): string {
  return `Operaciones!${columnLetter(PRODUCTION_OPERACIONES_HEADER.indexOf(column) + 1)}${row}`;
}
