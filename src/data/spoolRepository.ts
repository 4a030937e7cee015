// Operaciones as spools: found by OT and by TAG_SPOOL (duplicated tags are reported, never guessed),
// and the writes union tracking makes to a spool row.

import { a1, type Cell } from '../domain/cell';
import { formatDate, formatDateTime } from '../domain/dates';
import { conflictError, notFoundError, schemaError } from '../domain/errors';
import type { SpoolMetrics } from '../domain/metrics';
import type { Operation } from '../domain/operation';
import type { Spool } from '../domain/spool';
import { canonicalKey, sameKey } from '../domain/keys';
import { escapeText } from '../domain/text';
import { RowReader, type CellIssue } from './rowReader';
import { OPERACIONES, OPERACIONES_SCHEMA, tableSpec } from './schema';
import type { IdsPort } from '../ports';
import type { Table } from './table';
import type { ColumnsToLoad, UnitOfWork } from './unitOfWork';
import { RUN_MIGRATION } from '../domain/menuPath';

const METRICS = [
  'totalUniones',
  'unionesArm',
  'unionesSold',
  'pulgadasArm',
  'pulgadasSold',
] as const satisfies ReadonlyArray<keyof SpoolMetrics>;

/** The number format each metric column must have, from the schema (the migration sets the same). */
export const METRIC_FORMATS: Readonly<Record<keyof SpoolMetrics, string>> = Object.fromEntries(
  METRICS.map((m) => [
    m,
    OPERACIONES_SCHEMA.columns.find((c) => c.name === OPERACIONES[m])?.numberFormat ?? '0',
  ]),
) as Record<keyof SpoolMetrics, string>;

/** Metric values as stored, and the number format of each metric cell. */
export interface StoredMetrics extends SpoolMetrics {
  formats: Record<keyof SpoolMetrics, string>;
}

