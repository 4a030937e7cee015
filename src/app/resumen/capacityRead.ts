// The capacity line's figures (issue 16 §8): the cells the workbook's grids hold, and their growth over the
// last 30 days estimated from what the refresh has read anyway (no read of its own but the grid sizes).

import { SHEETS } from '../../data/productionHeaders';
import { capacityOf, type Capacity } from '../../domain/capacity';
import { windowDays, type UnionWork } from '../../domain/dailySummary';
import type { SheetSize, SummarySheetPort } from '../../ports';

/** The growth is measured over this many days. */
export const GROWTH_WINDOW_DAYS = 30;

/** Grid widths used when a sheet is missing (its header's width). */
const DEFAULT_WIDTH = { [SHEETS.metadata]: 11, [SHEETS.uniones]: 17, [SHEETS.operaciones]: 75 };

/**
 * Cells added in the last 30 days, estimated from the unions recorded in them (`work`, which the refresh
 * read from Uniones anyway):
 * - each ARM or SOLD recorded appended at least its own Metadata row (UNION_ARM_REGISTRADA /
 *   UNION_SOLD_REGISTRADA, ours or the other system's): records × Metadata's grid width;
 * - at a steady pace the shop loads about as many unions as it arms: ARM records × Uniones' width, plus
 *   their spools: ARM records × (Operaciones rows ÷ Uniones rows) × Operaciones' width.
 * Spool-level events (INICIAR, PAUSAR…) and rows inserted ahead of need are not counted, so this is a floor
 * of the growth and the months left a ceiling; a shop loading OTs faster than it arms them grows faster.
 */
export function capacityGrowth(
  sizes: readonly SheetSize[],
  work: readonly UnionWork[],
  nowMs: number,
  timeZone: string,
): number {
  const window = new Set(windowDays(nowMs, timeZone, GROWTH_WINDOW_DAYS));
  let arm = 0;
  let records = 0;
  for (const item of work) {
    if (!window.has(item.day)) continue;
    records += 1;
    if (item.operation === 'ARM') arm += 1;
  }
  const size = (name: keyof typeof DEFAULT_WIDTH) => sizes.find((s) => s.name === name);
  const width = (name: keyof typeof DEFAULT_WIDTH) => size(name)?.columns ?? DEFAULT_WIDTH[name];
  const unionRows = size(SHEETS.uniones)?.rows ?? 0;
  const spoolsPerUnion = unionRows > 0 ? (size(SHEETS.operaciones)?.rows ?? 0) / unionRows : 0;
  return (
    records * width(SHEETS.metadata) +
    arm * width(SHEETS.uniones) +
    arm * spoolsPerUnion * width(SHEETS.operaciones)
  );
}

/** Cells the workbook uses: every cell of every sheet's grid, empty or not (what Google's limit counts). */
export function cellsUsed(sizes: readonly SheetSize[]): number {
  return sizes.reduce((n, s) => n + s.rows * s.columns, 0);
}

/** The grid insertSheet makes (Apps Script's default): what a sheet about to be created will add. */
const NEW_SHEET_CELLS = 1000 * 26;

/**
 * The capacity now: grid sizes from `sheets` (getSheets, then getMaxRows and getMaxColumns per sheet:
 * 2 metadata calls a sheet), growth from `work` (see capacityGrowth). When `creating` names a sheet not
 * there yet (Resumen on its first refresh), its new grid is counted, so the line is true once written.
 */
export function readCapacity(
  sheets: SummarySheetPort,
  work: readonly UnionWork[],
  nowMs: number,
  timeZone: string,
  creating?: string,
): Capacity {
  const sizes = sheets.sheetSizes();
  const extra = creating !== undefined && !sizes.some((s) => s.name === creating) ? NEW_SHEET_CELLS : 0;
  return capacityOf(cellsUsed(sizes) + extra, capacityGrowth(sizes, work, nowMs, timeZone));
}
