// Audit events of the Metadata log: every kind the product writes is listed here, so none is refused later.

import * as z from 'zod';
import type { Operation } from './operation';

/**
 * Evento_Tipo values. The first seven are the shared vocabulary the shop's other system parses (design §2
 * "Shared vocabulary"); the others are ours alone (it has no counterpart for them).
 */
export const EVENT_TYPES = [
  'INICIAR_SPOOL',
  'PAUSAR_SPOOL',
  'COMPLETAR_ARM',
  'COMPLETAR_SOLD',
  'SPOOL_CANCELADO',
  'UNION_ARM_REGISTRADA',
  'UNION_SOLD_REGISTRADA',
  'MIGRACION_ESQUEMA',
  'JOB_METRICAS',
  'RESUMEN_PRODUCCION',
  'ERROR',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Accion values: INICIAR, PAUSAR, COMPLETAR, CANCELAR are shared; MIGRAR, RECALCULAR, RESUMIR, FALLO are ours. */
export const ACTIONS = [
  'INICIAR',
  'COMPLETAR',
  'PAUSAR',
  'CANCELAR',
  'MIGRAR',
  'RECALCULAR',
  'RESUMIR',
  'FALLO',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The spool-level event of a FINALIZAR outcome for `operation`. */
export function spoolEventType(action: 'COMPLETAR' | 'PAUSAR' | 'CANCELAR', operation: Operation): EventType {
  if (action === 'PAUSAR') return 'PAUSAR_SPOOL';
  if (action === 'CANCELAR') return 'SPOOL_CANCELADO';
  return operation === 'ARM' ? 'COMPLETAR_ARM' : 'COMPLETAR_SOLD';
}

/** The per-union event type of `operation` (also used, without N_UNION, for the batch summary). */
export const unionEventType = (operation: Operation): EventType =>
  operation === 'ARM' ? 'UNION_ARM_REGISTRADA' : 'UNION_SOLD_REGISTRADA';

export const metadataEventSchema = z.object({
  id: z.string().min(1),
  timestamp: z.number().int(),
  eventoTipo: z.enum(EVENT_TYPES),
  tagSpool: z.string(),
  workerId: z.number().int().nullable(),
  workerNombre: z.string(),
  operacion: z.string(),
  accion: z.enum(ACTIONS),
  /** The day the work was done, written DD-MM-YYYY. */
  fechaOperacion: z.number().int().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  nUnion: z.number().int().nullable(),
});

export type MetadataEvent = z.infer<typeof metadataEventSchema>;
