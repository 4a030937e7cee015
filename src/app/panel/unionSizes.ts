// The DN_UNION of unions named by audit events, read from Uniones by one TextFinder search on TAG_SPOOL and a
// narrow read of the rows found (issue 16 §3: pulgadas are the sheet's own DN, never a figure from an event).

import { a1, isEmptyCell, type Cell } from '../../domain/cell';
import { schemaError } from '../../domain/errors';
import { canonicalKey } from '../../domain/keys';
import { dateLikeNumber, parseIntegerCell, parseNumberCell } from '../../domain/numbers';
import { cellToText } from '../../domain/text';
import { ColumnMap, normalizeHeader, type TableSpec } from '../../data/columnMap';
import { keyPattern } from '../../data/rowLocator';
import { SHEETS } from '../../data/productionHeaders';
import { UNIONES } from '../../data/schema';
import { StaleHeaderError, planBlocks, type UnitOfWork } from '../../data/unitOfWork';
import type { BlockRead, SpreadsheetPort } from '../../ports';
import { numero } from '../../domain/spanish';

const SPEC: TableSpec = {
  sheet: SHEETS.uniones,
  required: [UNIONES.nUnion, UNIONES.tag, UNIONES.dn],
  optional: [UNIONES.ot],
  keys: [UNIONES.ot, UNIONES.tag],
};

/** Where a union is: its spool's tag (canonical) and N_UNION. */
export const unionSlot = (tag: string, nUnion: number) => `${canonicalKey(tag)}+${nUnion}`;

export interface UnionSizes {
  /** Inches by unionSlot; absent when the union is not in Uniones or its DN cannot be read. */
  dn: Map<string, number>;
  /** OT as Uniones shows it, by unionSlot. */
  ot: Map<string, string>;
  /** Why a slot has no DN, naming the cell (`Uniones!E81 (DN_UNION): …`), by unionSlot. */
  problems: Map<string, string>;
}

/**
 * DN_UNION and OT of the unions of `tags`: one search, then only the columns used (OT … DN_UNION, adjacent in
 * every layout we know) of the rows found, one read per block of rows (a narrow read merges rows further
 * apart than UnitOfWork.loadRows' whole-width rows would). Row 1 of those columns is read in the same plan and
 * compared with the header used, so a column moved since the header was cached is never read as another; then
 * the ordinary path (which reads the header again) takes over. A DN above `maxDnInches` or not a positive
 * number is a problem naming the cell, never a guess; a union on two rows with different DNs too.
 */
export function unionSizes(
  uow: UnitOfWork,
  spreadsheet: SpreadsheetPort,
  tags: readonly string[],
  maxDnInches: number,
): UnionSizes {
  const out: UnionSizes = { dn: new Map(), ot: new Map(), problems: new Map() };
  const pattern = keyPattern(tags);
  if (pattern === null) return out;
  const header = uow.header(SHEETS.uniones);
  if (!header) throw schemaError(`No existe la hoja "${SHEETS.uniones}".`, { sheet: SHEETS.uniones });
  const columns = ColumnMap.fromHeader(header, SPEC);
  const names = [UNIONES.tag, UNIONES.nUnion, UNIONES.dn, ...(columns.has(UNIONES.ot) ? [UNIONES.ot] : [])];
  const indexes = names.map((n) => columns.index(n));
  const first = Math.min(...indexes);
  const width = Math.max(...indexes) - first + 1;
  const found = [...new Set(uow.findRowsMatching(SHEETS.uniones, UNIONES.tag, pattern))].sort(
    (a, b) => a - b,
  );
  const reads: BlockRead[] = planBlocks([1, ...found.filter((r) => r > 1)], width).map((rect) => ({
    sheet: SHEETS.uniones,
    rect: { ...rect, col: first + 1 },
  }));
  const replies = spreadsheet.readBlocks(reads);
  const grid = new Map<number, Cell[]>();
  reads.forEach((read, i) => replies[i]!.values.forEach((line, r) => grid.set(read.rect.row + r, line)));
  const row1 = grid.get(1) ?? [];
  if (
    names.some(
      (name, i) => normalizeHeader(String(row1[indexes[i]! - first] ?? '')) !== normalizeHeader(name),
    )
  ) {
    // The header changed since it was cached: the ordinary read checks it, drops the cache and asks for a retry.
    uow.loadRows([{ spec: SPEC, rows: found }]);
    throw new StaleHeaderError(SHEETS.uniones);
  }
  const at = (line: readonly Cell[], name: string) => line[columns.index(name) - first] ?? '';
  const tz = uow.timeZone();
  // Keys that hold numbers show as their format says (tag 8 formatted `000` is 008): read what is shown.
  const numeric = reads.filter((read) =>
    found.some(
      (r) =>
        r >= read.rect.row &&
        r < read.rect.row + read.rect.numRows &&
        [UNIONES.tag, UNIONES.ot].some(
          (n) => names.includes(n) && typeof at(grid.get(r) ?? [], n) !== 'string',
        ),
    ),
  );
  const shown = new Map<number, string[]>();
  if (numeric.length > 0) {
    spreadsheet
      .readBlocks(numeric, { display: true })
      .forEach((reply, i) => reply.display?.forEach((line, r) => shown.set(numeric[i]!.rect.row + r, line)));
  }
  const keyText = (row: number, name: string) => {
    const value = at(grid.get(row) ?? [], name);
    const display = shown.get(row)?.[columns.index(name) - first];
    return typeof value !== 'string' && display !== undefined ? display.trim() : cellToText(value, tz);
  };
  const seen = new Map<string, number[]>();
  for (const rowNumber of found) {
    const line = grid.get(rowNumber) ?? [];
    if (line.every((c) => isEmptyCell(c))) continue;
    const n = parseIntegerCell(at(line, UNIONES.nUnion), tz);
    if (!n.ok || n.value === null) continue;
    const slot = unionSlot(keyText(rowNumber, UNIONES.tag), n.value);
    seen.set(slot, [...(seen.get(slot) ?? []), rowNumber]);
    if (names.includes(UNIONES.ot)) out.ot.set(slot, keyText(rowNumber, UNIONES.ot));
    const cell = `${SHEETS.uniones}!${a1(rowNumber, columns.index(UNIONES.dn) + 1)} (${UNIONES.dn})`;
    const dn = parseNumberCell(at(line, UNIONES.dn), tz);
    const value = dn.ok ? dn.value : null;
    const problem = !dn.ok
      ? `${cell}: ${dn.reason}`
      : value === null || value <= 0 || value > maxDnInches
        ? `${cell}: DN ${(value !== null && value > 0 ? dateLikeNumber(value, at(line, UNIONES.dn)) : null) ?? `${value === null ? 'vacío' : numero(value)} no es un diámetro plausible (hasta ${numero(maxDnInches)} pulgadas)`}`
        : null;
    const known = out.dn.get(slot);
    if (problem !== null) {
      out.problems.set(slot, problem);
      out.dn.delete(slot);
    } else if (seen.get(slot)!.length > 1 && known !== value) {
      out.problems.set(
        slot,
        `la unión está repetida en Uniones (filas ${seen.get(slot)!.join(', ')}) con DN distintos`,
      );
      out.dn.delete(slot);
    } else if (!out.problems.has(slot)) out.dn.set(slot, value!);
  }
  return out;
}
