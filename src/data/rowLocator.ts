// Targeted reads (issue 9): the rows of Operaciones and Uniones one OT or one spool needs, found by TextFinder
// searches on their key columns every time (a location is never remembered, so it cannot go stale), then
// read in as few blocks as their layout allows. Every row that points at the OT or its spools is found: by
// OT, by TAG_SPOOL (a blank or wrong OT), and every row holding one of those tags (duplicates are reported).

import { canonicalKey } from '../domain/keys';
import { OPERACIONES, OPERACIONES_SCHEMA, UNIONES, UNIONES_SCHEMA, tableSpec } from './schema';
import type { TableSpec } from './columnMap';
import type { RowSearch, UnitOfWork } from './unitOfWork';

const OPS_SPEC: TableSpec = tableSpec(OPERACIONES_SCHEMA);
const UNI_SPEC: TableSpec = tableSpec(UNIONES_SCHEMA);

/** `text` as an RE2 pattern matching exactly it (request ids, text keys). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What String.prototype.trim (and so canonicalKey) strips, as an RE2 class: RE2's `\s` is ASCII only, so a
 * key padded with a no-break space (pasted from another system) would otherwise be missed by the search.
 */
const SPACE = '[\\t\\n\\v\\f\\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]';

/**
 * Keys longer than this are not searched for: no OT or TAG_SPOOL is that long (the request schemas allow 100
 * characters), and a cell of up to 50,000 characters pasted into a key column would make the pattern too
 * large for the search service, failing the whole request. Its row is still found by its other key.
 */
export const MAX_KEY_CHARS = 1_000;

/**
 * An RE2 pattern matching, as a whole cell, any of `keys` as the sheet may show it: trimmed or not, and an
 * all-digit key with any leading zeros ("8" finds 8, "008" and a number 8 formatted `000`), as canonicalKey
 * compares them. Case-sensitive, like the keys. Keys over MAX_KEY_CHARS are left out.
 */
