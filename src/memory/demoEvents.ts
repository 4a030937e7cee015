// The demo workbook's recent history, so every Panel view shows something real (issue 16 §10): a few days of
// audit events written by this add-on and by the shop's other system (Dates, blank Worker_ID), and two spools
// held now, one of them left taken since yesterday.

import type { Cell } from '../domain/cell';
import { formatDate, formatDateTime } from '../domain/dates';
import { escapeText } from '../domain/text';
import type { FakeSpreadsheet } from './fakeSpreadsheet';

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

/** Where the demo's spools are: tag, OT and DN_UNION of spool `i` (1-based) and union `n`. */
export interface DemoLayout {
  tag(i: number): string;
  ot(i: number): string;
  dn(i: number, n: number): number;
}

interface Session {
  system: DemoEvent['system'];
  id: string;
  /** Hours before now of INICIAR and of the FINALIZAR. */
  from: number;
  to: number;
  spool: number;
  worker: DemoEvent['worker'];
  operation: 'ARM' | 'SOLD';
  unions: number[];
}

/** The events of one recorded session: INICIAR, then the PAUSAR spool event, one per union and the batch. */
function sessionEvents(s: Session, now: number, demo: DemoLayout): DemoEvent[] {
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

const SESSIONS: Session[] = [
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
    unions: [1],
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

/**
 * Adds to the demo, relative to `now`: sessions of the last three days by MR(93), JP(94) and CD(98), some
 * written by the web app; and two occupied spools, 005 held by CD(98) for ARM since 90 minutes ago and 008 held
 * by JP(94) for SOLD since 30 hours ago (stale at the default 12 hours), with their INICIAR events.
 */
export function addDemoEvents(book: FakeSpreadsheet, now: number, demo: DemoLayout): void {
  const tz = book.getSpreadsheetTimeZone();
  const at = (hoursAgo: number) => now - hoursAgo * HOUR;
  const hold = (spool: number, worker: DemoEvent['worker'], operation: 'ARM' | 'SOLD', hoursAgo: number) => ({
    system: 'addon' as const,
    at: at(hoursAgo),
    type: 'INICIAR_SPOOL',
    accion: 'INICIAR',
    tag: demo.tag(spool),
    worker,
    operation,
    json: { requestId: `demo-hold-${spool}` },
    id: `demo-hold-${spool}-1`,
  });
  const events: DemoEvent[] = [
    ...SESSIONS.flatMap((s) => sessionEvents(s, now, demo)),
    hold(8, JP, 'SOLD', 30),
    hold(5, CD, 'ARM', 1.5),
  ];
  events.sort((a, b) => a.at - b.at);
  appendRecords(
    book,
    'Metadata',
    events.map((e) => auditRecord(e, tz)),
  );
  occupy(
    book,
    demo.tag(5),
    'CD(98)',
    formatDateTime(at(1.5), tz),
    'CD(98) trabajando ARM (ARM en progreso, SOLD pendiente)',
  );
  occupy(
    book,
    demo.tag(8),
    'JP(94)',
    formatDateTime(at(30), tz),
    'JP(94) trabajando SOLD (ARM pausado, SOLD en progreso)',
  );
}

/** Writes the occupation of the spool `tag` on its Operaciones row (text cells, as this add-on writes them). */
function occupy(book: FakeSpreadsheet, tag: string, by: string, since: string, estado: string): void {
  const sheet = book.sheet('Operaciones');
  const grid = sheet.readBlock(1, 1, sheet.lastRow(), sheet.lastColumn());
  const header = grid[0]!.map(String);
  const row = grid.findIndex((r, i) => i > 0 && r[header.indexOf('TAG_SPOOL')] === tag) + 1;
  const put = (name: string, value: Cell) => sheet.writeBlock(row, header.indexOf(name) + 1, [[value]], true);
  put('Ocupado_Por', by);
  put('Fecha_Ocupacion', `'${since}`);
  put('Estado_Detalle', estado);
}
