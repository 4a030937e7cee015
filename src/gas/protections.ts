// What a sheet's protections keep from the user running the script, read through SpreadsheetApp: shared by
// the adapter of the tracking sheets (asked after a refusal) and the Resumen adapter (asked before writing).

import type { ProtectedArea, Rect } from '../ports';
import type { PlacedRange, ProtectionLike } from './appsScriptShapes';

/** SpreadsheetApp.ProtectionType (its text in the fake). */
export type ProtectionTypes = { SHEET: unknown; RANGE: unknown };

/**
 * The protections of `sheet` that refuse the user running the script (neither an editor nor warning-only):
 * a sheet protection as `rect: null` with its unprotected ranges as exceptions, a range protection as its
 * rectangle (1-based). Two getProtections calls and one canEdit/isWarningOnly per protection (metadata).
 */
export function protectedAreasOf(
  sheet: { getProtections(type: unknown): ProtectionLike[] },
  types: ProtectionTypes = { SHEET: 'SHEET', RANGE: 'RANGE' },
): ProtectedArea[] {
  const areas: ProtectedArea[] = [];
  for (const protection of sheet.getProtections(types.SHEET)) {
    if (protection.canEdit() || protection.isWarningOnly()) continue;
    areas.push({ rect: null, except: protection.getUnprotectedRanges().map(rectOf) });
  }
  for (const protection of sheet.getProtections(types.RANGE)) {
    if (protection.canEdit() || protection.isWarningOnly()) continue;
    areas.push({ rect: rectOf(protection.getRange()), except: [] });
  }
  return areas;
}

/** A placed range's rectangle (1-based). */
export function rectOf(range: PlacedRange): Rect {
  return {
    row: range.getRow(),
    col: range.getColumn(),
    numRows: range.getNumRows(),
    numCols: range.getNumColumns(),
  };
}
