// The resumable job runner: claims a job under the document lock, works it batch by batch within a time
// budget, saves the cursor and a heartbeat after each batch, and stops cleanly before Apps Script's
// 6-minute limit; the next run resumes at the cursor. One audit event per run.

import { cutText } from '../../domain/bytes';
import { holdingLock } from '../withLock';
import { isStale, type JobKind, type JobRecord, type JobRepository } from '../../data/jobRepository';
import { causeText, toAppError } from '../../domain/errors';
import type { Action, EventType } from '../../domain/events';
import type { Settings } from '../../domain/settings';
import type { Ports } from '../../ports';
import { EventBuilder } from '../auditEvents';
import { logFailure, openRequest, type RequestScope } from '../request';
import { batchCount, runBatches, type BatchMetrics, type BatchWork } from './batchEngine';

/** What a job reads once per run: its items in a stable order, the work on them, and what to report. */
export interface PreparedRun<T> {
  items: readonly T[];
  work: BatchWork<T>;
  /** Figures for the run's audit event (e.g. spools left alone and why). */
  report: Record<string, unknown>;
  /** Spanish text added to the job's message (e.g. "; spools repetidos sin tocar: …"). */
  note: string;
}

export interface JobDefinition<T> {
  kind: JobKind;
  /** "el recálculo de métricas": names the job in failures. */
  what: string;
  eventType: EventType;
  action: Action;
  /** Reads what the run needs through the request's repositories (once) and lists the work. */
  prepare(scope: RequestScope): PreparedRun<T>;
  /** The job's one-line Spanish summary once a run ends. */
  summary(job: JobRecord, note: string): string;
}

export interface RunnerDeps {
  ports: Ports;
  settings: Settings;
  jobs: JobRepository;
  /** Millisecond timer for per-batch figures (performance.now in the bench); defaults to Date.now. */
  timer?: () => number;
}

export interface RunOutcome {
  /** worked: this execution worked the job; busy: another runner holds it (this one backed off). */
  outcome: 'worked' | 'busy';
  job: JobRecord | null;
  metrics: BatchMetrics | null;
  /**
   * What failed after batches were saved (saving the job record, the flush, the cancel flag): Spanish, for
   * the answer. Never a failure of the step: the saved batches stay saved (issue 14 §1).
   */
  warnings: string[];
}

/** Every how many batches the runner reads the cancel flag from the properties even when a cache is there. */
export const CANCEL_PROPERTY_EVERY = 10;

/** How long a runner waits for the document lock before backing off (a user's request holds it briefly). */
export const RUNNER_LOCK_WAIT_MS = 10_000;

/**
 * Runs one step of the job of `definition.kind`: resumes the active or resumable one, or starts a new one.
 * Backs off (outcome `busy`) when another execution holds the lock or a live runner owns the job. Holds the
 * document lock for the whole step, so the data read once stays true while batches are applied. A failure
 * outside a batch (e.g. a missing sheet) marks the job FAILED (resumable, never shown as finished),
 * logs an ERROR event and is thrown.
 */
export function runJobStep<T>(
  deps: RunnerDeps,
  definition: JobDefinition<T>,
  requestedBy: string,
): RunOutcome {
  const { ports, settings, jobs } = deps;
  const runStarted = ports.clock.now();
  const budget = settings.jobBudgetMs;
  if (!ports.lock.tryLock(RUNNER_LOCK_WAIT_MS)) {
    return {
      outcome: 'busy',
      job: jobs.active(jobs.byKind(definition.kind))[0] ?? null,
      metrics: null,
      warnings: [],
    };
  }
  return holdingLock(ports.lock, () => {
    const now = ports.clock.now();
    const mine = jobs.byKind(definition.kind);
    const live = mine.find((j) => j.status === 'RUNNING' && !isStale(j, now, budget));
    if (live) return { outcome: 'busy', job: live, metrics: null, warnings: [] };
    const runId = `${requestedBy}-${now.toString(36)}-${ports.ids.uuid().slice(-6)}`;
    const found = jobs.active(mine)[0] ?? jobs.resumable(now, budget, mine)[0];
    // Claimed (RUNNING, owner, heartbeat) once the totals are known: the lock is held for the whole step,
    // so no other runner can look in between, and one write does for both.
    const job = found ?? jobs.create({ id: runId, kind: definition.kind, now, requestedBy });
    return work(deps, definition, job, runId, runStarted);
  });
}

