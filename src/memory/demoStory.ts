// The demo's recent sessions written into Uniones and Operaciones, so the workbook tells one story: the unions
// the audit events record carry that worker and those times in Uniones (what Resumen counts), and the spools
// they touched show the metrics and Estado_Detalle a FINALIZAR (PAUSAR) or an INICIAR would have left.
// Every session is checked against the rules (design §3) as it is applied: a union armed twice, welded before
// it was armed or of an ARM-only type, or a PAUSAR that would have been a COMPLETAR, is an error in the demo.

import type { Cell } from '../domain/cell';
import { formatDateTime, parseDateCell } from '../domain/dates';
import { estadoLibre, estadoOcupado, spoolStates } from '../domain/estadoDetalle';
import { computeMetrics } from '../domain/metrics';
import type { Operation } from '../domain/operation';
import { DEFAULT_SETTINGS, needsSold } from '../domain/settings';
import { unionKey, type Union } from '../domain/union';
import type { FakeSheet } from './fakeSheet';
import type { FakeSpreadsheet } from './fakeSpreadsheet';

const HOUR = 3_600_000;

/** Where the demo's spools are: tag, OT, DN_UNION and TIPO_UNION of spool `i` (1-based) and union `n`. */
export interface DemoLayout {
  tag(i: number): string;
  ot(i: number): string;
  dn(i: number, n: number): number;
  tipo(i: number, n: number): string;
}

/** A recorded session: INICIAR `from` hours before now, FINALIZAR (PAUSAR) of `unions` `to` hours before now. */
export interface DemoSession {
  system: 'addon' | 'web';
  id: string;
  from: number;
  to: number;
  spool: number;
  worker: { id: number; display: string };
  operation: Operation;
  unions: number[];
}

/** A spool held now: INICIAR `since` hours before now, not finished. */
export interface DemoHold {
  spool: number;
  worker: { id: number; display: string };
  operation: Operation;
  since: number;
}

/** A sheet's rows with the 1-based column of each header name. */
function table(sheet: FakeSheet) {
  const grid = sheet.readBlock(1, 1, sheet.lastRow(), sheet.lastColumn());
  const header = grid[0]!.map(String);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`demo: no column ${name} in ${sheet.getName()}`);
    return i + 1;
  };
  return {
    grid,
    col,
    put: (row: number, name: string, value: Cell) => sheet.writeBlock(row, col(name), [[value]], true),
  };
}

/**
 * Writes `sessions` (oldest first by their FINALIZAR) into Uniones: `*_WORKER`, `*_FECHA_INICIO` (the INICIAR,
 * as the spool's Fecha_Ocupacion), `*_FECHA_FIN` (the FINALIZAR), a new version; the add-on's as text
 * `DD-MM-YYYY HH:MM:SS`, the web app's as Dates. Then the metric columns and Estado_Detalle of every spool a
 * session touched (free: the PAUSAR released it) and of every `holds` spool (occupied), with `Ocupado_Por` and
 * `Fecha_Ocupacion` of the held ones. Throws when a session breaks a rule.
 */
export function applyDemoStory(
  book: FakeSpreadsheet,
  now: number,
  demo: DemoLayout,
  sessions: readonly DemoSession[],
  holds: readonly DemoHold[],
): void {
  const tz = book.getSpreadsheetTimeZone();
  const uniones = table(book.sheet('Uniones'));
  const rowOf = (spool: number, n: number) => {
    const i = uniones.grid.findIndex(
      (r, k) =>
        k > 0 && r[uniones.col('TAG_SPOOL') - 1] === demo.tag(spool) && r[uniones.col('N_UNION') - 1] === n,
    );
    if (i < 0) throw new Error(`demo: no union ${demo.ot(spool)}+${n}`);
    return i + 1;
  };
  const instant = (row: number, name: string) => {
    const parsed = parseDateCell(book.sheet('Uniones').readBlock(row, uniones.col(name), 1, 1)[0]![0]!, tz);
    return parsed.ok ? parsed.value : null;
  };
  const ordered = [...sessions].sort((a, b) => b.to - a.to);
  for (const s of ordered) {
    const held = holds.find((h) => h.spool === s.spool && h.since > s.to);
    if (held)
      throw new Error(`demo: ${s.id} finishes on spool ${s.spool} while ${held.worker.display} holds it`);
    const [start, end] = [now - s.from * HOUR, now - s.to * HOUR];
    const cell = (t: number): Cell => (s.system === 'web' ? new Date(t) : formatDateTime(t, tz));
    const prefix = s.operation === 'ARM' ? 'ARM' : 'SOL';
    for (const n of s.unions) {
      const row = rowOf(s.spool, n);
      const key = `${demo.ot(s.spool)}+${n}`;
      if (instant(row, `${prefix}_FECHA_FIN`) !== null) throw new Error(`demo: ${key} ${s.operation} twice`);
      if (s.operation === 'SOLD') {
        const armed = instant(row, 'ARM_FECHA_FIN');
        if (armed === null || armed > start) throw new Error(`demo: ${key} welded before it was armed`);
        if (!needsSold(demo.tipo(s.spool, n), DEFAULT_SETTINGS)) throw new Error(`demo: ${key} is ARM only`);
      }
      uniones.put(row, `${prefix}_WORKER`, s.worker.display);
      uniones.put(row, `${prefix}_FECHA_INICIO`, cell(start));
      uniones.put(row, `${prefix}_FECHA_FIN`, cell(end));
      uniones.put(row, 'version', `${s.id}-${n}`);
    }
    if (spoolStates(unionsOf(book, demo, s.spool, tz), CONTEXT)[s.operation] === 'completado')
      throw new Error(`demo: ${s.id} completes ${s.operation} of spool ${s.spool}: its events say PAUSAR`);
  }
  const spools = new Set([...sessions.map((s) => s.spool), ...holds.map((h) => h.spool)]);
  for (const spool of spools) {
    const hold = holds.find((h) => h.spool === spool) ?? null;
    writeSpool(book, demo, spool, tz, hold && { ...hold, at: formatDateTime(now - hold.since * HOUR, tz) });
  }
}

