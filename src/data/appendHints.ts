// The next free row of an append-only sheet (the Metadata audit log), kept in document properties between
// requests (issue 15 §3): read with the settings at no extra call, checked by a window of rows before use.

import * as z from 'zod';
import type { AppendPosition, PropertiesPort } from '../ports';
import { shouldStoreHint } from './uow/appendWindow';

const keyOf = (sheet: string) => `appendHint:${sheet}`;

const hintSchema = z.object({
  row: z.number().int().min(2),
  maxRows: z.number().int().min(1),
});

/**
 * The stored hint of `sheet` (1-based next row and the grid's row count when it was stored), or null when
 * none is stored or it cannot be read (then the request finds the position at a metadata call's cost).
 * From the request's properties snapshot: no call beyond the one that read the settings.
 */
export function loadAppendHint(properties: PropertiesPort, sheet: string): AppendPosition | null {
  const raw = properties.get(keyOf(sheet));
  if (!raw) return null;
  try {
    const parsed = hintSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.maxRows >= parsed.data.row - 1 ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Stores where the next append of `sheet` goes, when it moved enough since `stored` to be worth a property
 * write (62 ms; see shouldStoreHint). A lower bound is enough: the next window finds the rows below it.
 * A failed write is ignored: the work is committed already.
 */
export function rememberAppendHint(
  properties: PropertiesPort,
  sheet: string,
  stored: AppendPosition | null,
  next: AppendPosition,
): void {
  if (!shouldStoreHint(stored, next)) return;
  try {
    properties.set(keyOf(sheet), JSON.stringify({ row: next.row, maxRows: next.maxRows }));
  } catch {
    // Only a saving is lost: the next request finds the position itself (done work is never an error).
  }
}
