// What a write refused by a protected sheet or range left: which of a commit's ranges were refused (never
// written, so never undone), and the FORBIDDEN error that says so in Spanish.

import { AppError, PROTECTED_REASON, protectedSentence, whatIsLeft } from '../../domain/errors';
import type { ProtectedArea, Rect, SpreadsheetPort } from '../../ports';

/** One range a commit wrote or meant to write. */
export interface CommitRange {
  sheet: string;
  rect: Rect;
  /** A1, e.g. AJ2:AK2. */
  a1: string;
}

const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.col < b.col + b.numCols &&
  b.col < a.col + a.numCols;

const within = (inner: Rect, outer: Rect) =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.numRows <= outer.row + outer.numRows &&
  inner.col + inner.numCols <= outer.col + outer.numCols;

/** True when some cell of `rect` lies in `area` and outside its exceptions (cell by cell only when it has some). */
export function hits(area: ProtectedArea, rect: Rect): boolean {
  if (area.rect !== null && !overlaps(area.rect, rect)) return false;
  if (area.except.length === 0) return true;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const cell = { row: r, col: c, numRows: 1, numCols: 1 };
      if (area.rect !== null && !overlaps(area.rect, cell)) continue;
      if (!area.except.some((e) => within(cell, e))) return true;
    }
  }
  return false;
}

/**
 * Which of `ranges` the protections refuse to the user running the script, asked of the adapter once per
 * sheet; null when the adapter cannot tell (no protectedAreas, or asking failed).
 */
export function refusedRanges(
  spreadsheet: SpreadsheetPort,
  ranges: readonly CommitRange[],
): CommitRange[] | null {
  if (!spreadsheet.protectedAreas) return null;
  const areas = new Map<string, ProtectedArea[]>();
  try {
    for (const { sheet } of ranges)
      if (!areas.has(sheet)) areas.set(sheet, spreadsheet.protectedAreas(sheet));
  } catch {
    return null;
  }
  return ranges.filter((r) => areas.get(r.sheet)!.some((area) => hits(area, r.rect)));
}

/**
 * The FORBIDDEN error of a commit a protection refused. `refused`: the ranges refused (empty when
 * unknown); `notRestored`: ranges written whose undo failed. `details`: `{reason: 'PROTECTED', refused:
 * ["Operaciones!AJ2:AK2"], places: [{sheet, range}], notRestored, cause}`.
 */
export function refusalError(
  refused: readonly CommitRange[],
  notRestored: readonly string[],
  cause: string,
): AppError {
  const places = refused.map((r) => ({ sheet: r.sheet, range: r.a1 }));
  return new AppError('FORBIDDEN', `${protectedSentence(places)} ${whatIsLeft(notRestored)}`, {
    reason: PROTECTED_REASON,
    refused: refused.map((r) => `${r.sheet}!${r.a1}`),
    places,
    notRestored: [...notRestored],
    cause,
  });
}
