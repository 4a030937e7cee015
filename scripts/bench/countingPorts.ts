// Times a request's spreadsheet port calls, so the bench can tell the use case's own CPU from the time the
// in-memory services spend (the fakes count and price their own calls).

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
  for (const name of [
    'readSheets',
    'readNumberFormats',
    'readBlocks',
    'findRows',
    'findAcross',
    'readDisplayText',
    'readRange',
    'writeCells',
    'appendRows',
    'deleteRows',
    'writeBatch',
    'timeZone',
    'columnTags',
    'tagColumns',
  ] as const) {
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
