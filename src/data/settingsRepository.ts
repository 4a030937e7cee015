// Shop settings in document properties (per spreadsheet), validated, with defaults for what is unset.

import * as z from 'zod';
import { fitsProperty, PROPERTY_MAX_BYTES, utf8Length } from '../domain/bytes';
import { validationError } from '../domain/errors';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { PropertiesPort } from '../ports';

const KEY = 'settings';

export const settingsSchema = z.object({
  armOnlyTypes: z.array(z.string().trim().min(1)).max(50),
  requireArmBeforeSold: z.boolean(),
  appendChunkSize: z.number().int().min(1).max(10_000),
  useSheetsApi: z.boolean(),
  maxDnInches: z.number().positive().max(10_000),
  batchProcessing: z.boolean(),
  batchSize: z.number().int().min(1).max(5_000),
  // Under the 6 minutes Apps Script allows an execution, with room to save and stop.
  jobBudgetMs: z.number().int().min(1_000).max(330_000),
  targetedReads: z.boolean(),
  summaryDays: z.number().int().min(1).max(366),
  staleAfterHours: z
    .number()
    .positive()
    .max(24 * 365),
  releaseRoles: z.array(z.string().trim().min(1)).max(50),
});

export function loadSettings(properties: PropertiesPort): Settings {
  const raw = properties.get(KEY);
  if (!raw) return { ...DEFAULT_SETTINGS };
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return settings;
  // Each setting on its own: an invalid value takes its default, and leaves the other settings as set.
  const values = stored as Record<string, unknown>;
  const shape: Record<string, z.ZodType> = settingsSchema.shape;
  for (const key of Object.keys(shape)) {
    if (!(key in values)) continue;
    const parsed = shape[key]!.safeParse(values[key]);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return settings;
}

/**
 * Merges `changes` into the stored settings, validates them (zod) and stores them as one JSON property.
 * Throws VALIDATION when a value is invalid, or when the JSON with its key passes 9 KB (9,216 UTF-8 bytes,
 * PROPERTY_MAX_BYTES); nothing is stored then.
 */
export function saveSettings(properties: PropertiesPort, changes: Partial<Settings>): Settings {
  const merged = { ...loadSettings(properties), ...changes };
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    throw validationError('Configuración inválida.', { issues: parsed.error.issues.map((i) => i.message) });
  }
  const value = JSON.stringify(parsed.data);
  // Apps Script refuses a property over 9 KB (key and value, UTF-8 bytes) with English text: said first, in Spanish.
  if (!fitsProperty(KEY, value)) {
    const bytes = utf8Length(KEY) + utf8Length(value);
    throw validationError(
      `La configuración ocupa ${bytes} bytes y una propiedad del documento admite a lo más ${PROPERTY_MAX_BYTES} ` +
        '(9 KB): acorte las listas (armOnlyTypes, releaseRoles); no se guardó nada.',
      { field: 'settings', bytes, max: PROPERTY_MAX_BYTES },
    );
  }
  properties.set(KEY, value);
  return parsed.data;
}
