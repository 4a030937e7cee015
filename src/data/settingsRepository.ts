// Shop settings in document properties (per spreadsheet), validated, with defaults for what is unset.

import * as z from 'zod';
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
  targetedReads: z.boolean(),
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
  const parsed = settingsSchema.partial().safeParse(stored);
  return parsed.success ? { ...DEFAULT_SETTINGS, ...parsed.data } : { ...DEFAULT_SETTINGS };
}

export function saveSettings(properties: PropertiesPort, changes: Partial<Settings>): Settings {
  const merged = { ...loadSettings(properties), ...changes };
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    throw validationError('Configuración inválida.', { issues: parsed.error.issues.map((i) => i.message) });
  }
  properties.set(KEY, JSON.stringify(parsed.data));
  return parsed.data;
}
