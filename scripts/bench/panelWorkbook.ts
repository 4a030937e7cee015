// The Panel bench's workbook (issue 16 §5): the split workbook of issue 9 (1,000 or 10,000 spools) with an audit
// log of 10,000 or 200,000 rows (days of sessions written by this add-on and by the web app, the last 300 rows
// today's), 20 spools held now and one spool whose history spans a month.

import type { Cell } from '../../src/domain/cell';
import { formatDate, formatDateTime } from '../../src/domain/dates';
import { METADATA_HEADER, PRODUCTION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { otOf, splitWorkbook } from './productionWorkbook';

const TZ = 'America/Santiago';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const TODAY_EVENTS = 300;
export const OCCUPIED = 20;
/** The spool whose history is asked for: sessions 30, 29 and 5 days ago, and one open today. */
export const HISTORY_SPOOL = 0;
export const tagOf = (spool: number) => `TAG-${String(spool).padStart(6, '0')}`;

/** How the held spools lie in Operaciones: in 4 runs of 5 near the end (the OTs in work), or spread evenly. */
export type Placement = 'clustered' | 'scattered';

const WORKERS = [
  { id: 93, display: 'MR(93)' },
  { id: 94, display: 'JP(94)' },
  { id: 95, display: 'AS(95)' },
  { id: 98, display: 'CD(98)' },
];

interface Session {
  at: number;
  spool: number;
  worker: (typeof WORKERS)[number];
  operation: 'ARM' | 'SOLD';
  web: boolean;
  /** Unions recorded (none: only the INICIAR, still open). */
  unions: number;
}

const col = (name: string) => METADATA_HEADER.indexOf(name);

/** The rows of one session: INICIAR, then an hour later the PAUSAR, one per union and the batch summary. */
function sessionRows(s: Session, id: number): Array<{ at: number; row: Cell[] }> {
  const ot = otOf(s.spool);
  const row = (at: number, type: string, accion: string, n: number | '', json: unknown, seq: number) => {
    const cells: Cell[] = METADATA_HEADER.map(() => '');
    cells[col('ID')] = `bench-${id}-${seq}`;
    cells[col('Timestamp')] = s.web ? new Date(at) : formatDateTime(at, TZ);
    cells[col('Evento_Tipo')] = type;
    cells[col('TAG_SPOOL')] = tagOf(s.spool);
    cells[col('Worker_ID')] = s.web ? '' : s.worker.id;
    cells[col('Worker_Nombre')] = s.worker.display;
    cells[col('Operacion')] = s.operation;
    cells[col('Accion')] = accion;
    cells[col('Fecha_Operacion')] = s.web ? new Date(at) : formatDate(at, TZ);
    cells[col('Metadata_JSON')] = JSON.stringify(json);
    cells[col('N_UNION')] = n;
    return { at, row: cells };
  };
  const out = [row(s.at, 'INICIAR_SPOOL', 'INICIAR', '', { requestId: `bench-${id}` }, 0)];
  if (s.unions === 0) return out;
  const end = s.at + HOUR;
  const type = s.operation === 'ARM' ? 'UNION_ARM_REGISTRADA' : 'UNION_SOLD_REGISTRADA';
  const ns = Array.from({ length: s.unions }, (_, i) => i + 1);
  out.push(row(end, 'PAUSAR_SPOOL', 'PAUSAR', '', { ot, unions: ns }, 1));
  for (const n of ns) out.push(row(end, type, 'COMPLETAR', n, { union_id: `${ot}+${n}` }, n + 1));
  out.push(
    row(end, type, 'COMPLETAR', '', { union_count: ns.length, pulgadas: 0, union_ids: ns }, ns.length + 2),
  );
  return out;
}

/** Sessions of one day, staggered from 07:00 so their rows interleave as real ones do. */
function daySessions(dayStart: number, rows: number, spools: number, seed: number): Session[] {
  const sessions: Session[] = [];
  let count = 0;
  for (let i = 0; count < rows; i++) {
    const spool = 1 + ((seed + i * 7) % (spools - 1)); // never the history spool
    const s: Session = {
      at: dayStart + 7 * HOUR + i * 4 * 60_000,
      spool,
      worker: WORKERS[(seed + i) % WORKERS.length]!,
      operation: i % 2 === 0 ? 'ARM' : 'SOLD',
      web: i % 3 === 0,
      unions: 10,
    };
    sessions.push(s);
    count += 13;
  }
  return sessions;
}

/**
 * The bench workbook at `now`. Metadata: `logRows` rows in all, about 330 a day back in time, today's
 * 300 of them (MR(93) has 3 sessions today, 30 unions); the history spool's 4 sessions among them.
 */
export function panelWorkbook(
  spools: number,
  logRows: number,
  placement: Placement,
  now: number,
  book: FakeSpreadsheet = splitWorkbook(spools),
): FakeSpreadsheet {
  const startOfToday = now - 10 * HOUR; // NOW is 10:00 in Santiago
  const sessions: Session[] = [];
  const today = daySessions(startOfToday, TODAY_EVENTS - 3 * 13 - 1, spools, 0);
  sessions.push(...today);
  for (const [i, spool] of [11, 12, 13].entries())
    sessions.push({
      at: startOfToday + 7.5 * HOUR + i * 20 * 60_000,
      spool,
      worker: WORKERS[0]!,
      operation: 'ARM',
      web: i === 1,
      unions: 10,
    });
  sessions.push({
    at: startOfToday + 9 * HOUR,
    spool: HISTORY_SPOOL,
    worker: WORKERS[1]!,
    operation: 'SOLD',
    web: false,
    unions: 0,
  });
  let earlier = logRows - TODAY_EVENTS;
  for (let back = 1; earlier > 0; back++) {
    const rows = Math.min(330, earlier);
    sessions.push(...daySessions(startOfToday - back * DAY, rows, spools, back));
    earlier -= Math.ceil(rows / 13) * 13;
    if ([30, 29, 5].includes(back))
      sessions.push({
        at: startOfToday - back * DAY + 8 * HOUR,
        spool: HISTORY_SPOOL,
        worker: WORKERS[back === 5 ? 1 : 0]!,
        operation: back === 5 ? 'SOLD' : 'ARM',
        web: back === 29,
        unions: 5,
      });
  }
  const rows = sessions
    .flatMap((s, i) => sessionRows(s, i))
    .sort((a, b) => a.at - b.at)
    .slice(-logRows)
    .map((r) => r.row);
  const log = book.sheet('Metadata');
  log.growRows(rows.length);
  log.writeBlock(2, 1, rows, true);
  hold(book, spools, placement, now);
  return book;
}

/** Marks OCCUPIED spools as held (Ocupado_Por, Fecha_Ocupacion text, Estado_Detalle), 1 to 40 hours ago. */
function hold(book: FakeSpreadsheet, spools: number, placement: Placement, now: number): void {
  const sheet = book.sheet('Operaciones');
  const header = PRODUCTION_OPERACIONES_HEADER;
  const c = (name: string) => header.indexOf(name) + 1;
  for (let k = 0; k < OCCUPIED; k++) {
    const spool =
      placement === 'clustered'
        ? spools - 200 + Math.floor(k / 5) * 40 + (k % 5)
        : Math.floor(((k + 0.5) * spools) / OCCUPIED);
    const row = spool + 2;
    const worker = WORKERS[k % WORKERS.length]!;
    const operation = k % 2 === 0 ? 'ARM' : 'SOLD';
    sheet.writeBlock(
      row,
      c('Ocupado_Por'),
      [[worker.display, formatDateTime(now - (1 + 2 * k) * HOUR, TZ)]],
      true,
    );
    sheet.writeBlock(
      row,
      c('Estado_Detalle'),
      [[`${worker.display} trabajando ${operation} (ARM en progreso, SOLD pendiente)`]],
      true,
    );
  }
}
