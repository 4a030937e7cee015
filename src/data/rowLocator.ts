// Targeted reads (issue 9): the rows of Operaciones and Uniones one OT or one spool needs, found by TextFinder
// searches on their key columns every time (a location is never remembered, so it cannot go stale), then
// read in as few blocks as their layout allows. Every row that points at the OT or its spools is found: by
// OT, by TAG_SPOOL (a blank or wrong OT), and every row holding one of those tags (duplicates are reported).

import { canonicalKey } from '../domain/keys';
import { OPERACIONES, OPERACIONES_SCHEMA, UNIONES, UNIONES_SCHEMA, tableSpec } from './schema';
import type { TableSpec } from './columnMap';
import type { UnitOfWork } from './unitOfWork';

const OPS_SPEC: TableSpec = tableSpec(OPERACIONES_SCHEMA);
const UNI_SPEC: TableSpec = tableSpec(UNIONES_SCHEMA);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What String.prototype.trim (and so canonicalKey) strips, as an RE2 class: RE2's `\s` is ASCII only, so a
 * key padded with a no-break space (pasted from another system) would otherwise be missed by the search.
 */
const SPACE = '[\\t\\n\\v\\f\\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]';

/**
 * An RE2 pattern matching, as a whole cell, any of `keys` as the sheet may show it: trimmed or not, and an
 * all-digit key with any leading zeros ("8" finds 8, "008" and a number 8 formatted `000`), as canonicalKey
 * compares them. Case-sensitive, like the keys.
 */
export function keyPattern(keys: Iterable<string>): string | null {
  const alternatives = [
    ...new Set(
      [...keys]
        .map((k) => canonicalKey(k))
        .filter((k) => k !== '')
        .map((k) => (/^\d+$/.test(k) ? `0*${k}` : escapeRegex(k))),
    ),
  ];
  return alternatives.length === 0 ? null : `${SPACE}*(?:${alternatives.join('|')})${SPACE}*`;
}

/** Keys (canonical) whose rows have been searched for, per sheet and column, so no search is made twice. */
class Searches {
  private readonly done = new Map<string, Set<string>>();

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Rows of `sheet` showing, under one of `columns`, one of `keys` not searched yet there: one TextFinder
   * search over the span of the columns (issue 15 §1), whatever how many columns and keys.
   */
  find(sheet: string, columns: ReadonlyArray<string | null>, keys: Iterable<string>): number[] {
    const present = columns.filter((c): c is string => c !== null);
    if (present.length === 0) return [];
    const doneIn = present.map((column) => {
      const id = `${sheet}\u0000${column}`;
      const done = this.done.get(id) ?? new Set<string>();
      this.done.set(id, done);
      return done;
    });
    const fresh = [...new Set([...keys].map(canonicalKey))].filter(
      (k) => k !== '' && doneIn.some((done) => !done.has(k)),
    );
    fresh.forEach((k) => doneIn.forEach((done) => done.add(k)));
    const pattern = keyPattern(fresh);
    if (pattern === null) return [];
    return present.length === 1
      ? this.uow.findRowsMatching(sheet, present[0]!, pattern)
      : this.uow.findRowsInColumns(sheet, present, pattern);
  }
}

function tagColumn(uow: UnitOfWork): string | null {
  if (uow.columnIndex(OPS_SPEC.sheet, OPERACIONES.tag) >= 0) return OPERACIONES.tag;
  return uow.columnIndex(OPS_SPEC.sheet, OPERACIONES.split) >= 0 ? OPERACIONES.split : null;
}

/** Key text of `column` in every row read so far of a partially read sheet. */
function keysRead(uow: UnitOfWork, spec: TableSpec, column: string | null): Map<number, string> {
  const out = new Map<number, string>();
  if (column === null) return out;
  const table = uow.partialTable(spec);
  if (!table.columns.has(column)) return out;
  const index = table.columns.index(column);
  const tz = uow.timeZone();
  for (const row of table.rows) out.set(row.rowNumber, table.keyText(row, index, tz));
  return out;
}

/** Tags of the spools read so far whose OT is one of `ots`. */
function tagsOf(uow: UnitOfWork, ots: readonly string[], tagCol: string | null): string[] {
  const wanted = new Set(ots.map(canonicalKey));
  const spoolOts = keysRead(uow, OPS_SPEC, OPERACIONES.ot);
  return [...keysRead(uow, OPS_SPEC, tagCol)]
    .filter(([row, tag]) => tag !== '' && wanted.has(canonicalKey(spoolOts.get(row) ?? '')))
    .map(([, tag]) => tag);
}

/**
 * Reads the rows of the OTs `ots` (the request's OT, and any other OT its union keys name): Operaciones and
 * Uniones rows whose OT is one of them; Uniones rows holding the tag of one of their spools (a blank or
 * wrong OT) and Operaciones rows holding any tag seen (duplicated tags, the spool a union's tag names).
 * `listedTags` are the tags the sidebar listed for the OT (a hint, issue 15 §1): searched for in the same
 * search as the OT, one TextFinder over the columns OT..TAG_SPOOL of each sheet, so with a right hint the
 * rows take one search per sheet and one batch of reads. Whatever the hint, every tag read that was not
 * searched yet is searched for after (a spool added since the listing is not missed).
 */
