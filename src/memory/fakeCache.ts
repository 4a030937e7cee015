// In-memory CacheService document cache: entries expire by a clock, values over 100 KB (UTF-8 bytes) are
// refused like Apps Script, calls are counted, and failures injectable per method.

import { CACHE_VALUE_MAX_BYTES, utf8Length } from '../domain/bytes';
import { CallCounter } from './callCounter';
import { Faults } from './faults';

export const CACHE_TARGET = '(cache)';

/** Apps Script's message for a value over 100 KB. */
export const CACHE_TOO_LARGE = 'Exception: Argument too large: value';

/**
 * CacheService's document cache: entries expire after the seconds they were put for, by the clock given
 * (tests move it); getAll and putAll are counted as one call each (cache get 3 ms, put 93 ms). A putAll
 * with one value over 100 KB stores nothing and throws.
 */
export class FakeCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(
    private readonly now: () => number,
    private readonly calls = new CallCounter(),
    /** Failures a test plans: `cache.getAll`, `cache.putAll`, `cache.removeAll`. */
    readonly faults = new Faults(),
  ) {}

  getAll(keys: string[]): Record<string, string> {
    this.calls.record(CACHE_TARGET, 'getAll', '', 0, 'cache.get');
    this.faults.check('cache.getAll');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry && entry.expires > this.now()) out[key] = entry.value;
    }
    return out;
  }

  putAll(values: Record<string, string>, expirationInSeconds: number): void {
    this.calls.record(CACHE_TARGET, 'putAll', '', 0, 'cache.put');
    this.faults.check('cache.putAll');
    const list = Object.entries(values);
    if (list.some(([, value]) => utf8Length(value) > CACHE_VALUE_MAX_BYTES)) throw new Error(CACHE_TOO_LARGE);
    for (const [key, value] of list) {
      this.entries.set(key, { value, expires: this.now() + expirationInSeconds * 1000 });
    }
  }

  removeAll(keys: string[]): void {
    this.calls.record(CACHE_TARGET, 'removeAll', '', 0, 'cache.put');
    this.faults.check('cache.removeAll');
    for (const key of keys) this.entries.delete(key);
  }

  /** Keys held now, unexpired (test inspection; not counted). */
  keys(): string[] {
    return [...this.entries].filter(([, e]) => e.expires > this.now()).map(([key]) => key);
  }
}

export class FakeCacheService {
  readonly document: FakeCache;
  constructor(
    now: () => number,
    readonly calls = new CallCounter(),
    readonly faults = new Faults(),
  ) {
    this.document = new FakeCache(now, calls, faults);
  }
  getDocumentCache(): FakeCache {
    return this.document;
  }
}
