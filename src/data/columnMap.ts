// Finds columns by normalised header name; built from the header read in the same request, so never stale.

import { columnLetter, isEmptyCell, type Cell } from '../domain/cell';
import { schemaError } from '../domain/errors';
import { RUN_MIGRATION } from '../domain/menuPath';

/** Trim, case-insensitive, accents dropped, `_` and spaces ignored: "Fecha_QC_Metrología" ≡ "fecha qc metrologia". */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

export interface TableSpec {
  sheet: string;
  /** Columns the request cannot do without: missing ones are a SCHEMA error that names them. */
  required: readonly string[];
  /** Columns used when present. */
  optional?: readonly string[];
  /**
   * Key columns (OT, TAG_SPOOL): matched as the sheet shows them, so when one holds numbers (OT 8 formatted
   * `000`) its display text is read too (design §2).
   */
  keys?: readonly string[];
}

export class ColumnMap {
  private readonly positions: Map<string, number[]>;
  /** Lookups by the name as asked (hot path: every cell read asks by name). */
  private readonly asked = new Map<string, number[] | undefined>();
  /** The header as written in the sheet, trailing blanks dropped. */
  readonly header: readonly string[];

  private constructor(
    readonly sheet: string,
    header: readonly string[],
  ) {
    this.header = header;
    this.positions = new Map();
    header.forEach((name, index) => {
      if (name === '') return;
      const key = normalizeHeader(name);
      const list = this.positions.get(key) ?? [];
      list.push(index);
      this.positions.set(key, list);
    });
  }

  /** Validates the header row against `spec`: not blank, required present, no used name duplicated. */
  static fromHeader(headerRow: readonly Cell[], spec: TableSpec): ColumnMap {
    const header = headerRow.map((cell) => (isEmptyCell(cell) ? '' : String(cell).trim()));
    while (header.length > 0 && header[header.length - 1] === '') header.pop();
    if (header.length === 0) {
      throw schemaError(`La hoja "${spec.sheet}" no tiene encabezados en la fila 1.`, { sheet: spec.sheet });
    }
    const map = new ColumnMap(spec.sheet, header);
    const used = [...spec.required, ...(spec.optional ?? [])];
    const duplicated = used.filter((name) => (map.positions.get(normalizeHeader(name))?.length ?? 0) > 1);
    if (duplicated.length > 0) {
      const where = duplicated.map(
        (name) =>
          `${name} (columnas ${map.positions
            .get(normalizeHeader(name))!
            .map((i) => columnLetter(i + 1))
            .join(', ')})`,
      );
      throw schemaError(`La hoja "${spec.sheet}" tiene encabezados repetidos: ${where.join('; ')}.`, {
        sheet: spec.sheet,
        duplicated,
      });
    }
    const missing = spec.required.filter((name) => !map.has(name));
    if (missing.length > 0) {
      throw schemaError(
        `A la hoja "${spec.sheet}" le faltan las columnas: ${missing.join(', ')}. ${RUN_MIGRATION}`,
        {
          sheet: spec.sheet,
          missing,
        },
      );
    }
    return map;
  }

  private lookup(name: string): number[] | undefined {
    if (!this.asked.has(name)) this.asked.set(name, this.positions.get(normalizeHeader(name)));
    return this.asked.get(name);
  }

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** 0-based index of a column; a missing one is a SCHEMA error naming it. */
  index(name: string): number {
    const found = this.lookup(name);
    if (!found || found.length === 0) {
      throw schemaError(`A la hoja "${this.sheet}" le falta la columna ${name}. ${RUN_MIGRATION}`, {
        sheet: this.sheet,
        missing: [name],
      });
    }
    return found[0]!;
  }

  /** The first of `names` that exists (e.g. TAG_SPOOL, else SPLIT), or null. */
  firstPresent(...names: string[]): string | null {
    return names.find((name) => this.has(name)) ?? null;
  }

  get width(): number {
    return this.header.length;
  }
}
