// Ports over the in-memory Apps Script fakes: what tests, the bench and the playground run use cases on.
// Each call to `ports()` is one simulated execution (its own lock handle and request caches).

import { lockAdapter, propertiesAdapter } from '../gas/services';
import { AppsScriptSpreadsheet } from '../gas/spreadsheetAdapter';
import type { ClockPort, Ports } from '../ports';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import { FakeLockService, FakePropertiesService } from './fakeServices';

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

export interface MemoryEnvironment {
  spreadsheet: FakeSpreadsheet;
  lockService: FakeLockService;
  propertiesService: FakePropertiesService;
  clock: ClockPort;
  ports(): Ports;
}

export function memoryEnvironment(
  spreadsheet: FakeSpreadsheet,
  options: {
    clock?: ClockPort;
    lockService?: FakeLockService;
    propertiesService?: FakePropertiesService;
  } = {},
): MemoryEnvironment {
  const lockService = options.lockService ?? new FakeLockService();
  const propertiesService = options.propertiesService ?? new FakePropertiesService();
  const clock = options.clock ?? { now: () => Date.now() };
  return {
    spreadsheet,
    lockService,
    propertiesService,
    clock,
    ports: () => ({
      spreadsheet: new AppsScriptSpreadsheet(spreadsheet),
      lock: lockAdapter(lockService.getDocumentLock()),
      properties: propertiesAdapter(propertiesService.getDocumentProperties()),
      clock,
    }),
  };
}
