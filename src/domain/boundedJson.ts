// JSON that fits where the platform puts a limit: 50,000 characters a cell, 9 KB (UTF-8 bytes) a property.
// What does not fit is summarised with counts, never cut mid-text into invalid JSON.

import { cutText } from './bytes';

export { CELL_MAX_CHARS, PROPERTY_MAX_BYTES, utf8Length } from './bytes';

export type Measure = (text: string) => number;
export const chars: Measure = (text) => text.length;

interface Found {
  holder: unknown[] | Record<string, unknown>;
  key: string | number;
  path: string;
  size: number;
}

/** Every array and string inside `value`, with where it sits and its JSON size. */
function parts(
  value: unknown,
  measure: Measure,
  path: string,
  out: Found[],
  holder?: Found['holder'],
  key?: string | number,
) {
  if (Array.isArray(value)) {
    if (holder !== undefined && key !== undefined && value.length > 0)
      out.push({ holder, key, path, size: measure(JSON.stringify(value)) });
    value.forEach((item, i) => parts(item, measure, `${path}[${i}]`, out, value, i));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      parts(v, measure, path === '' ? k : `${path}.${k}`, out, value as Record<string, unknown>, k);
    }
  } else if (typeof value === 'string' && holder !== undefined && key !== undefined && value.length > 200) {
    out.push({ holder, key, path, size: measure(JSON.stringify(value)) });
  }
}

/**
 * `JSON.stringify(value)` when it fits in `max` (measured by `measure`: characters for a cell,
 * `utf8Length` for a property). Otherwise the largest arrays are cut (their full lengths go under
 * `_omitidos`, by path) and long texts shortened, until it fits; as a last resort a summary naming the
 * top-level fields. The result is always valid JSON of at most `max`.
 */
export function boundedJson(value: Record<string, unknown>, max: number, measure: Measure = chars): string {
  const whole = JSON.stringify(value);
  if (measure(whole) <= max) return whole;
  const copy = JSON.parse(whole) as Record<string, unknown>;
  const omitted: Record<string, number> = {};
  for (let round = 0; round < 200; round++) {
    const found: Found[] = [];
    parts(copy, measure, '', found);
    const text = JSON.stringify({ ...copy, _omitidos: omitted });
    if (measure(text) <= max) return text;
    const largest = found.sort((a, b) => b.size - a.size)[0];
    if (!largest) break;
    const target = (largest.holder as Record<string | number, unknown>)[largest.key];
    if (Array.isArray(target)) {
      if (!(largest.path in omitted)) omitted[largest.path] = target.length;
      target.splice(Math.floor(target.length / 2));
    } else if (typeof target === 'string') {
      (largest.holder as Record<string | number, unknown>)[largest.key] =
        `${cutText(target, Math.floor(target.length / 2))}…`;
    }
  }
  const summary = JSON.stringify({ _omitidos: 'demasiado largo', campos: Object.keys(value).slice(0, 20) });
  return measure(summary) <= max ? summary : '{}';
}
