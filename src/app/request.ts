// One request's repositories over one unit of work, and the idempotent, locked, all-or-nothing way
// every writing use case runs.

import { loadAppendHint, rememberAppendHint } from '../data/appendHints';
import { MetadataRepository } from '../data/metadataRepository';
import { SHEETS } from '../data/productionHeaders';
import {
  FINGERPRINT_KEY,
  REQUEST_ID_KEY,
  RESULT_KEY,
  findRequest,
  firstEventId,
  requestSearch,
  type RequestLookup,
} from '../data/requestRecords';
import type { CellIssue } from '../data/rowReader';
import { loadSettings } from '../data/settingsRepository';
import { SpoolRepository } from '../data/spoolRepository';
import { UnionRepository } from '../data/unionRepository';
import { RowLocator, type RowTarget } from '../data/rowLocator';
import { METADATA_SCHEMA, OPERACIONES_SCHEMA, UNIONES_SCHEMA } from '../data/schema';
import { SheetCache } from '../data/sheetCache';
import type { TaggedColumns } from '../data/uow/columnTags';
import { UnitOfWork, retryOnStaleHeader } from '../data/unitOfWork';
import { WorkerRepository } from '../data/workerRepository';
import {
  AppError,
  conflictError,
  forbiddenError,
  internalError,
  isProtectedRefusal,
  protectedSentence,
  toAppError,
  validationError,
  whatIsLeft,
} from '../domain/errors';
import { fingerprint } from '../domain/fingerprint';
import { de } from '../domain/spanish';
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
  /**
   * What went wrong after the sheet writes were committed (a cache put, …): Spanish, for the answer's
   * `warnings`. Never a failure: what was committed stays committed (issue 14 §1).
   */
  warnings: string[];
}

/** The sheets a union-tracking request reads whole, and the one it only appends to. */
export const TRACKING_SHEETS = [SHEETS.operaciones, SHEETS.uniones, SHEETS.trabajadores, SHEETS.roles];

/** What INICIAR and FINALIZAR read: the tracking sheets whole, and Metadata's header (for appends and ids). */
export const TRACKING_READS = { sheets: TRACKING_SHEETS, headersOf: [SHEETS.metadata] };

/** What the document cache may hold: the headers of the sheets rows are located in, and the small sheets. */
const LOCATED_SHEETS = [SHEETS.operaciones, SHEETS.uniones, SHEETS.metadata];
const SMALL_SHEETS = [SHEETS.trabajadores, SHEETS.roles];
const CACHED = { headers: LOCATED_SHEETS, grids: SMALL_SHEETS };

/** The columns of our schema in the sheets whose cached headers column tags prove (issue 15 §2). */
export const TAGGED_COLUMNS: TaggedColumns = new Map(
  [OPERACIONES_SCHEMA, UNIONES_SCHEMA, METADATA_SCHEMA].map((schema) => [
    schema.sheet,
    schema.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]),
  ]),
);

export function openRequest(
  ports: Ports,
  settings: Settings = loadSettings(ports.properties),
  options: { flushOnCommit?: boolean } = {},
): RequestScope {
  const warnings: string[] = [];
  const cache =
    ports.cache && settings.targetedReads ? new SheetCache(ports.cache, CACHED, warnings) : undefined;
  const uow = new UnitOfWork(ports.spreadsheet, {
    appendChunkSize: settings.appendChunkSize,
    ...options,
    ...(cache ? { cache, tagged: TAGGED_COLUMNS, warnings } : {}),
  });
  const issues: CellIssue[] = [];
  const spools = new SpoolRepository(uow, issues, ports.ids);
  return {
    ports,
    settings,
    uow,
    spools,
    unions: new UnionRepository(uow, spools, issues, ports.ids, { maxDnInches: settings.maxDnInches }),
    workers: new WorkerRepository(uow, issues),
    metadata: new MetadataRepository(uow),
    issues,
    get timeZone() {
      return uow.timeZone();
    },
    now: ports.clock.now(),
    warnings,
  };
}

/**
 * `answer` with `warnings` added to its `warnings` list (made when it has none): what went wrong after a
 * commit is told on the successful answer, never as a failure.
 */
export function withWarnings<T extends object>(answer: T, warnings: readonly string[]): T {
  if (warnings.length === 0) return answer;
  const before = (answer as { warnings?: unknown }).warnings;
  return { ...answer, warnings: [...(Array.isArray(before) ? (before as string[]) : []), ...warnings] };
}

