// The batch engine: divides a job's items into batches, validates each batch before applying it, keeps a
// checkpoint of the cells it changes, applies it in one commit, and on failure restores the checkpoint and
// goes on with the next batch (batches are independent). Pure: the work and the clock come as arguments.

import type { Cell } from '../../domain/cell';
import { toAppError } from '../../domain/errors';

/** One cell as it stood before a batch (the checkpoint), named like `Operaciones!BP12`. */
export interface CellSnapshot {
  cell: string;
  value: Cell;
  format: string;
}

/** A row that cannot be written, named by its cell (`Operaciones!BP12: …`). */
export interface BatchProblem {
  key: string;
  cell: string;
  reason: string;
}

/** What a job does to its items; the engine decides when and in which batches. */
export interface BatchWork<T> {
  /** A stable key of the item (the spool's tag): what a cursor names. */
  key(item: T): string;
  /** Whether the item needs a write at all; those that do not are counted as skipped. */
  needsWrite(item: T): boolean;
  /** Why items of a batch must not be written, by cell; [] when the batch may be applied. */
  validate(items: readonly T[]): BatchProblem[];
  /** The original values and formats of every cell `items` will change (taken before applying). */
  checkpoint(items: readonly T[]): CellSnapshot[];
  /**
   * Writes `items` in one commit. When the commit fails, the checkpoint is restored before this throws
   * (INTERNAL with `details.notRestored` naming the ranges that could not be).
   */
  apply(items: readonly T[]): void;
}

export interface BatchError {
  /** 1-based number of the batch in the job. */
  batch: number;
  reason: string;
  /** Cells named by validation, or the ranges a failed restore left written. */
  cells: string[];
}

/** Per-run figures (issue 10 §1): batches, outcomes, items, errors and time per batch. */
export interface BatchMetrics {
  batches: number;
  succeeded: number;
  failed: number;
  itemsWritten: number;
  skipped: number;
  errors: BatchError[];
  /** Milliseconds per batch, and the part of it spent validating and taking the checkpoint. */
  batchMs: number[];
  validationMs: number[];
  checkpointMs: number[];
}

export interface BatchOptions {
  batchSize: number;
  /** 0-based number of the first batch (a resumed job's completed batches): only names errors. */
  firstBatch?: number;
  /** Asked before each batch; false stops the run there (time budget spent, job cancelled). */
  shouldContinue?: () => boolean;
  /** Told after each batch (succeeded or failed) how far the run got: saves the cursor and a heartbeat. */
  afterBatch?: (progress: BatchProgress) => void;
  /** A millisecond timer for the per-batch figures (performance.now in the bench, Date.now otherwise). */
  timer?: () => number;
}

export interface BatchProgress {
  /** Items of this run's list done so far (the next batch starts here). */
  done: number;
  /** Key of the last item done. */
  lastKey: string;
  /** Batches done by this run so far, and whether the last one failed. */
  batches: number;
  lastFailed: boolean;
  metrics: BatchMetrics;
}

export function emptyMetrics(): BatchMetrics {
  return {
    batches: 0,
    succeeded: 0,
    failed: 0,
    itemsWritten: 0,
    skipped: 0,
    errors: [],
    batchMs: [],
    validationMs: [],
    checkpointMs: [],
  };
}

/** How many batches `count` items make. */
export function batchCount(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}

/**
 * Works `items` in batches of `options.batchSize`, in order, until done or `shouldContinue` says stop.
 * A batch whose validation names a problem is not applied at all (each problem reported by cell); one
 * whose commit fails is restored to its checkpoint; either way the next batch goes on. Returns the
 * metrics and how many items it got through (`done`, for the cursor).
 */
export function runBatches<T>(
  items: readonly T[],
  work: BatchWork<T>,
  options: BatchOptions,
): { metrics: BatchMetrics; done: number } {
  const timer = options.timer ?? (() => Date.now());
  const metrics = emptyMetrics();
  const size = Math.max(1, Math.floor(options.batchSize));
  let done = 0;
  while (done < items.length) {
    if (options.shouldContinue && !options.shouldContinue()) break;
    const batchNumber = (options.firstBatch ?? 0) + metrics.batches + 1;
    const batch = items.slice(done, done + size);
    const started = timer();
    const toWrite = batch.filter((item) => work.needsWrite(item));
    const problems = toWrite.length > 0 ? work.validate(toWrite) : [];
    const validated = timer();
    let checkpointed = validated;
    let failed = false;
    if (problems.length > 0) {
      failed = true;
      metrics.errors.push({
        batch: batchNumber,
        reason: `validación: ${problems.map((p) => `${p.cell}: ${p.reason}`).join('; ')}`,
        cells: problems.map((p) => p.cell),
      });
    } else if (toWrite.length > 0) {
      // Taken before the write, kept for the error report; the unit of work's undo writes these back.
      const checkpoint = work.checkpoint(toWrite);
      checkpointed = timer();
      try {
        work.apply(toWrite);
      } catch (error) {
        failed = true;
        const appError = toAppError(error);
        const notRestored = Array.isArray(appError.details.notRestored)
          ? appError.details.notRestored.map(String)
          : [];
        metrics.errors.push({
          batch: batchNumber,
          reason:
            notRestored.length > 0
              ? `escritura: ${appError.userMessage}`
              : `escritura: ${String(appError.details.cause ?? appError.userMessage)}; ${checkpoint.length} celdas restauradas`,
          cells: notRestored,
        });
      }
    }
    metrics.batches += 1;
    if (failed) metrics.failed += 1;
    else {
      metrics.succeeded += 1;
      metrics.itemsWritten += toWrite.length;
      metrics.skipped += batch.length - toWrite.length;
    }
    const ended = timer();
    metrics.validationMs.push(validated - started);
    metrics.checkpointMs.push(checkpointed - validated);
    metrics.batchMs.push(ended - started);
    done += batch.length;
    options.afterBatch?.({
      done,
      lastKey: work.key(batch[batch.length - 1]!),
      batches: metrics.batches,
      lastFailed: failed,
      metrics,
    });
  }
  return { metrics, done };
}