export function keyPattern(keys: Iterable<string>): string | null {
  const alternatives = [
    ...new Set(
      [...keys]
        .map((k) => canonicalKey(k))
        .filter((k) => k !== '' && k.length <= MAX_KEY_CHARS)
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
   * The search for the rows of `sheet` showing, under one of `columns`, one of `keys` not searched yet there
   * (one TextFinder over the span of the columns, issue 15 §1, whatever how many columns and keys); the keys
   * count as searched from now on. Null when there is nothing left to search.
   */
  plan(sheet: string, columns: ReadonlyArray<string | null>, keys: Iterable<string>): RowSearch | null {
    const present = columns.filter((c): c is string => c !== null);
    if (present.length === 0) return null;
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
    return pattern === null ? null : { sheet, columns: present, pattern };
  }

  /** Plans and makes one search now (see plan): its rows, [] when there was nothing to search. */
  find(sheet: string, columns: ReadonlyArray<string | null>, keys: Iterable<string>): number[] {
    const search = this.plan(sheet, columns, keys);
    return search === null ? [] : this.uow.findRowsAcross([search])[0]!;
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
 * What a request reads rows for: the OTs `ots` (FINALIZAR: the request's OT and any other OT its union keys
 * name) with `listedTags`, the tags the sidebar listed for the OT; or one spool `tag` (INICIAR, release) with
 * `listedOt`, the OT it was listed under. The listed values are hints (issue 15 §1): wrong or stale, they
 * cost searches, never a row.
 */
export type RowTarget =
  { ots: readonly string[]; listedTags?: readonly string[] } | { tag: string; listedOt?: string };

/** The first step of a target: what it searches both sheets for, over which columns. */
interface FirstStep {
  keys: string[];
  opsColumns: Array<string | null>;
  uniColumns: Array<string | null>;
}

/**
 * Locates and reads the rows of one RowTarget (see loadOtRows and loadSpoolRows for what is found). With a
 * hint, the first step's searches (Operaciones and Uniones, each over its columns OT..TAG_SPOOL) are known
 * before anything is read: firstSearches() hands them out so a caller can make them in one findAcross with
 * searches of its own (the request id, issue 15 §1) and give their rows back through foundAhead(). Use one
 * locator per request, after the headers are read.
 */
export class RowLocator {
  private readonly searches: Searches;
  private readonly tagCol: string | null;
  /** The hinted first step, planned at construction; null without a hint. */
  private readonly first: { ops: RowSearch | null; uni: RowSearch | null } | null;
  private ahead: { ops: number[]; uni: number[] } | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly target: RowTarget,
  ) {
    this.searches = new Searches(uow);
    this.tagCol = tagColumn(uow);
    const step = this.hintedStep();
    this.first = step && {
      ops: this.searches.plan(OPS_SPEC.sheet, step.opsColumns, step.keys),
      uni: this.searches.plan(UNI_SPEC.sheet, step.uniColumns, step.keys),
    };
  }

  /** The first step's searches when a hint made them known now (at most one per sheet); [] otherwise. */
  firstSearches(): RowSearch[] {
    if (!this.first) return [];
    return [this.first.ops, this.first.uni].filter((s): s is RowSearch => s !== null);
  }

  /** The rows of firstSearches(), in its order, found by the caller: load() then does not search for them. */
  foundAhead(rows: readonly number[][]): void {
    if (!this.first) return;
    let next = 0;
    const take = (search: RowSearch | null) => (search === null ? [] : [...(rows[next++] ?? [])]);
    this.ahead = { ops: take(this.first.ops), uni: take(this.first.uni) };
  }

  /** Reads the target's rows of Operaciones and Uniones into the unit of work (searches, then blocks). */
  load(): void {
    if ('ots' in this.target) this.loadOts(this.target.ots);
    else this.loadSpool(this.target.tag);
  }

  /** The first step a hint makes known: its keys and the columns searched in each sheet; null without one. */
  private hintedStep(): FirstStep | null {
    if ('ots' in this.target) {
      const listedTags = this.target.listedTags ?? [];
      if (listedTags.length === 0) return null;
      return {
        keys: [...this.target.ots, ...listedTags],
        opsColumns: [OPERACIONES.ot, this.tagCol],
        uniColumns: [UNIONES.ot, UNIONES.tag],
      };
    }
    const ot = this.target.listedOt?.trim() ?? '';
    if (ot === '') return null;
    return {
      keys: [this.target.tag, ot],
      opsColumns: [this.tagCol, OPERACIONES.ot],
      uniColumns: [UNIONES.tag, UNIONES.ot],
    };
  }

  /**
   * Searches Operaciones (`ops`: columns and keys) and Uniones (`uni`) for keys not searched yet there, both
   * in one findAcross (one findAll where the adapter has it), and reads the rows found in one batch.
   */
  private searchBoth(
    ops: [ReadonlyArray<string | null>, Iterable<string>] | null,
    uni: [ReadonlyArray<string | null>, Iterable<string>] | null,
  ): void {
    const planned = [
      ops && this.searches.plan(OPS_SPEC.sheet, ops[0], ops[1]),
      uni && this.searches.plan(UNI_SPEC.sheet, uni[0], uni[1]),
    ];
    const found = this.uow.findRowsAcross(planned.filter((p): p is RowSearch => p !== null));
    let next = 0;
    const rowsOf = (search: RowSearch | null) => (search === null ? [] : (found[next++] ?? []));
    const [opsRows, uniRows] = [rowsOf(planned[0]!), rowsOf(planned[1]!)];
    this.uow.loadRows([
      { spec: OPS_SPEC, rows: opsRows },
      { spec: UNI_SPEC, rows: uniRows },
    ]);
  }

  /** Reads the rows of the hinted first step: found ahead, else searched now (one findAcross). */
  private loadFirstStep(): void {
    if (!this.ahead) this.foundAhead(this.uow.findRowsAcross(this.firstSearches()));
    const { ops, uni } = this.ahead!;
    this.uow.loadRows([
      { spec: OPS_SPEC, rows: ops },
      { spec: UNI_SPEC, rows: uni },
    ]);
  }

  /**
   * The first step of OTs without listed tags: on SpreadsheetApp (each block a read of its own anyway) the
   * OTs' spools first, their tags then standing for the hint (3 searches instead of 4); on the Sheets API the
   * OTs alone in both sheets.
   */
  private loadOtsUnhinted(ots: readonly string[]): void {
    const { uow, searches, tagCol } = this;
    let tags: readonly string[] = [];
    if (!uow.readsBlocksInOneCall()) {
      uow.loadRows([{ spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [OPERACIONES.ot], ots) }]);
      tags = tagsOf(uow, ots, tagCol);
    }
    const keys = [...ots, ...tags];
    const tagged = tags.length > 0;
    // Both sheets in one findAcross: 2 searches in all on SpreadsheetApp, not 3.
    this.searchBoth(
      [tagged ? [OPERACIONES.ot, tagCol] : [OPERACIONES.ot], keys],
      [tagged ? [UNIONES.ot, UNIONES.tag] : [UNIONES.ot], keys],
    );
  }

  /**
   * Reads the rows of the OTs `ots`: Operaciones and Uniones rows whose OT is one of them; Uniones rows
   * holding the tag of one of their spools (a blank or wrong OT) and Operaciones rows holding any tag seen
   * (duplicated tags, the spool a union's tag names). With listed tags the first step searches the OTs and
   * the tags together; whatever the hint, every tag read that was not searched yet is searched for after
   * (a spool added since the listing is not missed).
   */
  private loadOts(ots: readonly string[]): void {
    const { uow, searches, tagCol } = this;
    if (this.first) this.loadFirstStep();
    else this.loadOtsUnhinted(ots);
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
    this.searchBoth(
      [[tagCol], [...spoolTags.values(), ...unionTags.values()]],
      [[UNIONES.tag], tagsOfOt.map(([, tag]) => tag)],
    );
  }

  /**
   * The first step of a spool without a listed OT: on SpreadsheetApp the spool's row first, its OT then
   * standing for the hint, searched with the tag in both sheets; on the Sheets API the tag alone in both.
   */
  private loadSpoolUnhinted(tag: string): void {
    const { uow, searches, tagCol } = this;
    let ot = '';
    if (!uow.readsBlocksInOneCall()) {
      uow.loadRows([{ spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [tagCol], [tag]) }]);
      ot = [...keysRead(uow, OPS_SPEC, OPERACIONES.ot).values()].find((o) => o !== '') ?? '';
    }
    const hint = ot !== '';
    const keys = hint ? [tag, ot] : [tag];
    this.searchBoth(
      [hint ? [tagCol, OPERACIONES.ot] : [tagCol], keys],
      [hint ? [UNIONES.tag, UNIONES.ot] : [UNIONES.tag], keys],
    );
  }

  /**
   * Reads the rows one spool needs: Operaciones and Uniones rows holding `tag`; then the rows of the spool's
   * OT in both (its other spools, union rows with a blank tag); then the Operaciones rows of any other tag
   * those union rows name. With a listed OT the first step searches the tag and the OT together; the OT the
   * spool's row holds is searched for after when it is another.
   */
  private loadSpool(tag: string): void {
    const { uow, searches, tagCol } = this;
    if (this.first) this.loadFirstStep();
    else this.loadSpoolUnhinted(tag);
    const spoolOts = keysRead(uow, OPS_SPEC, OPERACIONES.ot);
    const ots = [...spoolOts.values()].filter((ot) => ot !== '');
    this.searchBoth([[OPERACIONES.ot], ots], [[UNIONES.ot], ots]);
    const known = new Set([...keysRead(uow, OPS_SPEC, tagCol).values()].map(canonicalKey));
    const foreign = [...keysRead(uow, UNI_SPEC, UNIONES.tag).values()].filter(
      (t) => t !== '' && !known.has(canonicalKey(t)),
    );
    uow.loadRows([{ spec: OPS_SPEC, rows: searches.find(OPS_SPEC.sheet, [tagCol], foreign) }]);
  }
}

/**
 * Reads the rows of the OTs `ots` (the request's OT, and any other OT its union keys name) into `uow`: see
 * RowLocator. `hint` are the tags the sidebar listed for the OT: with them the rows take one search (both
 * sheets in one findAcross, issue 15 §1) and one batch of reads, plus a search for any tag read that was not
 * listed. Throws what the unit of work throws (SCHEMA for a missing sheet or header).
 */
export function loadOtRows(uow: UnitOfWork, ots: readonly string[], hint: readonly string[] = []): void {
  new RowLocator(uow, { ots, listedTags: hint }).load();
}

/**
 * Reads the rows one spool `tag` needs (INICIAR, release) into `uow`: see RowLocator. `listedOt` is the OT
 * the sidebar listed the spool under: with it the first step is one search (both sheets in one findAcross);
 * without it, 2 to 4. Throws what the unit of work throws (SCHEMA for a missing sheet or header).
 */
export function loadSpoolRows(uow: UnitOfWork, tag: string, listedOt?: string): void {
  new RowLocator(uow, { tag, ...(listedOt === undefined ? {} : { listedOt }) }).load();
}
