// What a Uniones row must hold to be a union (design §2), which of its columns we write and read, and the
// shapes a row takes when it cannot be read or when a record is written to it.

import * as z from 'zod';
import type { CellIssue } from './rowReader';
import { N_UNION_MAX, N_UNION_MIN } from '../domain/union';
import { UNIONES } from './schema';

export const TRACKING_COLUMNS = [
  UNIONES.armInicio,
  UNIONES.armFin,
  UNIONES.armWorker,
  UNIONES.solInicio,
  UNIONES.solFin,
  UNIONES.solWorker,
  UNIONES.version,
];

/**
 * The columns a union's metrics and its readability depend on: decode reports a bad cell in any of them,
 * which makes the row unreadable (its spool left alone). The rest (ID, workers, version) is read as text.
 */
export const METRIC_READ_COLUMNS = [
  UNIONES.ot,
  UNIONES.nUnion,
  UNIONES.tag,
  UNIONES.dn,
  UNIONES.tipo,
  UNIONES.armInicio,
  UNIONES.armFin,
  UNIONES.solInicio,
  UNIONES.solFin,
];

const nullableTime = z.number().int().nullable();

/** What a Uniones row must hold to be a union (design §2). */
export const unionRowSchema = z.object({
  ot: z.string().min(1, 'sin OT ni un TAG_SPOOL que la resuelva'),
  tagSpool: z.string().min(1, 'TAG_SPOOL vacío'),
  nUnion: z
    .number({ error: 'N_UNION vacío' })
    .int('N_UNION debe ser entero')
    .min(N_UNION_MIN, `N_UNION fuera de ${N_UNION_MIN}–${N_UNION_MAX}`)
    .max(N_UNION_MAX, `N_UNION fuera de ${N_UNION_MIN}–${N_UNION_MAX}`),
  dn: z.number({ error: 'DN_UNION vacío' }).positive('DN_UNION debe ser mayor que 0'),
  tipo: z.string().min(1, 'TIPO_UNION vacío'),
  armInicio: nullableTime,
  armFin: nullableTime,
  solInicio: nullableTime,
  solFin: nullableTime,
});

export const FIELD_COLUMN: Record<string, string> = {
  ot: UNIONES.ot,
  tagSpool: UNIONES.tag,
  nUnion: UNIONES.nUnion,
  dn: UNIONES.dn,
  tipo: UNIONES.tipo,
};

/**
 * A Uniones row that points at a spool (by TAG_SPOOL, or failing that by OT) but cannot be read as a union:
 * what its cells show, and why it cannot be read. No decision about its spool is taken from partial data
 * (issue 7 §3): it is never COMPLETAR and its metrics are not rewritten.
 */
export interface UnreadableRow {
  rowNumber: number;
  /** `OT+N_UNION` when both can be read from the row, else null. */
  key: string | null;
  ot: string;
  tagSpool: string;
  nUnion: number | null;
  /** DN_UNION when it reads as a plausible number, else null. */
  dn: number | null;
  tipo: string;
  /** ARM_WORKER, ARM_FECHA_INICIO, ARM_FECHA_FIN as text, dates as `DD-MM-YYYY HH:MM:SS` (and SOL_* likewise). */
  arm: { worker: string; inicio: string; fin: string };
  sol: { worker: string; inicio: string; fin: string };
  /** The cells that could not be read, with why (at least one). */
  issues: CellIssue[];
}

/** What FINALIZAR writes to a union for one operation: who, and when (ms since epoch). */
export interface UnionRecord {
  worker: string;
  inicio: number;
  fin: number;
}
