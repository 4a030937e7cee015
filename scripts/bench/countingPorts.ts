// Wraps a request's ports to count lock and properties calls and to time spreadsheet port calls
// (the spreadsheet fakes count their own calls).

import type { Ports } from '../../src/ports';

export interface Counted {
  lock: number;
  properties: number;
  /** Time inside spreadsheet port calls (adapter + in-memory service): what Apps Script's service would spend. */
  portMs: number;
}

/** Times every call of the spreadsheet port. */
export function timed(port: Ports['spreadsheet'], counted: Counted): Ports['spreadsheet'] {
  const wrapped = Object.create(port) as Ports['spreadsheet'];
  for (const name of ['readSheets', 'writeCells', 'appendRows', 'writeBatch', 'timeZone'] as const) {
    const original = port[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!original) continue;
    (wrapped as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const started = performance.now();
      try {
        return original.apply(port, args);
      } finally {
        counted.portMs += performance.now() - started;
      }
    };
  }
  return wrapped;
}

/** Counts the lock and properties calls a request makes (the spreadsheet fakes count their own). */
export function counting(ports: Ports, counted: Counted): Ports {
  let read = false;
  return {
    ...ports,
    spreadsheet: timed(ports.spreadsheet, counted),
    lock: {
      tryLock: (ms) => (counted.lock++, ports.lock.tryLock(ms)),
      release: () => (counted.lock++, ports.lock.release()),
    },
    properties: {
      // The adapter reads every property in one getProperties call, once per request.
      get: (key) => (read ? null : ((read = true), counted.properties++), ports.properties.get(key)),
      set: (key, value) => (counted.properties++, ports.properties.set(key, value)),
      delete: (key) => (counted.properties++, ports.properties.delete(key)),
    },
  };
}
