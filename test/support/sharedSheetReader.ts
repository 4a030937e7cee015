// The other system's readers of this sheet (the shop's web app), as its rules are stated (design §2
// "Shared vocabulary"; issue 7 §9): written independently of src/, so our rows are checked against its rules,
// not against our own formatter.

import type { Cell } from '../../src/domain/cell';

/** Evento_Tipo → the Accion it must carry and whether it is a per-union type. */
const ACCEPTED: Record<string, { accion: string; union: boolean }> = {
  INICIAR_SPOOL: { accion: 'INICIAR', union: false },
  PAUSAR_SPOOL: { accion: 'PAUSAR', union: false },
  COMPLETAR_ARM: { accion: 'COMPLETAR', union: false },
  COMPLETAR_SOLD: { accion: 'COMPLETAR', union: false },
  SPOOL_CANCELADO: { accion: 'CANCELAR', union: false },
  UNION_ARM_REGISTRADA: { accion: 'COMPLETAR', union: true },
  UNION_SOLD_REGISTRADA: { accion: 'COMPLETAR', union: true },
};

/** Types it does not know and skips (ours alone): not an error, not read either. */
const IGNORED = new Set(['MIGRACION_ESQUEMA', 'JOB_METRICAS', 'ERROR']);

export type ReadEvent =
  | { kind: 'spool'; tipo: string; accion: string; tag: string; operacion: 'ARM' | 'SOLD' }
  | { kind: 'union'; tipo: string; tag: string; nUnion: number; unionId: string }
  | {
      kind: 'batch';
      tipo: string;
      tag: string;
      unionCount: number;
      pulgadas: number;
      unionIds: string[];
    }
  | { kind: 'ignored'; tipo: string }
  | { kind: 'rejected'; why: string };

const sameKeys = (o: object, keys: string[]) =>
  Object.keys(o).length === keys.length && keys.every((k) => k in o);

/** Reads one Metadata row ({header: value}) as the other system does. */
export function readMetadataRow(row: Record<string, Cell>): ReadEvent {
  const tipo = String(row.Evento_Tipo ?? '');
  if (IGNORED.has(tipo)) return { kind: 'ignored', tipo };
  const rule = ACCEPTED[tipo];
  if (!rule) return { kind: 'rejected', why: `Evento_Tipo desconocido ${tipo}` };
  const accion = String(row.Accion ?? '');
  if (accion !== rule.accion) return { kind: 'rejected', why: `${tipo} con Accion ${accion}` };
  const operacion = String(row.Operacion ?? '');
  if (operacion !== 'ARM' && operacion !== 'SOLD') return { kind: 'rejected', why: `Operacion ${operacion}` };
  if (tipo.includes('_ARM') && operacion !== 'ARM')
    return { kind: 'rejected', why: `${tipo} con ${operacion}` };
  if (tipo.includes('_SOLD') && operacion !== 'SOLD')
    return { kind: 'rejected', why: `${tipo} con ${operacion}` };
  const tag = String(row.TAG_SPOOL ?? '');
  if (tag === '') return { kind: 'rejected', why: 'sin TAG_SPOOL' };
  let json: unknown;
  try {
    json = JSON.parse(String(row.Metadata_JSON ?? ''));
  } catch {
    return { kind: 'rejected', why: 'Metadata_JSON no es JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'rejected', why: 'Metadata_JSON no es un objeto' };
  }
  const n = row.N_UNION;
  if (!rule.union) {
    return n === '' || n === undefined
      ? { kind: 'spool', tipo, accion, tag, operacion }
      : { kind: 'rejected', why: `${tipo} con N_UNION` };
  }
  if (n !== '' && n !== undefined) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 20) {
      return { kind: 'rejected', why: `N_UNION ${String(n)}` };
    }
    const j = json as { union_id?: unknown };
    if (!sameKeys(j, ['union_id']) || typeof j.union_id !== 'string') {
      return { kind: 'rejected', why: `unión sin {"union_id"} exacto: ${String(row.Metadata_JSON)}` };
    }
    if (!j.union_id.endsWith(`+${n}`))
      return { kind: 'rejected', why: `union_id ${j.union_id} ≠ N_UNION ${n}` };
    return { kind: 'union', tipo, tag, nUnion: n, unionId: j.union_id };
  }
  const j = json as { union_count?: unknown; pulgadas?: unknown; union_ids?: unknown };
  if (
    !sameKeys(j, ['union_count', 'pulgadas', 'union_ids']) ||
    typeof j.union_count !== 'number' ||
    typeof j.pulgadas !== 'number' ||
    !Array.isArray(j.union_ids) ||
    !j.union_ids.every((id) => typeof id === 'string') ||
    j.union_ids.length !== j.union_count
  ) {
    return {
      kind: 'rejected',
      why: `lote sin {union_count, pulgadas, union_ids}: ${String(row.Metadata_JSON)}`,
    };
  }
  return {
    kind: 'batch',
    tipo,
    tag,
    unionCount: j.union_count,
    pulgadas: j.pulgadas,
    unionIds: j.union_ids as string[],
  };
}

