// Schemas of the Panel's requests that cross google.script.run (issue 16 §1–4): anything else is VALIDATION.

import * as z from 'zod';

const tagSpool = z
  .string({ error: 'el spool es obligatorio' })
  .trim()
  .min(1, 'el spool es obligatorio')
  .max(80, 'el spool es demasiado largo');
const workerId = z
  .number({
    error: (issue) =>
      issue.input === undefined ? 'el trabajador es obligatorio' : 'el Id de trabajador debe ser un número',
  })
  .int('el Id de trabajador debe ser entero')
  .positive('el Id de trabajador debe ser positivo');
const requestId = z
  .string({ error: 'falta requestId' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'requestId inválido (8–100 letras, números, - o _)');

export const occupiedSpoolsRequest = z.object({}).strict();

/** Characters a release's reason may have (it goes into Metadata_JSON). */
export const REASON_MAX_CHARS = 500;

/** apiLastCapacity takes nothing (an empty object, or no argument). */
export const lastCapacityRequest = z.object({}).strict();

export const releaseSpoolRequest = z
  .object({
    tagSpool,
    workerId,
    reason: z
      .string({ error: 'el motivo es obligatorio' })
      .trim()
      .min(1, 'el motivo es obligatorio')
      .max(REASON_MAX_CHARS, `el motivo es demasiado largo (máximo ${REASON_MAX_CHARS} caracteres)`),
    requestId,
    ocupadoPor: z
      .string({ error: 'ocupadoPor es un texto' })
      .max(200, 'ocupadoPor es demasiado largo')
      .optional(),
    listedOt: z.string({ error: 'listedOt es un texto' }).max(60, 'listedOt es demasiado largo').optional(),
  })
  .strict();

export const workerDayRequest = z
  .object({
    workerId,
    date: z
      .string({ error: 'la fecha es un texto DD-MM-AAAA' })
      .trim()
      .regex(/^\d{2}-\d{2}-\d{4}$/, 'la fecha debe ser DD-MM-AAAA')
      .optional(),
  })
  .strict();

export const spoolHistoryRequest = z
  .object({
    tagSpool,
    limit: z
      .number({ error: 'limit debe ser un número' })
      .int('limit debe ser entero')
      .min(1, 'limit debe ser al menos 1')
      .max(500, 'limit es a lo más 500')
      .optional(),
  })
  .strict();
