// Uniones as unions: rows keyed OT+N_UNION (OT resolved through TAG_SPOOL when blank or wrong), decoded and
// validated only for the OTs a request asks about, ARM/SOLD records written in one commit, and metrics per
// spool from the same single read.

import { formatDateTime } from '../domain/dates';
import { computeMetrics, type SpoolMetrics } from '../domain/metrics';
import type { Cell } from '../domain/cell';
import { dateLikeNumber, parseNumberCell } from '../domain/numbers';
import type { Operation } from '../domain/operation';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { canonicalKey, canonicalUnionKey, sameKey } from '../domain/keys';
import { escapeText } from '../domain/text';
import { unionKey, type Union } from '../domain/union';
import { RowReader, type CellIssue } from './rowReader';
import {
  FIELD_COLUMN,
  METRIC_READ_COLUMNS,
  TRACKING_COLUMNS,
  unionRowSchema,
  type UnionRecord,
  type UnreadableRow,
} from './unionRows';

export type { UnionRecord, UnreadableRow } from './unionRows';
import { UNIONES, UNIONES_SCHEMA, tableSpec } from './schema';
import type { SpoolRepository } from './spoolRepository';
import type { IdsPort } from '../ports';
import type { Table, TableRow } from './table';
import type { ColumnsToLoad, UnitOfWork } from './unitOfWork';
import { numero } from '../domain/spanish';

/**
 * The cheap pass over every row: where each union is, by OT, by tag and by key, before any decoding. Every
 * map is keyed by canonicalKey / canonicalUnionKey, so "008", 8 shown as 008 and "8" find the same rows.
 */
interface RowIndex {
  table: Table;
  read: RowReader;
  rows: TableRow[];
  byOt: Map<string, TableRow[]>;
  byTag: Map<string, TableRow[]>;
  rowsByKey: Map<string, number[]>;
  rawOt: Map<number, string>;
  rawTag: Map<number, string>;
  /** rowNumber → key, for rows whose OT and N_UNION could be read. */
  keyOfRow: Map<number, string>;
}