export type State = 'pendiente' | 'en progreso' | 'pausado' | 'completado';

export type ReadEstado =
  | { kind: 'occupied'; worker: string; operation: 'ARM' | 'SOLD'; arm: State; sold: State }
  | { kind: 'free'; arm: State; sold: State }
  | { kind: 'rejected'; text: string };

const S = '(pendiente|en progreso|pausado|completado)';
const OCCUPIED = new RegExp(`^(\\S+) trabajando (ARM|SOLD) \\(ARM ${S}, SOLD ${S}\\)$`);
const FREE = new RegExp(`^Disponible - ARM ${S}, SOLD ${S}$`);

/**
 * Reads Estado_Detalle with its grammar: "<display> trabajando <OP> (ARM <state>, SOLD <state>)" or
 * "Disponible - ARM <state>, SOLD <state>"; anything else is rejected.
 */
export function readEstadoDetalle(text: Cell | undefined): ReadEstado {
  const t = String(text ?? '');
  let m = OCCUPIED.exec(t);
  if (m) {
    return {
      kind: 'occupied',
      worker: m[1]!,
      operation: m[2] as 'ARM' | 'SOLD',
      arm: m[3] as State,
      sold: m[4] as State,
    };
  }
  m = FREE.exec(t);
  if (m) return { kind: 'free', arm: m[1] as State, sold: m[2] as State };
  return { kind: 'rejected', text: t };
}

export type ReadDate =
  | { kind: 'empty' }
  | { kind: 'date'; ms: number }
  | { kind: 'text'; day: number; month: number; year: number; time: string | null }
  | { kind: 'rejected'; why: string };

/**
 * Reads a date cell of Uniones or Operaciones (ARM_FECHA_INICIO, Fecha_Ocupacion, Fecha_Armado…) as the other
 * system does: a Date object as the spreadsheet gives it, or text exactly `DD-MM-YYYY` or
 * `DD-MM-YYYY HH:MM:SS` (design §2). Anything else (a leading apostrophe, a bare number, other text) it
 * cannot read.
 */
export function readSheetDate(cell: Cell | undefined): ReadDate {
  if (cell === '' || cell === undefined) return { kind: 'empty' };
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    return { kind: 'date', ms: (cell as Date).getTime() };
  }
  if (typeof cell !== 'string') return { kind: 'rejected', why: `no es fecha: ${String(cell)}` };
  const m = /^(\d{2})-(\d{2})-(\d{4})(?: (\d{2}:\d{2}:\d{2}))?$/.exec(cell);
  if (!m) return { kind: 'rejected', why: `texto que no es fecha: ${cell}` };
  return { kind: 'text', day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), time: m[4] ?? null };
}
