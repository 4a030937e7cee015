// One request's repositories over one unit of work, and the idempotent, locked, all-or-nothing way
// every writing use case runs.

import { MetadataRepository } from '../data/metadataRepository';
import { SHEETS } from '../data/productionHeaders';
import { RequestLog } from '../data/requestLog';
import type { CellIssue } from '../data/rowReader';
import { loadSettings } from '../data/settingsRepository';
import { SpoolRepository } from '../data/spoolRepository';
import { UnionRepository } from '../data/unionRepository';
import { UnitOfWork } from '../data/unitOfWork';
import { WorkerRepository } from '../data/workerRepository';
import { AppError, internalError, toAppError } from '../domain/errors';
import type { Settings } from '../domain/settings';
import type { Ports } from '../ports';
import { withLock } from './withLock';

export interface RequestScope {
  ports: Ports;
  settings: Settings;
  uow: UnitOfWork;
  spools: SpoolRepository;
  unions: UnionRepository;
  workers: WorkerRepository;
  metadata: MetadataRepository;
  /** Cells that could not be read, with sheet, row and reason. */
  issues: CellIssue[];
  timeZone: string;
  now: number;
}

/** The sheets a union-tracking request reads whole, and the one it only appends to. */
export const TRACKING_SHEETS = [SHEETS.operaciones, SHEETS.uniones, SHEETS.trabajadores, SHEETS.roles];

export function openRequest(ports: Ports, settings: Settings = loadSettings(ports.properties)): RequestScope {
  const uow = new UnitOfWork(ports.spreadsheet, { appendChunkSize: settings.appendChunkSize });
  const issues: CellIssue[] = [];
  const spools = new SpoolRepository(uow, issues, ports.ids);
  return {
    ports,
    settings,
    uow,
    spools,
    unions: new UnionRepository(uow, spools, issues, ports.ids),
    workers: new WorkerRepository(uow, issues),
    metadata: new MetadataRepository(uow),
    issues,
    get timeZone() {
      return uow.timeZone();
    },
    now: ports.clock.now(),
  };
}

/**
 * Runs a writing use case under the document lock, after checking that `requestId` was not already
 * done (a replay returns the first result and writes nothing). Properties (settings, the request log) are
 * first read under the lock, so a request that waited sees what the one before it saved.
 */
export function runIdempotent<T extends object>(
  ports: Ports,
  requestId: string,
  work: (settings: Settings) => T,
  summary: (result: T) => unknown = (result) => result,
): T & { replayed: boolean } {
  return withLock(ports.lock, () => {
    const log = new RequestLog(ports.properties);
    const previous = log.find<T>(requestId);
    if (previous) return { ...previous, replayed: true };
    const result = work(loadSettings(ports.properties));
    log.save(requestId, result, () => summary(result), ports.clock.now());
    return { ...result, replayed: false };
  });
}

/**
 * Commits the request's writes. If that fails, the unit of work has put the sheets back; the failure
 * is logged to Metadata in a write of its own, and the user gets a clear error.
 */
export function commitOrReport(scope: RequestScope, what: string, context: Record<string, unknown>): void {
  try {
    scope.uow.commit();
  } catch (error) {
    const failure = toAppError(error);
    logFailure(scope.ports, scope.settings, what, {
      ...context,
      error: failure.message,
      details: failure.details,
    });
    if (error instanceof AppError && error.code !== 'INTERNAL') throw error;
    throw internalError(`No se pudo guardar ${what}; la planilla quedó como estaba. Intente de nuevo.`, {
      cause: failure.message,
    });
  }
}

export function logFailure(
  ports: Ports,
  settings: Settings,
  what: string,
  context: Record<string, unknown>,
): void {
  try {
    const scope = openRequest(ports, settings);
    scope.metadata.logBatch([
      {
        id: `error-${scope.now}`,
        timestamp: scope.now,
        eventoTipo: 'ERROR',
        tagSpool: typeof context.tagSpool === 'string' ? context.tagSpool : '',
        workerId: typeof context.workerId === 'number' ? context.workerId : null,
        workerNombre: '',
        operacion: typeof context.operation === 'string' ? context.operation : '',
        accion: 'FALLO',
        fechaOperacion: scope.now,
        metadata: { what, ...context },
        nUnion: null,
      },
    ]);
    scope.uow.commit();
  } catch (error) {
    // The audit log itself is unwritable: the execution log is all that is left.
    console.error(`No se pudo registrar el fallo de ${what}: ${toAppError(error).message}`);
  }
}
