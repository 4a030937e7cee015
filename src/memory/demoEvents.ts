// The demo workbook's recent history, so every Panel view shows something real (issue 16 §10): a few days of
// audit events written by this add-on and by the shop's other system (Dates, blank Worker_ID), and two spools
// held now, one of them left taken since yesterday; Uniones and Operaciones tell the same story (demoStory.ts).

import type { Cell } from '../domain/cell';
import { formatDate, formatDateTime } from '../domain/dates';
import { escapeText } from '../domain/text';
import { applyDemoStory, type DemoHold, type DemoLayout, type DemoSession } from './demoStory';
import type { FakeSpreadsheet } from './fakeSpreadsheet';

export type { DemoLayout } from './demoStory';

const HOUR = 3_600_000;

/**
 * Appends rows to `sheet` after its last row with content, each given by header name (missing columns
 * blank), stored as given: a Date stays a Date, text starting with `'` is stored as the text after it.
 */
export function appendRecords(
  book: FakeSpreadsheet,
  sheet: string,
  records: Array<Record<string, Cell>>,
): void {
  const target = book.sheet(sheet);
  const [header = []] = target.readBlock(1, 1, 1, target.lastColumn());
  const rows = records.map((record) => header.map((name) => record[String(name)] ?? ''));
  if (rows.length === 0) return;
  const first = target.lastRow() + 1;
  // The grid grows as appendRow would make it (a search over A:A covers the grid's rows only).
  const missing = first + rows.length - 1 - target.getMaxRows();
  if (missing > 0) target.growRows(missing);
  target.writeBlock(first, 1, rows, true);
}

/** What an event says, given by its meaning; `system` picks how its cells are written. */
export interface DemoEvent {
  system: 'addon' | 'web';
  at: number;
  type: string;
  accion: string;
  tag: string;
  worker: { id: number; display: string };
  operation: 'ARM' | 'SOLD';
  nUnion?: number;
  json: Record<string, unknown>;
  id: string;
}

/**
 * One Metadata row as each system writes it: this add-on text timestamps (`DD-MM-YYYY HH:MM:SS`, escaped) and
 * Worker_ID; the web app Date cells and only Worker_Nombre (the Panel matches it by the `(93)` in it).
 */
export function auditRecord(event: DemoEvent, timeZone: string): Record<string, Cell> {
  const web = event.system === 'web';
  return {
    ID: web ? event.id : escapeText(event.id),
    Timestamp: web ? new Date(event.at) : escapeText(formatDateTime(event.at, timeZone)),
    Evento_Tipo: event.type,
    TAG_SPOOL: event.tag,
    Worker_ID: web ? '' : event.worker.id,
    Worker_Nombre: event.worker.display,
    Operacion: event.operation,
    Accion: event.accion,
    Fecha_Operacion: web ? new Date(event.at) : escapeText(formatDate(event.at, timeZone)),
    Metadata_JSON: JSON.stringify(event.json),
    N_UNION: event.nUnion ?? '',
  };
}

/** The events of one recorded session: INICIAR, then the PAUSAR spool event, one per union and the batch. */
function sessionEvents(s: DemoSession, now: number, demo: DemoLayout): DemoEvent[] {
  const base = { system: s.system, tag: demo.tag(s.spool), worker: s.worker, operation: s.operation };
  const ot = demo.ot(s.spool);
  const [start, end] = [now - s.from * HOUR, now - s.to * HOUR];
  const unionType = s.operation === 'ARM' ? 'UNION_ARM_REGISTRADA' : 'UNION_SOLD_REGISTRADA';
  const ids = s.unions.map((n) => `${ot}+${n}`);
  const pulgadas = Math.round(s.unions.reduce((sum, n) => sum + demo.dn(s.spool, n), 0) * 100) / 100;
  const seq = (i: number) => `${s.id}-${i}`;
  return [
    {
      ...base,
      at: start,
      type: 'INICIAR_SPOOL',
      accion: 'INICIAR',
      json: { requestId: `${s.id}i` },
      id: `${s.id}i-1`,
    },
    {
      ...base,
      at: end,
      type: 'PAUSAR_SPOOL',
      accion: 'PAUSAR',
      json: { requestId: s.id, ot, unions: s.unions, pulgadas },
      id: seq(1),
    },
    ...s.unions.map((n, i) => ({
      ...base,
      at: end,
      type: unionType,
      accion: 'COMPLETAR',
      nUnion: n,
      json: { union_id: ids[i] },
      id: seq(i + 2),
    })),
    {
      ...base,
      at: end,
      type: unionType,
      accion: 'COMPLETAR',
      json: { union_count: ids.length, pulgadas, union_ids: ids },
      id: seq(ids.length + 2),
    },
  ];
}

