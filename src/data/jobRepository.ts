// Where resumable jobs live: one document property per job (per spreadsheet, never script-wide), each read
// fresh from the service before it is changed, so two executions never write back a stale copy.

import * as z from 'zod';
import { boundedJson, PROPERTY_MAX_BYTES, utf8Length } from '../domain/boundedJson';
import { cutText } from '../domain/bytes';
import { causeText, notFoundError } from '../domain/errors';
import type { CachePort, PropertiesPort } from '../ports';

export const JOB_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type JobStatusCode = (typeof JOB_STATUSES)[number];

/** metrics: the recompute of Operaciones' metric columns; summary: the Resumen sheet's refresh. */
export const JOB_KINDS = ['metrics', 'summary'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Key prefixes: a job record, and the cancel flag another execution may raise without the lock. */
export const JOB_PREFIX = 'jobrun:';
const CANCEL_PREFIX = 'jobcancel:';

const counters = z.object({
  /** Items (spools) checked so far. */
  items: z.number().int().nonnegative(),
  /** Items whose cells were rewritten. */
  written: z.number().int().nonnegative(),
  /** Items that needed nothing, or were left alone (unreadable rows). */
  skipped: z.number().int().nonnegative(),
  failedBatches: z.number().int().nonnegative(),
  /** Executions that worked the job. */
  runs: z.number().int().nonnegative(),
  /** Milliseconds (clock time) spent working batches, over every run: what an ETA is made from. */
  workMs: z.number().nonnegative(),
});

export const jobRecordSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  totalBatches: z.number().int().nonnegative(),
  completedBatches: z.number().int().nonnegative(),
  /** Where the next run starts: items done so far in the job's order, and the key of the last one done. */
  cursor: z.object({ index: z.number().int().nonnegative(), key: z.string() }),
  /** Items the job covers (spools). */
  totalItems: z.number().int().nonnegative(),
  counters,
  lastError: z.string().nullable(),
  startedAt: z.number(),
  updatedAt: z.number(),
  /** Set when COMPLETED or CANCELLED only: a FAILED job is not finished (it can be resumed). */
  finishedAt: z.number().nullable(),
  /** The execution working the job while RUNNING (a run id), else null. */
  owner: z.string().nullable(),
  /** Last sign of life of the owner (epoch ms): older than the time budget means it died. */
  heartbeat: z.number().nullable(),
  /** Who asked for it: the hourly trigger, a continuation, the menu, or the sidebar. */
  requestedBy: z.string(),
  /** A one-line summary of the last run, in Spanish, for the menu and the sidebar. */
  message: z.string(),
});

export type JobRecord = z.infer<typeof jobRecordSchema>;
export type JobCounters = z.infer<typeof counters>;

/** The cache copy of a cancel flag, kept as long as the cache allows (a run's steps span hours at most). */
const cancelCacheKey = (id: string) => `sut:v1:${CANCEL_PREFIX}${id}`;
const CANCEL_CACHE_SECONDS = 21_600;

/** How many finished (COMPLETED / CANCELLED) jobs of a kind are kept; older ones are deleted. */
export const FINISHED_JOBS_KEPT = 20;

/**
 * Jobs in document properties. Each record is one property (`jobrun:<id>`, at most 9 KB, kept small by
 * boundedJson); finished jobs beyond FINISHED_JOBS_KEPT per kind are pruned, so the store stays far
 * below the ~500 KB a document's properties may hold. Reads for a change are fresh (getProperty), and
 * changes are made under the document lock by their callers (the runner holds it); the cancel flag
 * is a property of its own, so raising it needs no lock and overwrites nothing.
 */
export class JobRepository {
  /**
   * `cache` (the document cache), when given, carries a copy of each cancel flag, so a runner can look for
   * one per batch at 3 ms instead of a 30 ms properties read (cost model); the property stays the record.
   */
  constructor(
    private readonly properties: PropertiesPort,
    private readonly cache?: CachePort,
  ) {}

  private key(id: string): string {
    return `${JOB_PREFIX}${id}`;
  }

  private parse(text: string | null): JobRecord | null {
    if (text === null) return null;
    try {
      const parsed = jobRecordSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private write(job: JobRecord): JobRecord {
    const key = this.key(job.id);
    const max = PROPERTY_MAX_BYTES - utf8Length(key);
    const text = JSON.stringify(job);
    // Only the message and the last error can grow; cut them rather than lose the record.
    const fitted =
      utf8Length(text) <= max
        ? text
        : JSON.stringify({
            ...job,
            message: cutText(job.message, 1_000),
            lastError: job.lastError === null ? null : cutText(job.lastError, 1_000),
          });
    this.properties.set(key, utf8Length(fitted) <= max ? fitted : boundedJson(job, max, utf8Length));
    return job;
  }

  /** A new PENDING job of `kind`; `id` must be unique (the runner makes it from the kind and the time). */
  create(input: { id: string; kind: JobKind; now: number; requestedBy: string }): JobRecord {
    return this.write({
      id: input.id,
      kind: input.kind,
      status: 'PENDING',
      totalBatches: 0,
      completedBatches: 0,
      cursor: { index: 0, key: '' },
      totalItems: 0,
      counters: { items: 0, written: 0, skipped: 0, failedBatches: 0, runs: 0, workMs: 0 },
      lastError: null,
      startedAt: input.now,
      updatedAt: input.now,
      finishedAt: null,
      owner: null,
      heartbeat: null,
      requestedBy: input.requestedBy,
      message: 'En cola.',
    });
  }

  /** The job as stored now (a fresh read); null when there is none. */
  get(id: string): JobRecord | null {
    return this.parse(this.properties.getFresh(this.key(id)));
  }

  /** Every job, newest first (one fresh read of the document's properties). Unreadable records are skipped. */
  list(): JobRecord[] {
    const jobs: JobRecord[] = [];
    for (const [, text] of this.properties.listFresh(JOB_PREFIX)) {
      const job = this.parse(text);
      if (job) jobs.push(job);
    }
    return jobs.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1));
  }