export class SpoolRepository {
  private cache: { table: Table; spools: Spool[]; byTag: Map<string, Spool[]> } | null = null;
  private repeated: Map<string, number[]> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly issues: CellIssue[],
    private readonly ids: IdsPort,
  ) {}

  /**
   * What the metrics recompute reads of Operaciones (UnitOfWork.loadColumns): the keys (OT, TAG_SPOOL or
   * else SPLIT) and the five metric columns; their number formats are read apart, once (numberFormats).
   */
  static metricColumns(): ColumnsToLoad {
    return {
      spec: tableSpec(OPERACIONES_SCHEMA),
      columns: [OPERACIONES.ot, [OPERACIONES.tag, OPERACIONES.split], ...METRICS.map((m) => OPERACIONES[m])],
    };
  }

  private load() {
    if (this.cache) return this.cache;
    const table = this.uow.table(tableSpec(OPERACIONES_SCHEMA));
    const tagColumn = table.columns.firstPresent(OPERACIONES.tag, OPERACIONES.split);
    if (!tagColumn) {
      throw schemaError(`A la hoja "Operaciones" le falta la columna TAG_SPOOL (o SPLIT). ${RUN_MIGRATION}`, {
        sheet: table.sheet,
        missing: [OPERACIONES.tag],
      });
    }
    const tz = this.uow.timeZone();
    const read = new RowReader(table, tz, this.issues);
    const spools: Spool[] = [];
    // Keyed by canonicalKey: "008", 8 shown as 008 and "8" are one key (design §2).
    const byTag = new Map<string, Spool[]>();
    const [tagIndex, otIndex] = [table.columns.index(tagColumn), table.columns.index(OPERACIONES.ot)];
    for (const row of table.dataRows()) {
      // Keys as the sheet shows them: OT 8 formatted `000` is "008".
      const tag = table.keyText(row, tagIndex, tz);
      const ot = table.keyText(row, otIndex, tz);
      if (tag === '' && ot === '') continue;
      const spool: Spool = {
        rowNumber: row.rowNumber,
        ot,
        tag,
        nv: read.text(row, OPERACIONES.nv),
        fechaArmado: read.date(row, OPERACIONES.fechaArmado),
        armador: read.text(row, OPERACIONES.armador),
        fechaSoldadura: read.date(row, OPERACIONES.fechaSoldadura),
        soldador: read.text(row, OPERACIONES.soldador),
        ocupadoPor: read.text(row, OPERACIONES.ocupadoPor),
        fechaOcupacion: read.date(row, OPERACIONES.fechaOcupacion),
        estadoDetalle: read.text(row, OPERACIONES.estadoDetalle),
        // An opaque token (UUID text from the other system, or a number): read as text, never warned about.
        version: read.text(row, OPERACIONES.version),
      };
      spools.push(spool);
      if (tag !== '') byTag.set(canonicalKey(tag), [...(byTag.get(canonicalKey(tag)) ?? []), spool]);
    }
    this.cache = { table, spools, byTag };
    return this.cache;
  }

  all(): Spool[] {
    return this.load().spools;
  }

  /** Spools of an OT however it is typed ("008", "8"): see canonicalKey. */
  byOt(ot: string): Spool[] {
    return this.load().spools.filter((s) => sameKey(s.ot, ot));
  }

  /** Tags that appear on more than one row, with those rows (under each way those rows show the tag). */
  duplicatedTags(): Map<string, number[]> {
    if (!this.repeated) {
      this.repeated = new Map();
      for (const list of this.load().byTag.values()) {
        if (list.length < 2) continue;
        const rows = list.map((s) => s.rowNumber);
        for (const spool of list) this.repeated.set(spool.tag, rows);
      }
    }
    return this.repeated;
  }

  /** The tag as Operaciones shows it for a tag typed any way ("8" → "008"); null when no row holds it. */
  shownTag(tag: string): string | null {
    return this.load().byTag.get(canonicalKey(tag))?.[0]?.tag ?? null;
  }

  /** The one spool of `tag`; NOT_FOUND when absent, CONFLICT when the tag is on several rows. */
  byTag(tag: string): Spool {
    const list = this.load().byTag.get(canonicalKey(tag)) ?? [];
    if (list.length === 0) throw notFoundError(`No existe el spool ${tag} en Operaciones.`, { tag });
    if (list.length > 1) {
      throw conflictError(
        `El spool ${tag} está repetido en Operaciones (filas ${list.map((s) => s.rowNumber).join(', ')}); corrija la planilla.`,
        { tag, rows: list.map((s) => s.rowNumber) },
      );
    }
    return list[0]!;
  }

  /** Some Operaciones row holds `tag` (once or more). */
  hasTag(tag: string): boolean {
    return this.load().byTag.has(canonicalKey(tag));
  }

  /** The OT of a tag when exactly one spool row holds it; otherwise null. */
  otOfTag(tag: string): string | null {
    const list = this.load().byTag.get(canonicalKey(tag));
    return list && list.length === 1 && list[0]!.ot !== '' ? list[0]!.ot : null;
  }

  private set(spool: Spool, column: string, value: string | number) {
    this.uow.set(this.load().table, spool.rowNumber, column, value);
  }

  /** Every change to the row gets a new unique token, so whoever read the old one sees it changed. */
  private bumpVersion(spool: Spool) {
    this.set(spool, OPERACIONES.version, escapeText(this.ids.uuid()));
  }

  occupy(spool: Spool, display: string, now: number, estado: string): void {
    const tz = this.uow.timeZone();
    this.set(spool, OPERACIONES.ocupadoPor, escapeText(display));
    this.set(spool, OPERACIONES.fechaOcupacion, escapeText(formatDateTime(now, tz)));
    this.set(spool, OPERACIONES.estadoDetalle, escapeText(estado));
    this.bumpVersion(spool);
  }

  release(spool: Spool, estado: string): void {
    this.set(spool, OPERACIONES.ocupadoPor, '');
    this.set(spool, OPERACIONES.fechaOcupacion, '');
    this.set(spool, OPERACIONES.estadoDetalle, escapeText(estado));
    this.bumpVersion(spool);
  }

  /** Rewrites Estado_Detalle of a spool that stays occupied. */
  describe(spool: Spool, estado: string): void {
    this.set(spool, OPERACIONES.estadoDetalle, escapeText(estado));
    this.bumpVersion(spool);
  }

  /** COMPLETAR: Fecha_Armado/Armador or Fecha_Soldadura/Soldador. */
  stampCompletion(spool: Spool, operation: Operation, display: string, now: number): void {
    const date = escapeText(formatDate(now, this.uow.timeZone()));
    if (operation === 'ARM') {
      this.set(spool, OPERACIONES.fechaArmado, date);
      this.set(spool, OPERACIONES.armador, escapeText(display));
    } else {
      this.set(spool, OPERACIONES.fechaSoldadura, date);
      this.set(spool, OPERACIONES.soldador, escapeText(display));
    }
  }

  /**
   * The five metric columns, each with its number format (`0` counts, `0.00` inches): a value written
   * into a cell someone formatted as a date would otherwise read back as a date (7 shows as 1900-01-06).
   */
  writeMetrics(spool: Spool, metrics: SpoolMetrics): void {
    const { table } = this.load();
    for (const metric of METRICS) {
      this.uow.set(table, spool.rowNumber, OPERACIONES[metric], metrics[metric], METRIC_FORMATS[metric]);
    }
  }

  /**
   * The metric columns as the sheet holds them now, with their number formats (to write only what is
   * wrong). The formats of every spool's metric cells come from one read, made on the first call.
   */
  storedMetrics(spool: Spool): StoredMetrics | null {
    const { table } = this.load();
    const row = table.row(spool.rowNumber);
    if (!row || !table.columns.has(OPERACIONES.totalUniones)) return null;
    const read = new RowReader(table, this.uow.timeZone(), []);
    const formatOf = this.uow.numberFormats(
      table,
      METRICS.map((m) => OPERACIONES[m]),
    );
    const stored = { formats: {} } as StoredMetrics;
    for (const metric of METRICS) {
      stored[metric] = read.number(row, OPERACIONES[metric]) ?? NaN;
      stored.formats[metric] = formatOf(spool.rowNumber, OPERACIONES[metric]);
    }
    return stored;
  }

  /**
   * The five metric cells of a spool as the sheet holds them: A1 name (`Operaciones!BP12`), raw value and
   * number format (from the same one read as storedMetrics). For a job's validation and checkpoint.
   */
  metricCells(
    spool: Spool,
  ): Array<{ metric: keyof SpoolMetrics; cell: string; value: Cell; format: string }> {
    const { table } = this.load();
    const row = table.rows[spool.rowNumber - 2];
    const formatOf = this.uow.numberFormats(
      table,
      METRICS.map((m) => OPERACIONES[m]),
    );
    return METRICS.filter((m) => table.columns.has(OPERACIONES[m])).map((metric) => {
      const index = table.columns.index(OPERACIONES[metric]);
      return {
        metric,
        cell: `${table.sheet}!${a1(spool.rowNumber, index + 1)}`,
        value: row?.values[index] ?? '',
        format: formatOf(spool.rowNumber, OPERACIONES[metric]),
      };
    });
  }
}