export function loadOtRows(uow: UnitOfWork, ots: readonly string[], hint: readonly string[] = []): void {
  const searches = new Searches(uow);
  const tagCol = tagColumn(uow);
  let listedTags = hint;
  if (listedTags.length === 0 && !uow.readsBlocksInOneCall()) {
    // No hint, and each block is a read of its own anyway (SpreadsheetApp): the OT's spools first, their
    // tags then stand for the hint (3 searches instead of 4).
    uow.loadRows([{ spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [OPERACIONES.ot], ots) }]);
    listedTags = tagsOf(uow, ots, tagCol);
  }
  const hinted = [...ots, ...listedTags];
  uow.loadRows([
    {
      spec: OPS_SPEC,
      rows: searches.find(
        OPS_SPEC.sheet,
        listedTags.length > 0 ? [OPERACIONES.ot, tagCol] : [OPERACIONES.ot],
        hinted,
      ),
    },
    {
      spec: UNI_SPEC,
      rows: searches.find(
        UNI_SPEC.sheet,
        listedTags.length > 0 ? [UNIONES.ot, UNIONES.tag] : [UNIONES.ot],
        hinted,
      ),
    },
  ]);
  const wanted = new Set(ots.map(canonicalKey));
  const spoolOts = keysRead(uow, OPS_SPEC, OPERACIONES.ot);
  const spoolTags = keysRead(uow, OPS_SPEC, tagCol);
  const tagsOfOt = [...spoolTags].filter(([row]) => wanted.has(canonicalKey(spoolOts.get(row) ?? '')));
  // Tags named by the OT's union rows (not by neighbours read with them in a block): their spools are wanted.
  const unionOts = keysRead(uow, UNI_SPEC, UNIONES.ot);
  const unionTags = new Map(
    [...keysRead(uow, UNI_SPEC, UNIONES.tag)].filter(([row]) =>
      wanted.has(canonicalKey(unionOts.get(row) ?? '')),
    ),
  );
  uow.loadRows([
    {
      spec: OPS_SPEC,
      rows: searches.find(OPS_SPEC.sheet, [tagCol], [...spoolTags.values(), ...unionTags.values()]),
    },
    {
      spec: UNI_SPEC,
      rows: searches.find(
        UNI_SPEC.sheet,
        [UNIONES.tag],
        tagsOfOt.map(([, tag]) => tag),
      ),
    },
  ]);
}

/**
 * Reads the rows one spool needs (INICIAR): Operaciones and Uniones rows holding `tag`; then the rows of the
 * spool's OT in both (its other spools, union rows with a blank tag); then the Operaciones rows of any other
 * tag those union rows name. `listedOt` is the OT the sidebar listed the spool under (a hint, issue 15 §1):
 * searched for with the tag, one TextFinder over OT..TAG_SPOOL per sheet; the OT the spool's row holds is
 * searched for after when it is another. Typically 2 searches with a right hint, 4 without.
 */
export function loadSpoolRows(uow: UnitOfWork, tag: string, listedOt?: string): void {
  const searches = new Searches(uow);
  const tagCol = tagColumn(uow);
  let ot = listedOt?.trim() ?? '';
  if (ot === '' && !uow.readsBlocksInOneCall()) {
    // As in loadOtRows: the spool's row first (SpreadsheetApp), its OT then stands for the hint.
    uow.loadRows([{ spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [tagCol], [tag]) }]);
    ot = [...keysRead(uow, OPS_SPEC, OPERACIONES.ot).values()].find((o) => o !== '') ?? '';
  }
  const hint = ot !== '';
  const keys = hint ? [tag, ot] : [tag];
  uow.loadRows([
    { spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, hint ? [tagCol, OPERACIONES.ot] : [tagCol], keys) },
    {
      spec: UNI_SPEC,
      rows: searches.find(UNI_SPEC.sheet, hint ? [UNIONES.tag, UNIONES.ot] : [UNIONES.tag], keys),
    },
  ]);
  const spoolOts = keysRead(uow, OPS_SPEC, OPERACIONES.ot);
  const ots = [...spoolOts.values()].filter((ot) => ot !== '');
  uow.loadRows([
    { spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [OPERACIONES.ot], ots) },
    { spec: UNI_SPEC, rows: searches.find(UNI_SPEC.sheet, [UNIONES.ot], ots) },
  ]);
  const known = new Set([...keysRead(uow, OPS_SPEC, tagCol).values()].map(canonicalKey));
  const foreign = [...keysRead(uow, UNI_SPEC, UNIONES.tag).values()].filter(
    (t) => t !== '' && !known.has(canonicalKey(t)),
  );
  uow.loadRows([{ spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [tagCol], foreign) }]);
}
