// The undo of a commit made call by call (SpreadsheetApp): what a failed commit wrote is put back newest
// first, and the error says truthfully what was refused by a protection and what may still hold a write.

import { a1, type Cell } from '../../domain/cell';
import { internalError, isProtectedRefusal, toAppError } from '../../domain/errors';
import type { AppendPosition, SpreadsheetPort } from '../../ports';
import { refusalError, refusedRanges, type CommitRange } from './refusals';

/** One step of a failed commit's undo, with the range it restores and whether its write was refused. */
export interface UndoStep {
  run: () => void;
  range: CommitRange;
  refused: boolean;
}

/** Where the step that restores `range` ("Sheet!A1:B2") came in the commit. */
function indexOf(steps: readonly UndoStep[], range: string): number {
  return steps.findIndex((s) => `${s.range.sheet}!${s.range.a1}` === range);
}

/**
 * Puts back what a failed commit wrote, newest first, and throws what happened. A range a protection
 * refused is not undone; an undo refused by one means its write was refused too (it changed nothing).
 */
export function undoCommit(
  spreadsheet: SpreadsheetPort,
  steps: UndoStep[],
  planned: readonly CommitRange[],
  error: unknown,
  refusedAppends: readonly CommitRange[] = [],
): never {
  const refusal = isProtectedRefusal(error);
  let named: CommitRange[] | null = null;
  // Refused at the flush, by protections the adapter cannot list: each undo is flushed on its own, and
  // one refused again tells that its write was refused too (failure path only: a flush is 500 ms).
  let flushEach = false;
  if (refusal) {
    // A refusal at the flush does not say which range: the protections do (null when they cannot be asked).
    const ranges = [
      ...steps.map((s) => s.range),
      ...planned.filter((p) => !steps.some((s) => s.range === p)),
    ];
    const byProtection = refusedRanges(spreadsheet, ranges);
    for (const step of steps) if (byProtection?.includes(step.range)) step.refused = true;
    named = byProtection;
    flushEach = byProtection === null && toAppError(error).details.range === null && !!spreadsheet.flush;
  }
  const failures: string[] = [];
  const notRestored: string[] = [];
  const undone: UndoStep[] = [];
  const order = steps.slice();
  for (const step of steps.reverse()) {
    if (step.refused) continue;
    try {
      step.run();
      if (flushEach) spreadsheet.flush!();
      undone.push(step);
    } catch (undoError) {
      if (isProtectedRefusal(undoError)) {
        step.refused = true;
        continue;
      }
      failures.push(undoError instanceof Error ? undoError.message : String(undoError));
      notRestored.push(`${step.range.sheet}!${step.range.a1}`);
    }
  }
  if (refusal && !flushEach && undone.length > 0 && spreadsheet.flush) {
    // The undo is buffered too: only a flush says it landed.
    try {
      spreadsheet.flush();
    } catch (flushError) {
      failures.push(flushError instanceof Error ? flushError.message : String(flushError));
      for (const step of undone) notRestored.push(`${step.range.sheet}!${step.range.a1}`);
    }
  }
  // Named in the order they were written.
  notRestored.sort((a, b) => indexOf(order, a) - indexOf(order, b));
  const cause = toAppError(error).message;
  if (refusal) {
    throw refusalError(
      named ?? [...refusedAppends, ...steps.filter((s) => s.refused).map((s) => s.range)],
      notRestored,
      cause,
    );
  }
  if (failures.length > 0) {
    throw internalError(
      `La escritura falló y no se pudo deshacer por completo; pueden haber quedado escritas ${notRestored.join(', ')}.`,
      { cause, undoFailures: failures, notRestored },
    );
  }
  throw error;
}

/**
 * The rows an append of `rows` to `sheet` covers (A1 from column A to its widest row): at `at` when it
 * was found ahead, else where the adapter would put them now (appendPosition under `anchor`, or after
 * the last row). Asked only after a refusal (metadata calls; nothing was appended, so the place is the
 * same); when even that fails, the first row after the header stands for it (a sheet protected whole
 * is still named).
 */
export function appendRange(
  spreadsheet: SpreadsheetPort,
  sheet: string,
  rows: readonly Cell[][],
  anchor: number | undefined,
  at: AppendPosition | undefined,
): CommitRange {
  let row = at?.row;
  if (row === undefined) {
    try {
      row =
        anchor !== undefined && spreadsheet.appendPosition
          ? spreadsheet.appendPosition(sheet, anchor).row
          : spreadsheet.lastRow(sheet) + 1;
    } catch {
      row = 2;
    }
  }
  const width = Math.max(1, ...rows.map((r) => r.length));
  const numRows = Math.max(1, rows.length);
  return {
    sheet,
    rect: { row, col: 1, numRows, numCols: width },
    a1: `${a1(row, 1)}:${a1(row + numRows - 1, width)}`,
  };
}
