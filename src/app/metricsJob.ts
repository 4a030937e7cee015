// The metrics job as the trigger, the menu and the sidebar's progress bar see it: run it, and read how
// the last run went (kept in document properties, per spreadsheet).

import { boundedJson, PROPERTY_MAX_BYTES, utf8Length } from '../domain/boundedJson';
import { toAppError } from '../domain/errors';
import type { Ports, PropertiesPort } from '../ports';
import { recomputeHoldingLock, type RecomputeResult } from './metrics';
import { withLock } from './withLock';

export type JobState = 'never' | 'running' | 'done' | 'failed';

export interface JobStatus {
  kind: 'metrics';
  state: JobState;
  startedAt: number | null;
  finishedAt: number | null;
  processed: number;
  total: number;
  changed: number;
  message: string;
}

const KEY = 'job:metrics';

export function readJobStatus(properties: PropertiesPort): JobStatus {
  const idle: JobStatus = {
    kind: 'metrics',
    state: 'never',
    startedAt: null,
    finishedAt: null,
    processed: 0,
    total: 0,
    changed: 0,
    message: 'Aún no se ha recalculado.',
  };
  try {
    return { ...idle, ...(JSON.parse(properties.get(KEY) ?? '{}') as Partial<JobStatus>) };
  } catch {
    return idle;
  }
}

/** Who started a run: the hourly trigger, the menu, or the sidebar's progress bar. */
export type JobTrigger = 'trigger' | 'menu' | 'step';

/**
 * Recomputes every spool's metrics in one step and records the outcome; failures are recorded, then thrown.
 * The lock is taken first, so the status and settings are read under it like every other writer's.
 */
export function runMetricsJob(ports: Ports, trigger: JobTrigger): JobStatus {
  return withLock(ports.lock, () => runHoldingLock(ports, trigger));
}

/** Names the spools the run left alone and the first cell of each (the status property stays small). */
function unreadableReport(result: RecomputeResult): string {
  const spools = result.unreadableSpools;
  if (spools.length === 0) return '';
  const named = spools.slice(0, 5).map((s) => `${s.tagSpool} (${s.cells[0] ?? 'celda ilegible'})`);
  const rest = spools.length > named.length ? ` y ${spools.length - named.length} más` : '';
  return `; sin recalcular por celdas ilegibles: ${named.join(', ')}${rest}`;
}

function runHoldingLock(ports: Ports, trigger: JobTrigger): JobStatus {
  const startedAt = ports.clock.now();
  const write = (status: JobStatus) => {
    // Within the 9 KB a property holds, whatever the message names (hundreds of repeated tags).
    ports.properties.set(KEY, boundedJson({ ...status }, PROPERTY_MAX_BYTES - KEY.length, utf8Length));
    return status;
  };
  const previous = readJobStatus(ports.properties);
  write({ ...previous, state: 'running', startedAt, finishedAt: null, message: 'Recalculando métricas…' });
  try {
    const result = recomputeHoldingLock(ports, `${trigger}-${startedAt.toString(36)}`);
    return write({
      kind: 'metrics',
      state: 'done',
      startedAt,
      finishedAt: ports.clock.now(),
      processed: result.spools,
      total: result.spools,
      changed: result.changed,
      message:
        `${result.spools} spools revisados, ${result.changed} actualizados` +
        (result.duplicatedTags.length > 0
          ? `; spools repetidos sin tocar: ${result.duplicatedTags.join(', ')}`
          : '') +
        unreadableReport(result) +
        (result.unreadableCells > 0 ? `; ${result.unreadableCells} celdas ilegibles (ver Metadata).` : '.'),
    });
  } catch (error) {
    write({
      ...previous,
      state: 'failed',
      startedAt,
      finishedAt: ports.clock.now(),
      message: toAppError(error).message,
    });
    throw error;
  }
}
