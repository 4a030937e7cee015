// The metrics recompute as a job: run by the hourly trigger, its continuation, the menu and the sidebar's
// progress bar; in checkpointed, resumable batches (setting batchProcessing) or in one pass; its status
// comes from jobStatus.ts.

import { JobRepository, isStale, type JobRecord } from '../data/jobRepository';
import { loadSettings } from '../data/settingsRepository';
import { parseNumberCell } from '../domain/numbers';
import { causeText, toAppError } from '../domain/errors';
import type { Settings } from '../domain/settings';
import { cuenta } from '../domain/spanish';
import type { PropertiesPort, Ports, TriggersPort, UiPort } from '../ports';
import type { BatchWork } from './batch/batchEngine';
import { runJobStep, type JobDefinition, type PreparedRun } from './batch/runner';
import {
  automaticRecomputeOn,
  setAutomaticRecompute,
  settleSchedule,
  type TriggerSchedule,
} from './jobTriggers';
import {
  REPORTED_SPOOLS,
  needsRewrite,
  planRecompute,
  recomputeHoldingLock,
  type MetricsItem,
  type RecomputeResult,
} from './metrics';
import type { RequestScope } from './request';
import { NEVER, readJobStatus, statusOf, type JobStatus } from './jobStatus';

export { readJobStatus, statusOf, type JobState, type JobStatus } from './jobStatus';
import { withLock } from './withLock';

/** Who started a run: the hourly trigger, its continuation, the menu, or the sidebar's progress bar. */
export type JobTrigger = 'trigger' | 'continuation' | 'menu' | 'step';

/** Names the spools a run left alone and the first cell of each (the job record stays small). */
function unreadableReport(spools: RecomputeResult['unreadableSpools']): string {
  if (spools.length === 0) return '';
  const named = spools.slice(0, 5).map((s) => `${s.tagSpool} (${s.cells[0] ?? 'celda ilegible'})`);
  const rest = spools.length > named.length ? ` y ${spools.length - named.length} más` : '';
  return `; sin recalcular por celdas ilegibles: ${named.join(', ')}${rest}`;
}

function noteOf(
  duplicatedTags: readonly string[],
  unreadable: RecomputeResult['unreadableSpools'],
  cells: number,
) {
  return (
    (duplicatedTags.length > 0 ? `; spools repetidos sin tocar: ${duplicatedTags.join(', ')}` : '') +
    unreadableReport(unreadable) +
    (cells > 0 ? `; ${cells} ${cells === 1 ? 'celda ilegible' : 'celdas ilegibles'} (ver Metadata).` : '.')
  );
}

/** The metrics recompute as batches over every spool, from one read of the columns it needs per run. */
export const METRICS_JOB: JobDefinition<MetricsItem> = {
  kind: 'metrics',
  what: 'el recálculo de métricas',
  eventType: 'JOB_METRICAS',
  action: 'RECALCULAR',
  prepare(scope: RequestScope): PreparedRun<MetricsItem> {
    const { duplicatedTags, items, unreadableSpools } = planRecompute(scope);
    const tz = scope.timeZone;
    const work: BatchWork<MetricsItem> = {
      key: (item) => item.spool.tag,
      // Spools with unreadable union rows are left alone (never rewritten from partial data) and reported.
      needsWrite: (item) => needsRewrite(scope, item),
      validate: (batch) =>
        batch.flatMap((item) =>
          scope.spools
            .metricCells(item.spool)
            .filter(
              (c) => typeof c.value === 'string' && c.value.trim() !== '' && !parseNumberCell(c.value, tz).ok,
            )
            .map((c) => ({
              key: item.spool.tag,
              cell: c.cell,
              reason: `tiene el texto "${String(c.value).slice(0, 40)}"; no se sobrescribe`,
            })),
        ),
      checkpoint: (batch) =>
        batch.flatMap((item) =>
          scope.spools.metricCells(item.spool).map(({ cell, value, format }) => ({ cell, value, format })),
        ),
      apply: (batch) => {
        for (const item of batch) scope.spools.writeMetrics(item.spool, item.fresh);
        scope.uow.commit();
      },
    };
    return {
      items,
      work,
      report: {
        spools: items.length,
        duplicatedTags: duplicatedTags.slice(0, REPORTED_SPOOLS),
        unreadableSpools: unreadableSpools.slice(0, REPORTED_SPOOLS),
        unreadableCells: scope.issues.length,
        issues: scope.issues.slice(0, 20).map((i) => `${i.sheet}!${i.cell}: ${i.reason}`),
      },
      note: noteOf(duplicatedTags, unreadableSpools, scope.issues.length),
    };
  },
  summary(job, note) {
    const failed =
      job.counters.failedBatches > 0
        ? `; ${cuenta(job.counters.failedBatches, 'lote fallido', 'lotes fallidos')} sin escribir: ${job.lastError ?? ''}`
        : '';
    if (job.status === 'CANCELLED') {
      return `Cancelado: ${job.cursor.index}/${cuenta(job.totalItems, 'spool revisado', 'spools revisados')}, ${cuenta(job.counters.written, 'actualizado', 'actualizados')}${failed}.`;
    }
    if (job.status === 'PENDING') {
      return (
        `Avance: ${job.cursor.index}/${job.totalItems} spools (${job.completedBatches}/${job.totalBatches} lotes), ` +
        `${cuenta(job.counters.written, 'actualizado', 'actualizados')}; continúa en el próximo paso${failed}.`
      );
    }
    return `${cuenta(job.totalItems, 'spool revisado', 'spools revisados')}, ${cuenta(job.counters.written, 'actualizado', 'actualizados')}${failed}${note}`;
  },
};

