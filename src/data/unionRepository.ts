// Uniones as unions: validated rows keyed OT+N_UNION (OT resolved through TAG_SPOOL when blank or wrong),
// ARM/SOLD records written in one commit, and metrics per spool from the same single read.

import * as z from 'zod';
import { formatDateTime } from '../domain/dates';
import { computeMetrics, type SpoolMetrics } from '../domain/metrics';
import type { Operation } from '../domain/operation';
import { escapeText } from '../domain/text';
import { N_UNION_MAX, N_UNION_MIN, unionKey, type Union } from '../domain/union';
import { RowReader, type CellIssue } from './rowReader';
import { UNIONES, UNIONES_SCHEMA, tableSpec } from './schema';
import type { SpoolRepository } from './spoolRepository';
import type { Table, TableRow } from './table';
import type { UnitOfWork } from './unitOfWork';

const TRACKING_COLUMNS = [
  UNIONES.armInicio,
  UNIONES.armFin,
  UNIONES.armWorker,
  UNIONES.solInicio,
  UNIONES.solFin,
  UNIONES.solWorker,
  UNIONES.version,
];

const nullableTime = z.number().int().nullable();

/** What a Uniones row must hold to be a union (design §2). */
const unionRowSchema = z.object({
  ot: z.string().min(1, 'sin OT ni un TAG_SPOOL que la resuelva'),
  tagSpool: z.string().min(1, 'TAG_SPOOL vacío'),
  nUnion: z
    .number({ error: 'N_UNION vacío' })
    .int('N_UNION debe ser entero')
    .min(N_UNION_MIN, `N_UNION fuera de ${N_UNION_MIN}–${N_UNION_MAX}`)
    .max(N_UNION_MAX, `N_UNION fuera de ${N_UNION_MIN}–${N_UNION_MAX}`),
  dn: z.number({ error: 'DN_UNION vacío' }).positive('DN_UNION debe ser mayor que 0'),
  tipo: z.string().min(1, 'TIPO_UNION vacío'),
  armInicio: nullableTime,
  armFin: nullableTime,
  solInicio: nullableTime,
  solFin: nullableTime,
});

const FIELD_COLUMN: Record<string, string> = {
  ot: UNIONES.ot,
  tagSpool: UNIONES.tag,
  nUnion: UNIONES.nUnion,
  dn: UNIONES.dn,
  tipo: UNIONES.tipo,
};

export interface UnionRecord {
  worker: string;
  inicio: number;
  fin: number;
}

