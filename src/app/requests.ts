// Schemas of every request that crosses google.script.run: anything else is a VALIDATION error in Spanish.

import * as z from 'zod';
import { validationError } from '../domain/errors';
import { OPERATIONS } from '../domain/operation';

const ot = z
  .string({ error: 'la OT es obligatoria' })
  .trim()
  .min(1, 'la OT es obligatoria')
  .max(50, 'la OT es demasiado larga');
const operation = z.enum(OPERATIONS, { error: 'la operación debe ser ARM o SOLD' });
const workerId = z
  .number({ error: 'el trabajador es obligatorio' })
  .int('el Id de trabajador debe ser entero')
  .positive('el Id de trabajador debe ser positivo');
const requestId = z
  .string({ error: 'falta requestId' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'requestId inválido (8–100 letras, números, - o _)');

export const listUnionsRequest = z.object({ ot, operation }).strict();

export const startWorkRequest = z
  .object({
    tagSpool: z.string({ error: 'el spool es obligatorio' }).trim().min(1, 'el spool es obligatorio').max(80),
    operation,
    workerId,
    requestId,
  })
  .strict();

export const finishWorkRequest = z
  .object({
    ot,
    operation,
    workerId,
    unionKeys: z
      .array(z.string({ error: 'cada unión es un texto OT+N' }).trim().min(1).max(60), {
        error: 'unionKeys debe ser una lista',
      })
      .max(500, 'a lo más 500 uniones por registro'),
    requestId,
    versions: z.record(z.string(), z.string().max(60)).optional(),
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
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    const message =
      issue.code === 'unrecognized_keys' ? `campos no esperados: ${issue.keys.join(', ')}` : issue.message;
    return field ? `${field}: ${message}` : message;
  });
  throw validationError(`Solicitud inválida: ${problems.join('; ')}.`, { problems });
}