const CONTEXT = { settings: DEFAULT_SETTINGS, legacyArmed: false, unreadable: false };

/** The spool's unions as the rules see them (only what the states and metrics need). */
function unionsOf(book: FakeSpreadsheet, demo: DemoLayout, spool: number, tz: string): Union[] {
  const { grid, col } = table(book.sheet('Uniones'));
  const when = (value: Cell) => {
    const parsed = parseDateCell(value, tz);
    return parsed.ok ? parsed.value : null;
  };
  return grid
    .map((r, i) => ({ r, rowNumber: i + 1 }))
    .filter(({ r, rowNumber }) => rowNumber > 1 && r[col('TAG_SPOOL') - 1] === demo.tag(spool))
    .map(({ r, rowNumber }) => {
      const n = Number(r[col('N_UNION') - 1]);
      const cell = (name: string) => r[col(name) - 1]!;
      return {
        rowNumber,
        key: unionKey(demo.ot(spool), n),
        id: String(cell('ID')),
        ot: demo.ot(spool),
        nUnion: n,
        tagSpool: demo.tag(spool),
        dn: demo.dn(spool, n),
        tipo: demo.tipo(spool, n),
        armInicio: when(cell('ARM_FECHA_INICIO')),
        armFin: when(cell('ARM_FECHA_FIN')),
        armWorker: String(cell('ARM_WORKER')),
        solInicio: when(cell('SOL_FECHA_INICIO')),
        solFin: when(cell('SOL_FECHA_FIN')),
        solWorker: String(cell('SOL_WORKER')),
        version: String(cell('version')),
      };
    });
}

/** Metric columns and Estado_Detalle of one spool, and its occupation when `hold` holds it. */
function writeSpool(
  book: FakeSpreadsheet,
  demo: DemoLayout,
  spool: number,
  tz: string,
  hold: (DemoHold & { at: string }) | null,
): void {
  const operaciones = table(book.sheet('Operaciones'));
  const row =
    operaciones.grid.findIndex((r, i) => i > 0 && r[operaciones.col('TAG_SPOOL') - 1] === demo.tag(spool)) +
    1;
  const unions = unionsOf(book, demo, spool, tz);
  const m = computeMetrics(unions);
  const put = operaciones.put;
  put(row, 'Total_Uniones', m.totalUniones);
  put(row, 'Uniones_ARM_Completadas', m.unionesArm);
  put(row, 'Uniones_SOLD_Completadas', m.unionesSold);
  put(row, 'Pulgadas_ARM', m.pulgadasArm);
  put(row, 'Pulgadas_SOLD', m.pulgadasSold);
  const states = spoolStates(unions, CONTEXT, hold?.operation ?? null);
  put(
    row,
    'Estado_Detalle',
    hold ? estadoOcupado(hold.worker.display, hold.operation, states) : estadoLibre(states),
  );
  if (hold) {
    put(row, 'Ocupado_Por', hold.worker.display);
    // Text, as this add-on writes it (a leading apostrophe keeps Sheets from making it a date).
    put(row, 'Fecha_Ocupacion', `'${hold.at}`);
  }
}
