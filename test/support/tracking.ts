// Builders of union-tracking workbooks: spools, unions and workers given by what matters to a scenario.

import type { Cell } from '../../src/domain/cell';
import {
  METADATA_HEADER,
  PRODUCTION_OPERACIONES_HEADER,
  UNIONES_HEADER,
} from '../../src/data/productionHeaders';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { FakeLock } from '../../src/memory/fakeServices';
import {
  ManualClock,
  memoryEnvironment,
  type Backend,
  type MemoryEnvironment,
} from '../../src/memory/memoryPorts';
import { addWorkerSheets, DEMO_WORKERS, type DemoWorker } from '../../src/memory/demoWorkbook';

export const TZ = 'America/Santiago';
/** 22-11-2026 10:00:00 in Santiago (UTC-3 in summer). */
export const NOW = Date.UTC(2026, 10, 22, 13, 0, 0);

export interface UnionSpec {
  ot: string;
  n: number;
  tag?: string;
  dn?: Cell;
  tipo?: string;
  [column: string]: Cell | undefined;
}

export interface TrackingBookSpec {
  spools: Array<{ ot: string; tag: string; [column: string]: Cell }>;
  unions: UnionSpec[];
  operacionesHeader?: readonly string[];
  workers?: readonly DemoWorker[];
}

export const tagOf = (ot: string) => `SP-${ot}`;

export function trackingBook(spec: TrackingBookSpec): FakeSpreadsheet {
  const book = new FakeSpreadsheet({ timeZone: TZ });
  const header = spec.operacionesHeader ?? PRODUCTION_OPERACIONES_HEADER;
  book.addSheet(
    'Operaciones',
    [
      [...header],
      ...spec.spools.map((s) =>
        header.map((name) => {
          if (name === 'TAG_SPOOL') return s.tag;
          if (name === 'OT') return s.ot;
          if (name === 'version') return s.version ?? 1;
          return s[name] ?? '';
        }),
      ),
    ],
    { extraEmptyRows: 10 },
  );
  book.addSheet('Uniones', [
    [...UNIONES_HEADER],
    ...spec.unions.map((u) =>
      UNIONES_HEADER.map((name) => {
        if (name === 'OT') return u.ot;
        if (name === 'N_UNION') return u.n;
        if (name === 'TAG_SPOOL') return u.tag ?? tagOf(u.ot);
        if (name === 'DN_UNION') return u.dn ?? 6;
        if (name === 'TIPO_UNION') return u.tipo ?? 'BW';
        if (name === 'version') return u.version ?? 1;
        return u[name] ?? '';
      }),
    ),
  ]);
  book.addSheet('Metadata', [[...METADATA_HEADER]]);
  addWorkerSheets(book, spec.workers ?? DEMO_WORKERS);
  return book;
}

/** OT "001"…: `unionsPerOt` unions each, the first `armed` armed and the first `welded` welded. */
export function progressBook(options: { ots: number; unionsPerOt: number; armed: number; welded: number }) {
  const spools: TrackingBookSpec['spools'] = [];
  const unions: UnionSpec[] = [];
  for (let o = 1; o <= options.ots; o++) {
    const ot = String(o).padStart(3, '0');
    spools.push({ ot, tag: tagOf(ot) });
    for (let n = 1; n <= options.unionsPerOt; n++) {
      const armed = n <= options.armed;
      const welded = n <= options.welded;
      unions.push({
        ot,
        n,
        dn: dnOf(n),
        ARM_FECHA_INICIO: armed ? '01-11-2026 08:00:00' : '',
        ARM_FECHA_FIN: armed ? '01-11-2026 09:00:00' : '',
        ARM_WORKER: armed ? 'MR(93)' : '',
        SOL_FECHA_INICIO: welded ? '02-11-2026 08:00:00' : '',
        SOL_FECHA_FIN: welded ? '02-11-2026 09:30:00' : '',
        SOL_WORKER: welded ? 'JP(94)' : '',
      });
    }
  }
  return trackingBook({ spools, unions });
}

/** DN of union n in progress books: 4.5, 6, 8, 10, 12, 14, 16, 18, 20, 24, then again. */
export function dnOf(n: number): number {
  return [4.5, 6, 8, 10, 12, 14, 16, 18, 20, 24][(n - 1) % 10]!;
}

export const BACKENDS: Backend[] = ['spreadsheetApp', 'sheetsApi'];

export function environment(
  book: FakeSpreadsheet,
  now = NOW,
  backend: Backend = 'spreadsheetApp',
): MemoryEnvironment & { clock: ManualClock } {
  const clock = new ManualClock(now);
  return { ...memoryEnvironment(book, { clock, backend }), clock };
}

/** Values of a sheet as rows of {header: value}. */
export function records(book: FakeSpreadsheet, sheet: string): Array<Record<string, Cell>> {
  const [header, ...rows] = book.sheet(sheet).dump();
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [String(name), row[i] ?? ''])));
}

export function rowOf(book: FakeSpreadsheet, sheet: string, match: (r: Record<string, Cell>) => boolean) {
  const found = records(book, sheet).find(match);
  if (!found) throw new Error(`no row in ${sheet}`);
  return found;
}

/**
 * Simulates two executions: another one holds the document lock, and `meanwhile` runs (taking and
 * releasing the lock itself) while the next request waits for it.
 */
export function whileWaitingForLock(env: MemoryEnvironment, meanwhile: () => void): void {
  const holder = new FakeLock(env.lockService.state);
  holder.tryLock(0);
  env.lockService.state.onContention = () => {
    env.lockService.state.onContention = null;
    holder.releaseLock();
    meanwhile();
  };
}

/** A FINALIZAR ARM request on OT 001 (the shape most scenarios start from). */
export function armRequest(unionKeys: string[], requestId: string, workerId = 93) {
  return { ot: '001', operation: 'ARM' as const, workerId, unionKeys, requestId };
}
