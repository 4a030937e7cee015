// Builders for job scenarios: many spools, the metrics job service over an environment, and ports whose
// writes can be watched, made to fail, or cut off as a killed execution would be.

import { JobRepository } from '../../src/data/jobRepository';
import { saveSettings } from '../../src/data/settingsRepository';
import { MetricsJobService } from '../../src/app/metricsJob';
import type { Settings } from '../../src/domain/settings';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import type { CellWrite, Ports } from '../../src/ports';
import { progressBook } from './tracking';

/** `spools` spools (OT 001…, tag SP-001…), two unions each, union 1 armed; metric columns empty. */
export function spoolsBook(spools: number): FakeSpreadsheet {
  return progressBook({ ots: spools, unionsPerOt: 2, armed: 1, welded: 0 });
}

/** Row (1-based) of the n-th spool (0-based) of a spoolsBook. */
export const rowOfSpool = (n: number) => n + 2;

export function withSettings(ports: Ports, changes: Partial<Settings>): Ports {
  saveSettings(ports.properties, changes);
  return ports;
}

export function metricsService(ports: Ports): MetricsJobService {
  return new MetricsJobService({
    ports,
    jobs: new JobRepository(ports.properties, ports.cache),
    triggers: null,
    ui: null,
  });
}

/** What `watch` sees: each writeCells of Operaciones with its rows. */
export interface WriteLog {
  rows: number[][];
}

/**
 * Ports whose spreadsheet writes go through `before` (called with the sheet and cells; may throw after or
 * before writing by returning 'fail-after' / throwing) and are logged.
 */
export function watchedPorts(
  ports: Ports,
  log: WriteLog,
  hook: (sheet: string, cells: readonly CellWrite[]) => 'write' | 'fail-after' = () => 'write',
): Ports {
  const spreadsheet = ports.spreadsheet;
  const writeCells = (sheet: string, cells: readonly CellWrite[]) => {
    const decision = hook(sheet, cells);
    spreadsheet.writeCells(sheet, cells);
    if (sheet === 'Operaciones') log.rows.push([...new Set(cells.map((c) => c.row))]);
    if (decision === 'fail-after') throw new Error('Exception: Service Spreadsheets failed while writing.');
  };
  return {
    ...ports,
    spreadsheet: new Proxy(spreadsheet, {
      get: (obj, prop, receiver) =>
        prop === 'writeCells'
          ? writeCells
          : (() => {
              const value = Reflect.get(obj, prop, receiver) as unknown;
              return typeof value === 'function' ? (value as () => unknown).bind(obj) : value;
            })(),
    }),
  };
}

/** Ports that stop working for good once `kill()` is called: every service call throws, as after a kill. */
export function killablePorts(ports: Ports): { ports: Ports; kill: () => void } {
  let dead = false;
  const guard = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (dead) throw new Error('Exception: execution killed (time limit).');
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
  return {
    ports: {
      ...ports,
      spreadsheet: guard(ports.spreadsheet),
      properties: guard(ports.properties),
      lock: { tryLock: (ms) => !dead && ports.lock.tryLock(ms), release: () => ports.lock.release() },
    },
    kill: () => {
      dead = true;
    },
  };
}
