// Audit events of the Metadata log: every kind the product writes is listed here, so none is refused later.

import * as z from 'zod';

export const EVENT_TYPES = [
  'INICIAR_ARM',
  'INICIAR_SOLD',
  'COMPLETAR_ARM',
  'COMPLETAR_SOLD',
  'PAUSAR_ARM',
  'PAUSAR_SOLD',
  'CANCELAR_ARM',
  'CANCELAR_SOLD',
  'UNION_ARM',
  'UNION_SOLD',
  'MIGRACION_ESQUEMA',
  'JOB_METRICAS',
  'ERROR',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const ACTIONS = [
  'INICIAR',
  'COMPLETAR',
  'PAUSAR',
  'CANCELAR',
  'REGISTRAR',
  'MIGRAR',
  'RECALCULAR',
  'FALLO',
] as const;
export type Action = (typeof ACTIONS)[number];

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