  /**
   * Changes one job: reads it fresh, applies `change` to what is stored now, writes the result. Callers
   * hold the document lock, so no other update slips between the read and the write. NOT_FOUND when the
   * job is gone.
   */
  update(
    id: string,
    change: (job: JobRecord) => Partial<JobRecord>,
    now: number,
    /** The job as just read fresh by the caller (see freshState), to spare a second read. */
    fresh?: JobRecord | null,
  ): JobRecord {
    const current = fresh === undefined ? this.get(id) : fresh;
    if (!current) throw notFoundError(`No existe la tarea ${id}.`, { id });
    return this.write({ ...current, ...change(current), id, updatedAt: now });
  }

  /** Jobs waiting or being worked: PENDING or RUNNING. */
  active(jobs: readonly JobRecord[] = this.list()): JobRecord[] {
    return jobs.filter((j) => j.status === 'PENDING' || j.status === 'RUNNING');
  }

  /**
   * Jobs a runner may pick up again: FAILED, or stopped (RUNNING whose heartbeat is older than
   * `staleAfterMs`: its runner died), with at least one batch completed.
   */
  resumable(now: number, staleAfterMs: number, jobs: readonly JobRecord[] = this.list()): JobRecord[] {
    return jobs.filter(
      (j) =>
        j.completedBatches > 0 &&
        (j.status === 'FAILED' || (j.status === 'RUNNING' && isStale(j, now, staleAfterMs))),
    );
  }

  byKind(kind: JobKind, jobs: readonly JobRecord[] = this.list()): JobRecord[] {
    return jobs.filter((j) => j.kind === kind);
  }

  /** Asks the runner of `id` to stop at its next batch (a property of its own: no lock, no overwrite). */
  requestCancel(id: string): void {
    this.properties.set(`${CANCEL_PREFIX}${id}`, '1');
    // The property is the record; the cache copy only makes the runner see it sooner.
    this.tryCache(() => this.cache?.putAll({ [cancelCacheKey(id)]: '1' }, CANCEL_CACHE_SECONDS));
  }

  /** A cache call that fails is logged, never thrown: the cache only holds copies of properties. */
  private tryCache<T>(call: () => T): T | null {
    try {
      return call();
    } catch (error) {
      console.warn(`Caché de documento no disponible: ${causeText(error)}`);
      return null;
    }
  }

  /**
   * Whether the document cache holds a cancel request for `id` (one cache get); null when there is no
   * cache. A miss is not a "no": cache entries may be evicted early, so callers read the property too now
   * and then (freshState).
   */
  cancelCached(id: string): boolean | null {
    if (!this.cache) return null;
    const key = cancelCacheKey(id);
    const found = this.tryCache(() => this.cache!.getAll([key]));
    // A cache that cannot be read answers as no cache: the caller reads the property.
    return found === null ? null : found[key] !== undefined;
  }

  /** The job and its cancel flag as stored now, in one fresh read (a runner's per-batch check). */
  freshState(id: string): { job: JobRecord | null; cancelRequested: boolean } {
    const all = new Map(this.properties.listFresh('job'));
    return {
      job: this.parse(all.get(this.key(id)) ?? null),
      cancelRequested: all.has(`${CANCEL_PREFIX}${id}`),
    };
  }

  /** Drops the cancel flag of `id` once its runner has acted on it. */
  clearCancel(id: string): void {
    this.properties.delete(`${CANCEL_PREFIX}${id}`);
    this.tryCache(() => this.cache?.removeAll([cancelCacheKey(id)]));
  }

  /** Whether someone asked to cancel `id` (a fresh read). */
  cancelRequested(id: string): boolean {
    return this.properties.getFresh(`${CANCEL_PREFIX}${id}`) !== null;
  }

  /**
   * Deletes finished jobs of `kind` beyond the newest FINISHED_JOBS_KEPT: COMPLETED, CANCELLED, and FAILED
   * ones that never completed a batch (nothing to resume: the next run started a new job).
   */
  prune(kind: JobKind, jobs: readonly JobRecord[] = this.list()): number {
    const finished = this.byKind(kind, jobs).filter(
      (j) =>
        j.status === 'COMPLETED' ||
        j.status === 'CANCELLED' ||
        (j.status === 'FAILED' && j.completedBatches === 0),
    );
    const old = finished.slice(FINISHED_JOBS_KEPT);
    for (const job of old) {
      this.properties.delete(this.key(job.id));
    }
    return old.length;
  }
}

/** A RUNNING job whose owner has not shown a sign of life for `staleAfterMs`: its runner died. */
export function isStale(job: JobRecord, now: number, staleAfterMs: number): boolean {
  return job.status === 'RUNNING' && (job.heartbeat === null || now - job.heartbeat > staleAfterMs);
}
