// The DN_UNION of unions named by audit events, read from Uniones by one TextFinder search on TAG_SPOOL and
// the rows it finds (issue 16 §3: pulgadas are the sheet's own DN, never a figure copied into an event).

import { a1 } from '../../domain/cell';
import { canonicalKey } from '../../domain/keys';
import { parseIntegerCell, parseNumberCell } from '../../domain/numbers';
import { keyPattern } from '../../data/rowLocator';
import { SHEETS } from '../../data/productionHeaders';
import { UNIONES } from '../../data/schema';
import type { TableSpec } from '../../data/columnMap';
import type { UnitOfWork } from '../../data/unitOfWork';

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
 * DN_UNION and OT of the unions of `tags` (one search, then one read per block of rows). A DN above
 * `maxDnInches` or not a positive number is a problem naming the cell, never a guess; a union on two rows with
 * different DNs too.
 */
export function unionSizes(uow: UnitOfWork, tags: readonly string[], maxDnInches: number): UnionSizes {
  const out: UnionSizes = { dn: new Map(), ot: new Map(), problems: new Map() };
  const pattern = keyPattern(tags);
  if (pattern === null) return out;
  const rows = uow.findRowsMatching(SHEETS.uniones, UNIONES.tag, pattern);
  uow.loadRows([{ spec: SPEC, rows }]);
  const table = uow.partialTable(SPEC);
  const tz = uow.timeZone();
  const [tagIndex, nIndex, dnIndex] = [UNIONES.tag, UNIONES.nUnion, UNIONES.dn].map((c) =>
    table.columns.index(c),
  ) as [number, number, number];
  const otIndex = table.columns.has(UNIONES.ot) ? table.columns.index(UNIONES.ot) : -1;
  const seen = new Map<string, number[]>();
  for (const row of table.rows) {
    const n = parseIntegerCell(row.values[nIndex] ?? '', tz);
    if (!n.ok || n.value === null) continue;
    const slot = unionSlot(table.keyText(row, tagIndex, tz), n.value);
    seen.set(slot, [...(seen.get(slot) ?? []), row.rowNumber]);
    if (otIndex >= 0) out.ot.set(slot, table.keyText(row, otIndex, tz));
    const cell = `${SHEETS.uniones}!${a1(row.rowNumber, dnIndex + 1)} (${UNIONES.dn})`;
    const dn = parseNumberCell(row.values[dnIndex] ?? '', tz);
    const value = dn.ok ? dn.value : null;
    const problem = !dn.ok
      ? `${cell}: ${dn.reason}`
      : value === null || value <= 0 || value > maxDnInches
        ? `${cell}: DN ${value ?? 'vacío'} no es un diámetro plausible (hasta ${maxDnInches} pulgadas)`
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