/** The rows a request about one spool reads (INICIAR, release): `listedOt` the OT it was listed under (a hint). */
export function spoolRows(tag: string, listedOt?: string): RowTarget {
  return { tag, ...(listedOt === undefined ? {} : { listedOt }) };
}

/** What a writing use case hands back: its answer, and how to name it if the commit fails. */
export interface WriteOutcome<T> {
  result: T;
  /** "el registro de ARM de la OT 001": for the failure message and the ERROR event. */
  what: string;
  context: Record<string, unknown>;
}

/** The request as the idempotency check sees it: its id, and what makes it this request and no other. */
export interface IdempotentRequest {
  requestId: string;
  /** The request's kind and fields (without requestId): two requests with the same id must match here. */
  identity: Record<string, unknown>;
  /** Sheets the use case reads whole and those it only appends to: read in one batch with the id lookup's header. */
  reads?: { sheets: readonly string[]; headersOf: readonly string[] };
  /**
   * With targeted reads, the rows of Operaciones and Uniones `work` reads (src/data/rowLocator.ts): read
   * before it runs, and, when a hint makes the first searches known, found in the same spreadsheet-wide
   * search as the request id (one findAll instead of three, issue 15 §1). Without targeted reads, `reads`
   * has read the sheets whole.
   */
  rows?: RowTarget;
}

/**
 * Runs a writing use case under the document lock, once per `requestId` (design §5):
 * - the id is looked up in Metadata (its first audit event, `<requestId>-1`); found with the same
 *   fingerprint, the stored result is returned with `replayed: true` and nothing is written; found with
 *   another fingerprint, VALIDATION and nothing is written; found but unreadable, CONFLICT naming the cell.
 * - otherwise the request's `rows` are read (with a hint, found in the id lookup's own search), `work`
 *   queues its writes, the fingerprint and result are added to its first event, and everything is committed
 *   together: the work and its record cannot disagree.
 * Settings are read under the lock, so a request that waited sees what the one before it saved.
 */
export function runIdempotent<T extends object>(
  ports: Ports,
  request: IdempotentRequest,
  work: (scope: RequestScope) => WriteOutcome<T>,
): T & { replayed: boolean } {
  return withLock(ports.lock, () => retryOnStaleHeader(() => runOnce(ports, request, work)));
}

function runOnce<T extends object>(
  ports: Ports,
  request: IdempotentRequest,
  work: (scope: RequestScope) => WriteOutcome<T>,
): T & { replayed: boolean } {
  const scope = openRequest(ports, loadSettings(ports.properties));
  const targeted = scope.settings.targetedReads;
  // Targeted reads read the rows they need below; otherwise the sheets whole, with the id lookup's header.
  if (request.reads && !targeted) scope.uow.prefetch(request.reads.sheets, request.reads.headersOf);
  // What the cache lacks of the headers and small sheets, in one batch, before the id lookup needs Metadata's.
  if (targeted) scope.uow.prefetch(SMALL_SHEETS, LOCATED_SHEETS);
  const print = fingerprint(request.identity);
  const locator = targeted && request.rows ? new RowLocator(scope.uow, request.rows) : null;
  const previous = lookUpRequest(scope.uow, request.requestId, locator);
  if (previous.found) return replayOf<T>(scope, request.requestId, previous, print);
  // The audit log's next row from the hint an earlier request stored, checked in the request's batch of reads.
  const hint = loadAppendHint(ports.properties, SHEETS.metadata);
  scope.uow.expectAppends(SHEETS.metadata, 'ID', hint);
  locator?.load();
  const outcome = work(scope);
  scope.metadata.addToEvent(firstEventId(request.requestId), {
    [REQUEST_ID_KEY]: request.requestId,
    [FINGERPRINT_KEY]: print,
    [RESULT_KEY]: outcome.result,
  });
  scope.uow.verifyHeaders();
  commitOrReport(scope, outcome.what, outcome.context);
  // Committed: from here on nothing may turn the saved work into a failure (issue 14 §1); storing the
  // append hint swallows its own errors.
  const next = scope.uow.nextAppendPosition(SHEETS.metadata);
  if (next) rememberAppendHint(ports.properties, SHEETS.metadata, hint, next);
  return { ...withWarnings(outcome.result, scope.warnings), replayed: false };
}