function push<K>(map: Map<K, TableRow[]>, key: K, row: TableRow) {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

export class UnionRepository {
  private rowIndex: RowIndex | null = null;
  private repeated: Map<string, number[]> | null = null;
  /** rowNumber → the decoded union, or null when the row is not a valid union (its issues reported). */
  private readonly decoded = new Map<number, Union | null>();
  /** rowNumber → the issues that made the row unreadable. */
  private readonly rowIssues = new Map<number, CellIssue[]>();
  private readonly maxDn: number;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly spools: SpoolRepository,
    private readonly issues: CellIssue[],
    private readonly ids: IdsPort,
    options: { maxDnInches?: number } = {},
  ) {
    this.maxDn = options.maxDnInches ?? DEFAULT_SETTINGS.maxDnInches;
  }

  /** What the metrics recompute reads of Uniones (UnitOfWork.loadColumns): metrics and readability, nothing else. */
  static metricColumns(): ColumnsToLoad {
    return { spec: tableSpec(UNIONES_SCHEMA, TRACKING_COLUMNS), columns: METRIC_READ_COLUMNS };
  }

  private index(): RowIndex {
    if (this.rowIndex) return this.rowIndex;
    const table = this.uow.table(tableSpec(UNIONES_SCHEMA, TRACKING_COLUMNS));
    const tz = this.uow.timeZone();
    const [otCol, tagCol, nCol] = [UNIONES.ot, UNIONES.tag, UNIONES.nUnion].map((c) =>
      table.columns.index(c),
    );
    const index: RowIndex = {
      table,
      read: new RowReader(table, tz, this.issues),
      rows: table.dataRows(),
      byOt: new Map(),
      byTag: new Map(),
      rowsByKey: new Map(),
      rawOt: new Map(),
      rawTag: new Map(),
      keyOfRow: new Map(),
    };
    for (const row of index.rows) {
      const rowOt = table.keyText(row, otCol!, tz);
      const tag = table.keyText(row, tagCol!, tz);
      const ot = (tag !== '' ? this.spools.otOfTag(tag) : null) ?? rowOt;
      index.rawOt.set(row.rowNumber, rowOt);
      index.rawTag.set(row.rowNumber, tag);
      push(index.byOt, canonicalKey(ot), row);
      // So a wrong OT's rows are still reported under it.
      if (!sameKey(rowOt, ot)) push(index.byOt, canonicalKey(rowOt), row);
      push(index.byTag, canonicalKey(tag), row);
      const n = parseNumberCell(row.values[nCol!] ?? '', tz);
      if (ot !== '' && n.ok && n.value !== null) {
        // keyOfRow keeps the key as the sheet shows it; rowsByKey is keyed canonically ("8+1" = "008+1").
        index.keyOfRow.set(row.rowNumber, unionKey(ot, n.value));
        const key = canonicalUnionKey(unionKey(ot, n.value));
        const list = index.rowsByKey.get(key);
        if (list) list.push(row.rowNumber);
        else index.rowsByKey.set(key, [row.rowNumber]);
      }
    }
    this.rowIndex = index;
    return index;
  }

  private decodeRow(row: TableRow): Union | null {
    if (this.decoded.has(row.rowNumber)) return this.decoded.get(row.rowNumber)!;
    const before = this.issues.length;
    const union = this.decode(row);
    this.decoded.set(row.rowNumber, union);
    if (!union) this.rowIssues.set(row.rowNumber, this.issues.slice(before));
    return union;
  }

  private decode(row: TableRow): Union | null {
    const { read, rowsByKey, table } = this.index();
    const tz = this.uow.timeZone();
    const tagText = table.keyText(row, table.columns.index(UNIONES.tag), tz);
    // The tag as Operaciones shows it, so a union and its spool always name it alike ("8" → "008").
    const tagSpool = (tagText !== '' ? this.spools.shownTag(tagText) : null) ?? tagText;
    const rowOt = table.keyText(row, table.columns.index(UNIONES.ot), tz);
    // OT is the query key; a blank or wrong one is corrected from the spool the tag names.
    const ot = (tagSpool !== '' ? this.spools.otOfTag(tagSpool) : null) ?? rowOt;
    const issuesBefore = this.issues.length;
    const candidate = {
      ot,
      tagSpool,
      nUnion: read.number(row, UNIONES.nUnion),
      dn: read.number(row, UNIONES.dn),
      tipo: read.text(row, UNIONES.tipo),
      armInicio: read.date(row, UNIONES.armInicio),
      armFin: read.date(row, UNIONES.armFin),
      solInicio: read.date(row, UNIONES.solInicio),
      solFin: read.date(row, UNIONES.solFin),
    };
    if (this.issues.length > issuesBefore) return null; // unreadable cells are already reported
    const parsed = unionRowSchema.safeParse(candidate);
    const implausible = this.implausibleDn(candidate.dn, read.raw(row, UNIONES.dn));
    if (!parsed.success || implausible !== null) {
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const field = String(issue.path[0]);
        // An N_UNION typed 3/4 that Sheets made a date (46115) is said to be one, not only out of range.
        const date =
          field === 'nUnion' && candidate.nUnion !== null
            ? dateLikeNumber(candidate.nUnion, read.raw(row, UNIONES.nUnion))
            : null;
        read.report(
          row,
          FIELD_COLUMN[field] ?? UNIONES.ot,
          date !== null ? `N_UNION ${date}` : issue.message,
        );
      }
      if (implausible !== null) read.report(row, UNIONES.dn, implausible);
      return null;
    }
    const valid = parsed.data;
    const key = unionKey(valid.ot, valid.nUnion);
    const repeated = rowsByKey.get(canonicalUnionKey(key));
    if (repeated && repeated.length > 1) {
      read.report(row, UNIONES.nUnion, `unión ${key} repetida (filas ${repeated.join(', ')})`);
    }
    return {
      rowNumber: row.rowNumber,
      key,
      id: read.text(row, UNIONES.id),
      ...valid,
      armWorker: read.text(row, UNIONES.armWorker),
      solWorker: read.text(row, UNIONES.solWorker),
      // An opaque token (UUID text from the other system, or a number): read as text, never warned about.
      version: read.text(row, UNIONES.version),
    };
  }

  /**
   * Why a DN that reads as a positive number still cannot be a DN: above the plausible maximum (the
   * `maxDnInches` setting). A typed 3/4 that Sheets made a date reads as its serial (46115) and lands here,
   * said so (dateLikeNumber); 7 in a date-formatted cell reads 7 and is fine.
   */
  private implausibleDn(dn: number | null, raw: Cell): string | null {
    if (dn === null || dn <= 0 || dn <= this.maxDn) return null;
    const date = dateLikeNumber(dn, raw);
    return date !== null
      ? `DN_UNION ${date}`
      : `DN_UNION ${numero(dn)} mayor que el máximo plausible (${numero(this.maxDn)} pulgadas)`;
  }

  /** The spools a row points at: its TAG_SPOOL when that is a spool, else every spool of its OT. */
  private pointsAt(rowNumber: number): string[] {
    const { rawTag, rawOt } = this.index();
    const tag = rawTag.get(rowNumber) ?? '';
    if (tag !== '' && this.spools.hasTag(tag)) return [tag];
    const ot = rawOt.get(rowNumber) ?? '';
    return ot === '' ? (tag === '' ? [] : [tag]) : this.spools.byOt(ot).map((s) => s.tag);
  }

  private unreadable(row: TableRow): UnreadableRow | null {
    if (this.decodeRow(row) !== null) return null;
    const { read, rawOt, rawTag, keyOfRow } = this.index();
    const tz = this.uow.timeZone();
    const dn = parseNumberCell(read.raw(row, UNIONES.dn), tz);
    const n = parseNumberCell(read.raw(row, UNIONES.nUnion), tz);
    const plausible = dn.ok && dn.value !== null && dn.value > 0 && dn.value <= this.maxDn;
    return {
      rowNumber: row.rowNumber,
      key: keyOfRow.get(row.rowNumber) ?? null,
      ot: rawOt.get(row.rowNumber) ?? '',
      tagSpool: rawTag.get(row.rowNumber) ?? '',
      nUnion: n.ok && n.value !== null && Number.isInteger(n.value) ? n.value : null,
      dn: plausible ? dn.value : null,
      tipo: read.text(row, UNIONES.tipo),
      arm: {
        worker: read.text(row, UNIONES.armWorker),
        inicio: read.shownDate(row, UNIONES.armInicio),
        fin: read.shownDate(row, UNIONES.armFin),
      },
      sol: {
        worker: read.text(row, UNIONES.solWorker),
        inicio: read.shownDate(row, UNIONES.solInicio),
        fin: read.shownDate(row, UNIONES.solFin),
      },
      issues: this.rowIssues.get(row.rowNumber) ?? [],
    };
  }

  /** Unreadable rows pointing at the spool `tag` of OT `ot` (by TAG_SPOOL, or failing that by OT). */
  unreadableOfSpool(tag: string, ot: string): UnreadableRow[] {
    const index = this.index();
    const rows = new Set<TableRow>([
      ...(index.byTag.get(canonicalKey(tag)) ?? []),
      ...(index.byOt.get(canonicalKey(ot)) ?? []),
    ]);
    const out: UnreadableRow[] = [];
    for (const row of [...rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
      const found = this.unreadable(row);
      if (found && this.pointsAt(row.rowNumber).some((t) => sameKey(t, tag))) out.push(found);
    }
    return out;
  }

  /** Unreadable rows of every spool, by tag, from the one read of Uniones (for the metrics recompute). */
  unreadableBySpool(): Map<string, UnreadableRow[]> {
    const out = new Map<string, UnreadableRow[]>();
    for (const row of this.index().rows) {
      const found = this.unreadable(row);
      if (!found) continue;
      for (const tag of this.pointsAt(row.rowNumber)) out.set(tag, [...(out.get(tag) ?? []), found]);
    }
    return out;
  }

  /** Unreadable rows whose OT or tag points at `ot` / `tags`, in sheet order (for the listing). */
  unreadableOfOt(ot: string, tags: ReadonlySet<string>): UnreadableRow[] {
    const index = this.index();
    const rows = new Set<TableRow>(index.byOt.get(canonicalKey(ot)) ?? []);
    for (const tag of tags) for (const row of index.byTag.get(canonicalKey(tag)) ?? []) rows.add(row);
    return [...rows]
      .sort((a, b) => a.rowNumber - b.rowNumber)
      .map((row) => this.unreadable(row))
      .filter((r): r is UnreadableRow => r !== null);
  }

  /** The unreadable row holding `key` (known from its raw OT/TAG_SPOOL and N_UNION), if there is one. */
  unreadableByKey(key: string): UnreadableRow | null {
    const index = this.index();
    for (const rowNumber of index.rowsByKey.get(canonicalUnionKey(key)) ?? []) {
      const row = index.table.row(rowNumber);
      const found = row ? this.unreadable(row) : null;
      if (found) return found;
    }
    return null;
  }

  private decodeAll(rows: readonly TableRow[] | undefined, ot?: string): Union[] {
    const out: Union[] = [];
    for (const row of rows ?? []) {
      const union = this.decodeRow(row);
      if (union && (ot === undefined || sameKey(union.ot, ot))) out.push(union);
    }
    return out;
  }

  all(): Union[] {
    return this.decodeAll(this.index().rows);
  }

  /** Unions of an OT typed any way ("008", "8"); their keys use the OT as the sheet shows it. */
  byOt(ot: string): Union[] {
    return this.decodeAll(this.index().byOt.get(canonicalKey(ot)), ot);
  }

  bySpool(tag: string): Union[] {
    return this.decodeAll(this.index().byTag.get(canonicalKey(tag))).filter((u) => sameKey(u.tagSpool, tag));
  }

  /** The union of a key typed with or without the OT's zeros ("8+1" or "008+1"). */
  byKey(key: string): Union | undefined {
    const rows = this.index().rowsByKey.get(canonicalUnionKey(key));
    const row = rows ? this.index().table.row(rows[0]!) : undefined;
    return row ? (this.decodeRow(row) ?? undefined) : undefined;
  }

  /** Keys (canonicalUnionKey) found on more than one row: never recorded until the sheet is fixed. */
  duplicates(): Map<string, number[]> {
    this.repeated ??= new Map([...this.index().rowsByKey].filter(([, rows]) => rows.length > 1));
    return this.repeated;
  }

  /** The rows of a key found on more than one row (the key typed any way), else undefined. */
  repeatedRows(key: string): number[] | undefined {
    return this.duplicates().get(canonicalUnionKey(key));
  }

  /** Rows whose OT or tag points at `ot` / `tags` that could not be read as unions (issues reported). */
  rejected(ot: string, tags: ReadonlySet<string>): number[] {
    const index = this.index();
    const rows = new Set<TableRow>(index.byOt.get(canonicalKey(ot)) ?? []);
    for (const tag of tags) for (const row of index.byTag.get(canonicalKey(tag)) ?? []) rows.add(row);
    return [...rows].filter((row) => this.decodeRow(row) === null).map((row) => row.rowNumber);
  }

  /** Queues the ARM or SOLD record of a union and returns the union as it will be. */
  record(union: Union, operation: Operation, record: UnionRecord): Union {
    const { table } = this.index();
    const tz = this.uow.timeZone();
    const [inicio, fin, worker] =
      operation === 'ARM'
        ? [UNIONES.armInicio, UNIONES.armFin, UNIONES.armWorker]
        : [UNIONES.solInicio, UNIONES.solFin, UNIONES.solWorker];
    this.uow.set(table, union.rowNumber, inicio, escapeText(formatDateTime(record.inicio, tz)));
    this.uow.set(table, union.rowNumber, fin, escapeText(formatDateTime(record.fin, tz)));
    this.uow.set(table, union.rowNumber, worker, escapeText(record.worker));
    const version = this.ids.uuid();
    this.uow.set(table, union.rowNumber, UNIONES.version, escapeText(version));
    return operation === 'ARM'
      ? { ...union, armInicio: record.inicio, armFin: record.fin, armWorker: record.worker, version }
      : { ...union, solInicio: record.inicio, solFin: record.fin, solWorker: record.worker, version };
  }

  /** Metrics of every spool (or of `tags`) from the one read of Uniones. */
  metricsBySpool(tags?: readonly string[]): Map<string, SpoolMetrics> {
    const grouped = new Map<string, Union[]>();
    for (const tag of tags ?? []) grouped.set(tag, []);
    for (const union of tags ? tags.flatMap((t) => this.bySpool(t)) : this.all()) {
      const list = grouped.get(union.tagSpool);
      if (list) list.push(union);
      else grouped.set(union.tagSpool, [union]);
    }
    return new Map([...grouped].map(([tag, unions]) => [tag, computeMetrics(unions)]));
  }
}
