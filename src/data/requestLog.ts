// Remembers the result of each requestId for a while, so a replayed request writes nothing twice.
// Document properties hold it: per spreadsheet, and read only under the document lock.

import type { PropertiesPort } from '../ports';

const PREFIX = 'req:';
const INDEX = 'req-index';
const KEEP = 200;
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Properties hold at most 9 KB a value: larger results are kept as their summary. */
const MAX_VALUE_CHARS = 8000;

export class RequestLog {
  constructor(private readonly properties: PropertiesPort) {}

  find<T>(requestId: string): T | null {
    const raw = this.properties.get(PREFIX + requestId);
    if (!raw) return null;
    try {
      return (JSON.parse(raw) as { result: T }).result;
    } catch {
      return null;
    }
  }

  save<T>(requestId: string, result: T, summary: () => unknown, now: number): void {
    let value = JSON.stringify({ result });
    if (value.length > MAX_VALUE_CHARS) value = JSON.stringify({ result: summary() });
    this.properties.set(PREFIX + requestId, value);
    const index = this.index().filter(([id]) => id !== requestId);
    index.push([requestId, now]);
    const expired = index.filter(([, at], i) => now - at >= MAX_AGE_MS || i < index.length - KEEP);
    for (const [old] of expired) this.properties.delete(PREFIX + old);
    this.properties.set(INDEX, JSON.stringify(index.filter((entry) => !expired.includes(entry))));
  }

  private index(): Array<[string, number]> {
    try {
      const parsed: unknown = JSON.parse(this.properties.get(INDEX) ?? '[]');
      return Array.isArray(parsed) ? (parsed as Array<[string, number]>) : [];
    } catch {
      return [];
    }
  }
}
