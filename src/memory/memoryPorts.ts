// Ports over the in-memory Apps Script fakes: what tests, the bench and the playground run use cases on.
// Each call to `ports()` is one simulated execution (its own lock handle and request caches); every service
// call it makes is counted and can be priced with the cost model.

import { AppsScriptSpreadsheet } from '../gas/spreadsheetAdapter';
import { SheetsApiSpreadsheet } from '../gas/sheetsApiSpreadsheet';
import { AppsScriptSummarySheet } from '../gas/summarySheetAdapter';
import { CallCounter } from './callCounter';
import { price, type Price } from './costModel';
import { FakeSheetsApi } from './fakeSheetsApi';
import type { ClockPort, IdsPort, Ports } from '../ports';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import { cacheAdapter, lockAdapter, propertiesAdapter } from '../gas/services';
import { FakeCacheService, FakeLockService, FakePropertiesService } from './fakeServices';

/** A clock tests set and move by hand. */
export class ManualClock implements ClockPort {
  constructor(private time: number) {}
  now(): number {
    return this.time;
  }
  set(time: number): void {
    this.time = time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * UUID-shaped ids from a counter: unique within one environment and the same on every run, so tests can
 * assert on them ("00000000-0000-4000-8000-000000000001", then …002).
 */
export function sequentialIds(): IdsPort {
  let next = 0;
  return {
    uuid: () => {
      next += 1;
      return `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
    },
  };
}

export interface MemoryEnvironment {
  spreadsheet: FakeSpreadsheet;
  lockService: FakeLockService;
  propertiesService: FakePropertiesService;
  /** The document cache, expiring by `clock`; shared by every execution of the environment. */
  cacheService: FakeCacheService;
  clock: ClockPort;
  ids: IdsPort;
  ports(): Ports;
  /** Forgets the calls counted so far (spreadsheet, Sheets API, lock, properties). */
  resetCalls(): void;
  /** The calls since the last reset, priced with the cost model (src/memory/costModel.ts). */
  price(): Price;
}

export type Backend = 'spreadsheetApp' | 'sheetsApi';

export function memoryEnvironment(
  spreadsheet: FakeSpreadsheet,
  options: {
    clock?: ClockPort;
    lockService?: FakeLockService;
    propertiesService?: FakePropertiesService;
    cacheService?: FakeCacheService;
    ids?: IdsPort;
    /** Which adapter the requests go through: SpreadsheetApp (default) or the Sheets advanced service. */
    backend?: Backend;
  } = {},
): MemoryEnvironment {
  const serviceCalls = new CallCounter();
  const lockService = options.lockService ?? new FakeLockService(serviceCalls);
  const propertiesService = options.propertiesService ?? new FakePropertiesService(serviceCalls);
  const clock = options.clock ?? { now: () => Date.now() };
  const cacheService = options.cacheService ?? new FakeCacheService(() => clock.now(), serviceCalls);
  const counters = [
    ...new Set([spreadsheet.calls, lockService.calls, propertiesService.calls, cacheService.calls]),
  ];
  const sheetsApi = new FakeSheetsApi(spreadsheet);
  // Shared by every execution of this environment: ids stay unique across requests.
  const ids = options.ids ?? sequentialIds();
  return {
    spreadsheet,
    lockService,
    propertiesService,
    cacheService,
    clock,
    ids,
    ports: () => ({
      spreadsheet:
        options.backend === 'sheetsApi'
          ? new SheetsApiSpreadsheet(sheetsApi, 'fake-spreadsheet-id', new AppsScriptSpreadsheet(spreadsheet))
          : new AppsScriptSpreadsheet(spreadsheet, { flush: () => spreadsheet.flush() }),
      // The same adapter Apps Script runs, over the fake sheets and their charts (as compositionRoot wires it).
      summarySheet: new AppsScriptSummarySheet(spreadsheet, {
        columnChart: 'COLUMN',
        flush: () => spreadsheet.flush(),
      }),
      cache: cacheAdapter(cacheService.getDocumentCache()),
      lock: lockAdapter(lockService.getDocumentLock()),
      properties: propertiesAdapter(propertiesService.getDocumentProperties()),
      clock,
      ids,
    }),
    resetCalls: () => counters.forEach((c) => c.reset()),
    // Lock, property and cache calls are never reads or metadata, so listing them after the sheet calls prices
    // the flushes exactly as their real interleaving would.
    price: () => price(counters.flatMap((c) => c.calls)),
  };
}
