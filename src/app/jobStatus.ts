// How the metrics job looks to the menu and the sidebar: its state, progress and ETA, read from its record.

import { JobRepository, isStale, type JobRecord } from '../data/jobRepository';
import { loadSettings } from '../data/settingsRepository';
import type { PropertiesPort } from '../ports';

/** `running` covers a job being worked and one waiting for its next step; `failed` is never finished. */
export type JobState = 'never' | 'running' | 'done' | 'failed' | 'cancelled';

/** The job as the menu and the sidebar's progress bar see it (JSON-safe: times in epoch ms). */
export interface JobStatus {
  kind: 'metrics';
  id: string | null;
  state: JobState;
  startedAt: number | null;
  finishedAt: number | null;
  /** Spools checked so far, of `total`. */
  processed: number;
  total: number;
  /** Spools whose metric cells were rewritten. */
  changed: number;
  completedBatches: number;
  totalBatches: number;
  /** Estimated milliseconds of work left (from the time per batch so far); null when unknown or done. */
  etaMs: number | null;
  /** Another execution is working the job now: follow it with apiJobStatus. */
  busy: boolean;
  /** Left unfinished for the next step (apiRunJobStep again, or the continuation trigger). */
  continuing: boolean;
  message: string;
  /**
   * What went wrong after the run's work was saved (the job record, the trigger, the toast): Spanish, for
   * the user; the work stays saved (issue 14 §1).
   */
  warnings: string[];
}

/** The status property before jobs had records of their own (read when no record exists yet). */
const LEGACY_KEY = 'job:metrics';

export const NEVER: JobStatus = {
  kind: 'metrics',
  id: null,
  state: 'never',
  startedAt: null,
  finishedAt: null,
  processed: 0,
  total: 0,
  changed: 0,
  completedBatches: 0,
  totalBatches: 0,
  etaMs: null,
  busy: false,
  continuing: false,
  message: 'Aún no se ha recalculado.',
  warnings: [],
};

const STATE_OF: Record<JobRecord['status'], JobState> = {
  PENDING: 'running',
  RUNNING: 'running',
  COMPLETED: 'done',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

/** The view of a job record at `now` (a RUNNING job whose heartbeat is older than `staleAfterMs` died). */
export function statusOf(job: JobRecord, now: number, staleAfterMs: number): JobStatus {
  const state = STATE_OF[job.status];
  const left = job.totalBatches - job.completedBatches;
  const perBatch = job.completedBatches > 0 ? job.counters.workMs / job.completedBatches : null;
  return {
    kind: 'metrics',
    id: job.id,
    state,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    processed: job.cursor.index,
    total: job.totalItems,
    changed: job.counters.written,
    completedBatches: job.completedBatches,
    totalBatches: job.totalBatches,
    etaMs: state === 'running' && perBatch !== null ? Math.round(perBatch * left) : null,
    busy: job.status === 'RUNNING' && !isStale(job, now, staleAfterMs),
    continuing: job.status === 'PENDING' || isStale(job, now, staleAfterMs),
    message: job.message,
    warnings: [],
  };
}

/** The last metrics job's status; an old `job:metrics` property is still read when no record exists. */
export function readJobStatus(properties: PropertiesPort, now = Date.now()): JobStatus {
  const settings = loadSettings(properties);
  const [latest] = new JobRepository(properties).byKind('metrics');
  if (latest) return statusOf(latest, now, settings.jobBudgetMs);
  try {
    const legacy = JSON.parse(properties.get(LEGACY_KEY) ?? '{}') as Partial<JobStatus>;
    return { ...NEVER, ...legacy, kind: 'metrics', id: null, busy: false, continuing: false, warnings: [] };
  } catch {
    return NEVER;
  }
}