/**
 * Looks `requestId` up in Metadata (findRequest). With a `locator` whose hint makes its first searches known,
 * the id's search goes with them in one findRowsAcross (one spreadsheet-wide findAll, issue 15 §1) and the
 * locator keeps their rows for its load; otherwise the id is searched for alone.
 */
function lookUpRequest(uow: UnitOfWork, requestId: string, locator: RowLocator | null): RequestLookup {
  const ahead = locator?.firstSearches() ?? [];
  if (ahead.length === 0) return findRequest(uow, requestId);
  const [idRows, ...rows] = uow.findRowsAcross([requestSearch(requestId), ...ahead]);
  locator!.foundAhead(rows);
  return findRequest(uow, requestId, idRows!);
}

/**
 * The answer to a request id already in Metadata, nothing written: the stored result with `replayed: true`
 * when `print` (the fingerprint of this request) is the stored one. Throws VALIDATION when the id was used
 * for another request, CONFLICT naming the cell when the stored record cannot be read.
 */
function replayOf<T extends object>(
  scope: RequestScope,
  requestId: string,
  previous: Extract<RequestLookup, { found: true }>,
  print: string,
): T & { replayed: boolean } {
  // A stored result is only trusted once the log's header (from the cache) is known to be current.
  scope.uow.verifyHeaders();
  if (previous.fingerprint === null) {
    throw conflictError(
      `La solicitud ${requestId} ya se registró, pero su resultado no se puede leer (${previous.cell}); recargue la OT antes de seguir.`,
      { requestId, cell: previous.cell },
    );
  }
  if (previous.fingerprint !== print) {
    throw validationError(
      `El requestId ${requestId} ya se usó para otra solicitud; cada solicitud nueva necesita su propio requestId.`,
      { requestId, cell: previous.cell },
    );
  }
  return { ...(previous.result as T), replayed: true };
}

/** Ranges named in a message; the ERROR event gets them all. */
const RANGES_IN_MESSAGE = 10;

/**
 * Commits the request's writes. If that fails, the unit of work has put the sheets back; the failure
 * is logged to Metadata in a write of its own (its `error` is the answer's message), and the user gets a
 * clear error. When putting a sheet back failed too, the message and the ERROR event (`notRestored`) say
 * which cells may still hold the writes (issue 7 §6), never that the sheet is as it was. A write refused
 * by a protected sheet or range keeps its code, FORBIDDEN, and names the protected places (issue 14 §2).
 */
export function commitOrReport(scope: RequestScope, what: string, context: Record<string, unknown>): void {
  try {
    scope.uow.commit();
  } catch (error) {
    const failure = toAppError(error);
    const notRestored = Array.isArray(failure.details.notRestored)
      ? failure.details.notRestored.map(String)
      : [];
    const answer = failureAnswer(failure, what, notRestored);
    logFailure(scope.ports, scope.settings, what, {
      ...context,
      error: answer.message,
      ...(answer.message !== failure.message ? { cause: failure.message } : {}),
      ...(notRestored.length > 0 ? { notRestored } : {}),
      details: failure.details,
    });
    throw answer;
  }
}

/** The error a user gets for a failed commit of `what` (see commitOrReport). */
function failureAnswer(failure: AppError, what: string, notRestored: readonly string[]): AppError {
  if (isProtectedRefusal(failure)) {
    const places = Array.isArray(failure.details.places)
      ? (failure.details.places as Array<{ sheet: string; range: string | null }>)
      : [];
    const sentence = protectedSentence(places);
    return forbiddenError(
      `No se pudo guardar ${what}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)} ${whatIsLeft(notRestored)}`,
      failure.details,
    );
  }
  if (failure.code !== 'INTERNAL') return failure;
  if (notRestored.length > 0) {
    const named = notRestored.slice(0, RANGES_IN_MESSAGE).join(', ');
    const more =
      notRestored.length > RANGES_IN_MESSAGE ? ` y ${notRestored.length - RANGES_IN_MESSAGE} rangos más` : '';
    return internalError(
      `No se pudo guardar ${what}, y no se pudo deshacer todo: pueden haber quedado escritas ${named}${more}. ` +
        'Revise esas celdas antes de intentar de nuevo.',
      { cause: failure.message, notRestored },
    );
  }
  return internalError(`No se pudo guardar ${what}; la planilla quedó como estaba. Intente de nuevo.`, {
    cause: failure.message,
  });
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
    console.error(`No se pudo registrar el fallo ${de(what)}: ${toAppError(error).message}`);
  }
}
