// Remembers the results of recent requestIds, so a replayed request writes nothing twice. One document
// property holds them all (one read, one write a request); the oldest go when it outgrows its size.

import type { PropertiesPort } from '../ports';

const KEY = 'requests';
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Properties hold at most 9 KB a value. */
const MAX_CHARS = 8500;
/** A single result larger than this is kept as its summary. */
const MAX_RESULT_CHARS = 4000;

type Entry = [requestId: string, at: number, result: unknown];

export class RequestLog {
  constructor(private readonly properties: PropertiesPort) {}

  private entries(): Entry[] {
    try {
      const parsed: unknown = JSON.parse(this.properties.get(KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as Entry[]) : [];
    } catch {
      return [];
    }
  }

  find<T>(requestId: string): T | null {
    const entry = this.entries().find(([id]) => id === requestId);
    return entry ? (entry[2] as T) : null;
  }

  save<T>(requestId: string, result: T, summary: () => unknown, now: number): void {
    const kept = JSON.stringify(result).length <= MAX_RESULT_CHARS ? result : summary();
    const entries = this.entries().filter(([id, at]) => id !== requestId && now - at < MAX_AGE_MS);
    entries.push([requestId, now, kept]);
    let text = JSON.stringify(entries);
    while (text.length > MAX_CHARS && entries.length > 1) {
      entries.shift();
      text = JSON.stringify(entries);
    }
    this.properties.set(KEY, text);
  }
}