const MR = { id: 93, display: 'MR(93)' };
const JP = { id: 94, display: 'JP(94)' };
const CD = { id: 98, display: 'CD(98)' };

/**
 * The last three days, told once: Metadata records them (below) and Uniones carries them (demoStory.ts). Each
 * records unions the March state of the demo left to do (demoWorkbook.ts PROGRESS), and none finishes its
 * operation (their events say PAUSAR): MR(93) arms OT 004 over two days, JP(94) welds 003+5 and 006+7/8, and
 * CD(98) arms 007+1, some of it through the web app.
 */
export const DEMO_SESSIONS: DemoSession[] = [
  {
    system: 'addon',
    id: 'demo-d2-mr',
    from: 50,
    to: 48,
    spool: 4,
    worker: MR,
    operation: 'ARM',
    unions: [1, 2],
  },
  {
    system: 'web',
    id: 'web-d2-jp',
    from: 47,
    to: 45.5,
    spool: 3,
    worker: JP,
    operation: 'SOLD',
    unions: [5],
  },
  { system: 'web', id: 'web-d1-cd', from: 27, to: 25, spool: 7, worker: CD, operation: 'ARM', unions: [1] },
  {
    system: 'addon',
    id: 'demo-d0-mr',
    from: 5,
    to: 3.5,
    spool: 4,
    worker: MR,
    operation: 'ARM',
    unions: [3, 4, 5],
  },
  { system: 'web', id: 'web-d0-jp', from: 3, to: 2, spool: 6, worker: JP, operation: 'SOLD', unions: [7, 8] },
];

/** Spools held now: 008 by JP(94) for SOLD since 30 hours ago (stale at the default 12), 005 by CD(98) since 90 minutes. */
export const DEMO_HOLDS: DemoHold[] = [
  { spool: 8, worker: JP, operation: 'SOLD', since: 30 },
  { spool: 5, worker: CD, operation: 'ARM', since: 1.5 },
];

/**
 * Adds to the demo, relative to `now`: the events of DEMO_SESSIONS (some written by the web app) and the
 * INICIAR of DEMO_HOLDS in Metadata, and the same story in Uniones and Operaciones (applyDemoStory): who and
 * when on the unions recorded, the touched spools' metrics and Estado_Detalle, the held spools' Ocupado_Por.
 */
export function addDemoEvents(book: FakeSpreadsheet, now: number, demo: DemoLayout): void {
  const tz = book.getSpreadsheetTimeZone();
  const hold = (h: DemoHold): DemoEvent => ({
    system: 'addon',
    at: now - h.since * HOUR,
    type: 'INICIAR_SPOOL',
    accion: 'INICIAR',
    tag: demo.tag(h.spool),
    worker: h.worker,
    operation: h.operation,
    json: { requestId: `demo-hold-${h.spool}` },
    id: `demo-hold-${h.spool}-1`,
  });
  const events: DemoEvent[] = [
    ...DEMO_SESSIONS.flatMap((s) => sessionEvents(s, now, demo)),
    ...DEMO_HOLDS.map(hold),
  ];
  events.sort((a, b) => a.at - b.at);
  appendRecords(
    book,
    'Metadata',
    events.map((e) => auditRecord(e, tz)),
  );
  applyDemoStory(book, now, demo, DEMO_SESSIONS, DEMO_HOLDS);
}