export class UnionRepository {
  private cache: {
    table: Table;
    unions: Union[];
    duplicates: Map<string, number[]>;
    byKey: Map<string, Union>;
    byTag: Map<string, Union[]>;
    byOt: Map<string, Union[]>;
    rejected: Array<{ rowNumber: number; ot: string; tag: string }>;
  } | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly spools: SpoolRepository,
    private readonly issues: CellIssue[] = [],
  ) {}

  private decode(table: Table, row: TableRow, read: RowReader): Union | null {
    const tagSpool = read.text(row, UNIONES.tag);
    const rowOt = read.text(row, UNIONES.ot);
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
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        read.report(row, FIELD_COLUMN[String(issue.path[0])] ?? UNIONES.ot, issue.message);
      }
      return null;
    }
    const valid = parsed.data;
    return {
      rowNumber: row.rowNumber,
      key: unionKey(valid.ot, valid.nUnion),
      id: read.text(row, UNIONES.id),
      ...valid,
      armWorker: read.text(row, UNIONES.armWorker),
      solWorker: read.text(row, UNIONES.solWorker),
      version: read.integer(row, UNIONES.version) ?? 0,
    };
  }

  private load() {
    if (this.cache) return this.cache;
    const table = this.uow.table(tableSpec(UNIONES_SCHEMA, TRACKING_COLUMNS));
    const read = new RowReader(table, this.uow.timeZone(), this.issues);
    const unions: Union[] = [];
    const rejected: Array<{ rowNumber: number; ot: string; tag: string }> = [];
    const rowsByKey = new Map<string, number[]>();
    for (const row of table.dataRows()) {
      const union = this.decode(table, row, read);
      if (!union) {
        rejected.push({
          rowNumber: row.rowNumber,
          ot: read.text(row, UNIONES.ot),
          tag: read.text(row, UNIONES.tag),
        });
        continue;
      }
      unions.push(union);
      rowsByKey.set(union.key, [...(rowsByKey.get(union.key) ?? []), union.rowNumber]);
    }
    const duplicates = new Map([...rowsByKey].filter(([, rows]) => rows.length > 1));
    for (const [key, rows] of duplicates) {
      for (const rowNumber of rows) {
        read.report(
          table.rows[rowNumber - 2]!,
          UNIONES.nUnion,
          `unión ${key} repetida (filas ${rows.join(', ')})`,
        );
      }
    }
    const group = (keyOf: (u: Union) => string) => {
      const map = new Map<string, Union[]>();
      for (const u of unions) {
        const list = map.get(keyOf(u));
        if (list) list.push(u);
        else map.set(keyOf(u), [u]);
      }
      return map;
    };
    const byKey = new Map<string, Union>();
    for (const u of unions) if (!byKey.has(u.key)) byKey.set(u.key, u);
    const byTag = group((u) => u.tagSpool);
    this.cache = { table, unions, duplicates, byKey, byTag, byOt: group((u) => u.ot), rejected };
    return this.cache;
  }

  all(): Union[] {
    return this.load().unions;
  }

  byOt(ot: string): Union[] {
    return this.load().byOt.get(ot) ?? [];
  }

  bySpool(tag: string): Union[] {
    return this.load().byTag.get(tag) ?? [];
  }

  /** Rows that could not be read as unions whose OT or tag points at `ot` / `tags`. */
  rejected(ot: string, tags: ReadonlySet<string>): number[] {
    return this.load()
      .rejected.filter((r) => r.ot === ot || tags.has(r.tag))
      .map((r) => r.rowNumber);
  }

  byKey(key: string): Union | undefined {
    return this.load().byKey.get(key);
  }

  /** Keys found on more than one row: such unions are never recorded until the sheet is fixed. */
  duplicates(): Map<string, number[]> {
    return this.load().duplicates;
  }

  /** Queues the ARM or SOLD record of a union and returns the union as it will be. */
  record(union: Union, operation: Operation, record: UnionRecord): Union {
    const { table } = this.load();
    const tz = this.uow.timeZone();
    const [inicio, fin, worker] =
      operation === 'ARM'
        ? [UNIONES.armInicio, UNIONES.armFin, UNIONES.armWorker]
        : [UNIONES.solInicio, UNIONES.solFin, UNIONES.solWorker];
    this.uow.set(table, union.rowNumber, inicio, escapeText(formatDateTime(record.inicio, tz)));
    this.uow.set(table, union.rowNumber, fin, escapeText(formatDateTime(record.fin, tz)));
    this.uow.set(table, union.rowNumber, worker, escapeText(record.worker));
    this.uow.set(table, union.rowNumber, UNIONES.version, union.version + 1);
    const version = union.version + 1;
    return operation === 'ARM'
      ? { ...union, armInicio: record.inicio, armFin: record.fin, armWorker: record.worker, version }
      : { ...union, solInicio: record.inicio, solFin: record.fin, solWorker: record.worker, version };
  }

  /** Metrics of every spool (or of `tags`) from the one read of Uniones; `overrides` replace unions by key. */
  metricsBySpool(tags?: readonly string[], overrides: readonly Union[] = []): Map<string, SpoolMetrics> {
    const replaced = new Map(overrides.map((u) => [u.key, u]));
    const wanted = tags ? new Set(tags) : null;
    const grouped = new Map<string, Union[]>();
    for (const tag of tags ?? []) grouped.set(tag, []);
    const seen = new Set<string>();
    for (const union of this.load().unions) {
      if (wanted && !wanted.has(union.tagSpool)) continue;
      if (seen.has(union.key)) continue; // a repeated row is one union, not two
      seen.add(union.key);
      const list = grouped.get(union.tagSpool) ?? [];
      list.push(replaced.get(union.key) ?? union);
      grouped.set(union.tagSpool, list);
    }
    return new Map([...grouped].map(([tag, unions]) => [tag, computeMetrics(unions)]));
  }
}