/** What the metrics job service is built from (the composition root wires it; tests wire in-memory ones). */
export interface MetricsJobDeps {
  ports: Ports;
  jobs: JobRepository;
  /** This user's triggers in this document; null where there are none to manage (e.g. tests of one run). */
  triggers: TriggersPort | null;
  /**
   * Where this user's trigger record lives (their user properties, and the key naming this document:
   * triggerKey(id)); without it, the request's properties under TRIGGER_KEY (tests of one user).
   */
  triggerRecord?: () => { properties: PropertiesPort; key: string };
  /** For the toast when a run finishes; null in executions with no user to tell (triggers). */
  ui: UiPort | null;
  /** Millisecond timer for per-batch figures (the bench passes performance.now). */
  timer?: () => number;
}

/** The metrics recompute job: run a step, read its status, cancel it, switch the hourly trigger. */
export class MetricsJobService {
  constructor(private readonly deps: MetricsJobDeps) {}

  private settings(): Settings {
    return loadSettings(this.deps.ports.properties);
  }

  /**
   * Runs one step. Batch path: backs off (status `busy`) when another runner works the job; when the
   * budget runs out the job stays `running`/`continuing` and a continuation trigger is scheduled. One pass:
   * the whole recompute under the lock, recorded as a job. Failures are recorded, then thrown.
   */
  run(requestedBy: JobTrigger): JobStatus {
    const settings = this.settings();
    let status: JobStatus;
    try {
      status = settings.batchProcessing
        ? this.runBatches(settings, requestedBy)
        : this.runOnce(settings, requestedBy);
    } catch (error) {
      // A failed job resumes at the next run: the hourly schedule comes back (never a continuation loop).
      this.settle(requestedBy, false);
      throw error;
    }
    const warnings = [...status.warnings, ...this.settle(requestedBy, status.state === 'running')];
    if (status.state !== 'running' && !status.busy) {
      try {
        this.deps.ui?.toast?.('Recálculo de métricas', status.message);
      } catch (error) {
        // The toast is only a note: the run is saved (issue 14 §1).
        console.warn(`No se pudo mostrar el aviso: ${causeText(error)}`);
      }
    }
    return { ...status, warnings };
  }

  /** Keeps the document's one trigger right after a run (settleSchedule); its failures are warnings. */
  private settle(requestedBy: JobTrigger, unfinished: boolean): string[] {
    const schedule = this.schedule();
    if (!schedule) return [];
    return settleSchedule(schedule, {
      fired: requestedBy === 'trigger' || requestedBy === 'continuation',
      unfinished,
    });
  }

  private schedule(): TriggerSchedule | null {
    const { triggers, ports, triggerRecord } = this.deps;
    if (!triggers) return null;
    return triggerRecord ? { triggers, ...triggerRecord() } : { triggers, properties: ports.properties };
  }

  private runBatches(settings: Settings, requestedBy: JobTrigger): JobStatus {
    const { ports, jobs } = this.deps;
    const outcome = runJobStep(
      { ports, settings, jobs, ...(this.deps.timer ? { timer: this.deps.timer } : {}) },
      METRICS_JOB,
      requestedBy,
    );
    const now = ports.clock.now();
    if (!outcome.job)
      return { ...NEVER, state: 'running', busy: true, message: 'Otra ejecución está recalculando.' };
    const status = statusOf(outcome.job, now, settings.jobBudgetMs);
    if (outcome.outcome === 'busy') return { ...status, busy: true, continuing: false };
    return { ...status, warnings: outcome.warnings };
  }