function work<T>(
  deps: RunnerDeps,
  definition: JobDefinition<T>,
  claimed: JobRecord,
  runId: string,
  runStarted: number,
): RunOutcome {
  const { ports, settings, jobs } = deps;
  const clock = ports.clock;
  const id = claimed.id;
  // Buffered writes are flushed once, at the end of the step (a flush costs 500 ms, a write 0.5 ms).
  const scope = openRequest(ports, settings, { flushOnCommit: false });
  let job = claimed;
  const warnings = scope.warnings;
  /** A step after saved work that fails is logged and told, never thrown (issue 14 §1). */
  const afterSaved = (what: string, step: () => void): boolean => {
    try {
      step();
      return true;
    } catch (error) {
      const cause = causeText(error);
      console.warn(`${what}: ${cause}`);
      if (!warnings.some((w) => w.startsWith(what))) warnings.push(`${what} (${cause}).`);
      return false;
    }
  };
  try {
    const prepared = definition.prepare(scope);
    // Where the run's audit event will go, found before the first buffered write (the lock is held until the
    // end): appending it after the batches' writes would otherwise cost one more flush (500 ms).
    scope.metadata.locateNextEvents();
    const start = resumeIndex(prepared, job);
    // Rows inserted or deleted by hand above the cursor since the last run: a spool inserted there, or the
    // one that slid into the cursor's place, would never be done. The items before the cursor that still
    // need a write are done first (the rest are right already: nothing is written twice).
    const behind = shifted(prepared, job)
      ? prepared.items.slice(0, start).filter((item) => prepared.work.needsWrite(item))
      : [];
    const remaining = [...behind, ...prepared.items.slice(start)];
    const previous = job.cursor;
    /**
     * The cursor once this run has done `done` of `remaining`. While behind items are left it stays as it
     * was, so a run stopped among them finds the shift again and does the rest of them.
     */
    const cursorAt = (done: number) => {
      if (done < behind.length) return previous;
      const index = start + done - behind.length;
      const at = prepared.items[index - 1];
      return { index, key: at === undefined ? '' : prepared.work.key(at) };
    };
    const firstBatch =
      start === job.cursor.index ? job.completedBatches : batchCount(start, settings.batchSize);
    const claimedAt = clock.now();
    job = jobs.update(
      id,
      (j) => ({
        status: 'RUNNING',
        owner: runId,
        heartbeat: claimedAt,
        lastError: null,
        counters: { ...j.counters, runs: j.counters.runs + 1 },
        totalItems: prepared.items.length,
        totalBatches: firstBatch + batchCount(remaining.length, settings.batchSize),
      }),
      claimedAt,
      job,
    );
    const before = job.counters;
    let cancelled = false;
    let checks = 0;
    let longestBatch = 0;
    const workStarted = clock.now();
    let lastMark = workStarted;
    const result = runBatches(remaining, prepared.work, {
      batchSize: settings.batchSize,
      firstBatch,
      ...(deps.timer ? { timer: deps.timer } : {}),
      shouldContinue: () => {
        // Stop while a batch as long as the longest so far still fits in the budget.
        if (clock.now() - runStarted + longestBatch > settings.jobBudgetMs) return false;
        // A cancel is looked for before every batch in the document cache (3 ms), where the cancel request
        // puts a copy, instead of the properties (30 ms: 6 s over 200 batches). The property stays the record
        // and is read before the first batch and every CANCEL_PROPERTY_EVERY after (or always without a
        // cache): a cache entry evicted early delays a cancel by at most that many batches, never loses it.
        // The runner's own copy of the job is as good as a fresh read meanwhile: it holds the lock, and
        // only holders of the lock change the record.
        const cached = checks++ % CANCEL_PROPERTY_EVERY === 0 ? null : jobs.cancelCached(id);
        if (cached === null) {
          const state = jobs.freshState(id);
          if (state.cancelRequested) cancelled = true;
          if (state.job) job = state.job;
        } else if (cached) cancelled = true;
        return !cancelled;
      },
      afterBatch: (progress) => {
        const t = clock.now();
        longestBatch = Math.max(longestBatch, t - lastMark);
        lastMark = t;
        // The batch is saved; a cursor not saved only makes the next run check these spools again.
        const progressed = (): Partial<JobRecord> => ({
          completedBatches: firstBatch + progress.batches,
          cursor: cursorAt(progress.done),
          heartbeat: t,
          counters: {
            ...before,
            items: cursorAt(progress.done).index,
            written: before.written + progress.metrics.itemsWritten,
            skipped: before.skipped + progress.metrics.skipped,
            failedBatches: before.failedBatches + progress.metrics.failed,
            workMs: before.workMs + (t - workStarted),
          },
        });
        const saved = afterSaved(
          'No se pudo guardar el avance de la tarea; la próxima ejecución revisa otra vez esos spools',
          () => {
            job = jobs.update(id, progressed, t, job);
          },
        );
        if (!saved) job = { ...job, ...progressed(), updatedAt: t };
      },
    });
    const finished = result.done >= remaining.length;
    const status = cancelled ? 'CANCELLED' : finished ? 'COMPLETED' : 'PENDING';
    const endedAt = clock.now();
    const errors = result.metrics.errors;
    const lastError =
      errors.length > 0
        ? cutText(errors.map((e) => `lote ${e.batch}: ${e.reason}`).join(' | '), 2_000)
        : null;
    const summaryOf = (j: JobRecord) => definition.summary(j, prepared.note);
    // One audit event per run, with its metrics (the per-batch times summed: a run has up to hundreds).
    const events = new EventBuilder(runId, endedAt, null, '');
    events.add(definition.eventType, definition.action, '', {
      jobId: id,
      status,
      cursor: cursorAt(result.done).index,
      totalItems: prepared.items.length,
      batches: result.metrics.batches,
      succeeded: result.metrics.succeeded,
      failed: result.metrics.failed,
      itemsWritten: result.metrics.itemsWritten,
      skipped: result.metrics.skipped,
      errors: errors.slice(0, 20),
      batchMsTotal: result.metrics.batchMs.reduce((a, b) => a + b, 0),
      ...prepared.report,
    });
    scope.metadata.logBatch(events.events);
    scope.uow.commit();
    // Committed: what follows is told as a warning when it fails, never as a failed step.
    afterSaved('No se pudo confirmar la escritura final (flush)', () => ports.spreadsheet.flush?.());
    if (cancelled) afterSaved('No se pudo borrar la marca de cancelación', () => jobs.clearCancel(id));
    const ended = (j: JobRecord): JobRecord => {
      const next = {
        ...j,
        status,
        owner: null,
        heartbeat: null,
        finishedAt: status === 'PENDING' ? null : endedAt,
        lastError,
        updatedAt: endedAt,
      } satisfies JobRecord;
      return { ...next, message: summaryOf(next) };
    };
    let saved = false;
    afterSaved('No se pudo guardar el estado de la tarea; lo escrito en la planilla sí se guardó', () => {
      job = jobs.update(id, ended, endedAt);
      saved = true;
    });
    if (!saved) job = ended(job);
    if (saved && status !== 'PENDING')
      afterSaved('No se pudieron borrar tareas antiguas', () => jobs.prune(definition.kind));
    return { outcome: 'worked', job, metrics: result.metrics, warnings };
  } catch (error) {
    const failure = toAppError(error);
    const at = clock.now();
    try {
      job = jobs.update(
        id,
        () => ({
          status: 'FAILED',
          owner: null,
          heartbeat: null,
          finishedAt: null,
          lastError: failure.userMessage,
          message: `Falló: ${failure.userMessage}`,
        }),
        at,
      );
    } catch {
      // The properties service itself failed: the heartbeat goes stale and the next run resumes the job.
    }
    logFailure(ports, settings, definition.what, { jobId: id, error: failure.message });
    throw error;
  }
}

/** Whether the item a resumed job's cursor names is no longer where the cursor says (rows moved by hand). */
function shifted<T>(prepared: PreparedRun<T>, job: JobRecord): boolean {
  const { index, key } = job.cursor;
  if (index === 0 || key === '') return false;
  const at = prepared.items[index - 1];
  return at === undefined || prepared.work.key(at) !== key;
}

/**
 * Where a resumed job starts in this run's list: after the item its cursor names when that item is still
 * where the cursor says (or has moved: rows inserted above), else at the cursor's index.
 */
function resumeIndex<T>(prepared: PreparedRun<T>, job: JobRecord): number {
  const { index, key } = job.cursor;
  if (index === 0 || key === '') return Math.min(index, prepared.items.length);
  const at = prepared.items[index - 1];
  if (at !== undefined && prepared.work.key(at) === key) return index;
  const moved = prepared.items.findIndex((item) => prepared.work.key(item) === key);
  return moved >= 0 ? moved + 1 : Math.min(index, prepared.items.length);
}
