// What the hourly trigger and its continuation run: the metrics step, then the Resumen step (issue 16 §6),
// each on its own: a failing recompute does not keep Resumen from being refreshed, nor the reverse.

import type { JobStatus, MetricsJobService } from '../metricsJob';
import type { ClockPort } from '../../ports';
import type { SummaryJobService, SummaryStep } from './summaryJob';

export interface ScheduledRun {
  metrics: JobStatus | null;
  summary: SummaryStep | null;
}

/**
 * Runs the metrics step, then the summary step with the time already spent (the summary step waits for the
 * continuation when the rest of the budget cannot hold it). Both run even when the first throws; the first
 * failure is thrown once both have run.
 */
export function runScheduledJobs(
  jobs: { metricsJob: MetricsJobService; summaryJob: SummaryJobService; clock: ClockPort },
  requestedBy: 'trigger' | 'continuation',
): ScheduledRun {
  const startedAt = jobs.clock.now();
  const failures: unknown[] = [];
  let metrics: JobStatus | null = null;
  let summary: SummaryStep | null = null;
  try {
    metrics = jobs.metricsJob.run(requestedBy);
  } catch (error) {
    failures.push(error);
  }
  try {
    summary = jobs.summaryJob.step(requestedBy, startedAt);
  } catch (error) {
    failures.push(error);
  }
  if (failures.length > 0) throw failures[0];
  return { metrics, summary };
}
