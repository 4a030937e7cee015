// Schemas of every request that crosses google.script.run: anything else is a VALIDATION error in Spanish.

import * as z from 'zod';
import spanish from 'zod/v4/locales/es.js';
import { validationError } from '../domain/errors';
import { OPERATIONS } from '../domain/operation';

const ot = z
  .string({ error: 'la OT es obligatoria' })
  .trim()
  .min(1, 'la OT es obligatoria')
  .max(50, 'la OT es demasiado larga');
const operation = z.enum(OPERATIONS, { error: 'la operación debe ser ARM o SOLD' });
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

export const listUnionsRequest = z.object({ ot, operation }).strict();

export const startWorkRequest = z
  .object({
    tagSpool: z
      .string({ error: 'el spool es obligatorio' })
      .trim()
      .min(1, 'el spool es obligatorio')
      .max(80, 'el spool es demasiado largo'),
    operation,
    workerId,
    requestId,
    listedOt: z.string({ error: 'listedOt es un texto' }).max(60, 'listedOt es demasiado largo').optional(),
  })
  .strict();

export const finishWorkRequest = z
  .object({
    ot,
    operation,
    workerId,
    unionKeys: z
      .array(
        z
          .string({ error: 'cada unión es un texto OT+N' })
          .trim()
          .min(1, 'una unión está vacía')
          .max(60, 'una unión es demasiado larga (máximo 60 caracteres)'),
        {
          error: 'unionKeys debe ser una lista',
        },
      )
      .max(500, 'a lo más 500 uniones por registro'),
    requestId,
    versions: z
      .record(
        z.string(),
        z.string({ error: 'cada versión es un texto' }).max(60, 'una versión es demasiado larga'),
        { error: 'versions debe ser un objeto {unión: versión}' },
      )
      .optional(),
    listedTags: z
      .array(z.string({ error: 'cada tag es un texto' }).max(80, 'un tag es demasiado largo'), {
        error: 'listedTags debe ser una lista',
      })
      .max(100, 'a lo más 100 tags')
      .optional(),
  })
  .strict();

export const getMetricsRequest = z.object({ ot }).strict();

export const migrateSchemaRequest = z
  .object({ dryRun: z.boolean({ error: 'dryRun debe ser true o false' }) })
  .strict();

export const runJobStepRequest = z
  .object({ kind: z.enum(['metrics'], { error: 'tarea desconocida' }) })
  .strict();

export const cancelJobRequest = runJobStepRequest;

/** Parses a request or throws VALIDATION naming each field and what is wrong with it. */
/** Problems a VALIDATION message names; the rest are counted. */
const PROBLEMS_NAMED = 5;

/** Zod's own Spanish texts for any check without a message of ours (never English to the user). */
const SPANISH_FALLBACK = spanish().localeError;

export function parseRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {}, { error: SPANISH_FALLBACK });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `campos no esperados: ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && field === ''
          ? 'la solicitud debe ser un objeto'
          : issue.message;
    return field ? `${field}: ${message}` : message;
  });
  // A list of 500 wrong keys names the first few: the message stays readable in the sidebar's alert.
  const named = problems.slice(0, PROBLEMS_NAMED).join('; ');
  const more = problems.length > PROBLEMS_NAMED ? ` y ${problems.length - PROBLEMS_NAMED} problemas más` : '';
  throw validationError(`Solicitud inválida: ${named}${more}.`, { problems: problems.slice(0, 50) });
}