  private runOnce(settings: Settings, requestedBy: JobTrigger): JobStatus {
    const { ports, jobs } = this.deps;
    return withLock(ports.lock, () => {
      const now = ports.clock.now();
      const id = `${requestedBy}-${now.toString(36)}-${ports.ids.uuid().slice(-6)}`;
      jobs.create({ id, kind: 'metrics', now, requestedBy });
      const running = jobs.update(id, () => ({ status: 'RUNNING', owner: id, heartbeat: now }), now);
      let result: RecomputeResult;
      try {
        result = recomputeHoldingLock(ports, id);
      } catch (error) {
        const message = toAppError(error).userMessage;
        jobs.update(
          id,
          () => ({
            status: 'FAILED',
            owner: null,
            heartbeat: null,
            lastError: message,
            message: `Falló: ${message}`,
          }),
          ports.clock.now(),
        );
        throw error;
      }
      // Committed: saving the job record is told as a warning when it fails, never as a failed recompute.
      const end = ports.clock.now();
      const finished: JobRecord = {
        ...running,
        status: 'COMPLETED',
        owner: null,
        heartbeat: null,
        finishedAt: end,
        updatedAt: end,
        totalItems: result.spools,
        totalBatches: 1,
        completedBatches: 1,
        cursor: { index: result.spools, key: '' },
        counters: {
          ...running.counters,
          items: result.spools,
          written: result.changed,
          skipped: result.spools - result.changed,
          runs: 1,
          workMs: end - now,
        },
        message:
          `${cuenta(result.spools, 'spool revisado', 'spools revisados')}, ${cuenta(result.changed, 'actualizado', 'actualizados')}` +
          noteOf(result.duplicatedTags, result.unreadableSpools, result.unreadableCells),
      };
      const warnings = [...result.warnings];
      try {
        jobs.update(id, () => finished, end, running);
        jobs.prune('metrics');
      } catch (error) {
        const cause = causeText(error);
        console.warn(`No se pudo guardar el estado de la tarea ${id}: ${cause}`);
        warnings.push(`No se pudo guardar el estado de la tarea (${cause}); las métricas sí se guardaron.`);
      }
      return { ...statusOf(finished, end, settings.jobBudgetMs), warnings };
    });
  }

  /** The latest metrics job's status (no lock: a read). */
  status(): JobStatus {
    return readJobStatus(this.deps.ports.properties, this.deps.ports.clock.now());
  }

  /**
   * Cancels the active metrics job: a waiting one at once (under the lock), a running one at its next
   * batch (a flag its runner reads; no lock needed while it holds it).
   */
  cancel(): JobStatus {
    const { ports, jobs } = this.deps;
    const [active] = jobs.active(jobs.byKind('metrics'));
    if (!active) return this.status();
    const now = ports.clock.now();
    const settings = this.settings();
    if (active.status === 'RUNNING' && !isStale(active, now, settings.jobBudgetMs)) {
      jobs.requestCancel(active.id);
      return {
        ...statusOf(active, now, settings.jobBudgetMs),
        message: 'Cancelación pedida: se detiene al terminar el lote en curso.',
      };
    }
    // Under the lock, from a fresh read: a job a runner finished meanwhile is left as it is.
    const cancelled = withLock(ports.lock, () =>
      jobs.update(
        active.id,
        (j) =>
          j.status === 'PENDING' || isStale(j, now, settings.jobBudgetMs)
            ? {
                status: 'CANCELLED',
                owner: null,
                heartbeat: null,
                finishedAt: now,
                message: `Cancelado: ${j.cursor.index}/${cuenta(j.totalItems, 'spool revisado', 'spools revisados')}, ${cuenta(j.counters.written, 'actualizado', 'actualizados')}.`,
              }
            : {},
        now,
      ),
    );
    // Cancelled: no continuation waits for it any more (the hourly schedule comes back when wanted).
    const warnings = this.settle('menu', false);
    return { ...statusOf(cancelled, now, settings.jobBudgetMs), warnings };
  }

  /** Turns the hourly recompute on or off for this user and document (see setAutomaticRecompute). */
  setAutomatic(enabled: boolean): { created: number; deleted: number; warnings: string[] } {
    const schedule = this.schedule();
    if (!schedule) return { created: 0, deleted: 0, warnings: [] };
    return setAutomaticRecompute(schedule, enabled);
  }

  /** Whether the hourly recompute is on for this user and document (see automaticRecomputeOn). */
  automaticOn(): boolean {
    const schedule = this.schedule();
    return schedule ? automaticRecomputeOn(schedule) : false;
  }
}

/**
 * One run of the metrics job over `ports` (no triggers, no toast): what tests and callers without a
 * composition root use.
 */
export function runMetricsJob(ports: Ports, trigger: JobTrigger): JobStatus {
  return new MetricsJobService({
    ports,
    jobs: new JobRepository(ports.properties, ports.cache),
    triggers: null,
    ui: null,
  }).run(trigger);
}
