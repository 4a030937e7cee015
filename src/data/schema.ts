// The declarative schema: for each sheet the product reads, owns or extends, its columns, their kind,
// number format and default. One source of truth for the repositories and the schema migration.

import type { Cell } from '../domain/cell';
import type { TableSpec } from './columnMap';
import {
  METADATA_HEADER,
  METRIC_COLUMNS,
  ROLES_HEADER,
  SHEETS,
  TRABAJADORES_HEADER,
  UNIONES_HEADER,
} from './productionHeaders';

export type ColumnKind = 'text' | 'integer' | 'decimal' | 'date' | 'datetime';

export interface ColumnDef {
  name: string;
  kind: ColumnKind;
  /** The product cannot work without it. */
  required?: boolean;
  /** The migration may add it when missing (appended after the last used column). */
  addable?: boolean;
  numberFormat?: string;
  /** Written on every data row when the migration adds the column. */
  default?: Cell;
  /** Older names that count as this column (e.g. ID_UNION for ID in the legacy Uniones layout). */
  aliases?: readonly string[];
  /** A key people type (OT, TAG_SPOOL): matched as the sheet shows it. */
  key?: boolean;
}

export interface SheetSchema {
  sheet: string;
  /** The product creates the sheet, with this header, when it is missing. */
  creatable: boolean;
  columns: readonly ColumnDef[];
  /** The header a created sheet gets, when not every column (e.g. not SPLIT, a fallback of TAG_SPOOL). */
  newHeader?: readonly string[];
}

export const OPERACIONES = {
  ot: 'OT',
  tag: 'TAG_SPOOL',
  split: 'SPLIT',
  nv: 'NV',
  fechaMateriales: 'Fecha_Materiales',
  fechaArmado: 'Fecha_Armado',
  armador: 'Armador',
  fechaSoldadura: 'Fecha_Soldadura',
  soldador: 'Soldador',
  fechaQc: 'Fecha_QC_Metrología',
  ocupadoPor: 'Ocupado_Por',
  fechaOcupacion: 'Fecha_Ocupacion',
  version: 'version',
  estadoDetalle: 'Estado_Detalle',
  totalUniones: 'Total_Uniones',
  unionesArm: 'Uniones_ARM_Completadas',
  unionesSold: 'Uniones_SOLD_Completadas',
  pulgadasArm: 'Pulgadas_ARM',
  pulgadasSold: 'Pulgadas_SOLD',
} as const;

export const UNIONES = {
  id: 'ID',
  ot: 'OT',
  nUnion: 'N_UNION',
  tag: 'TAG_SPOOL',
  dn: 'DN_UNION',
  tipo: 'TIPO_UNION',
  armInicio: 'ARM_FECHA_INICIO',
  armFin: 'ARM_FECHA_FIN',
  armWorker: 'ARM_WORKER',
  solInicio: 'SOL_FECHA_INICIO',
  solFin: 'SOL_FECHA_FIN',
  solWorker: 'SOL_WORKER',
  version: 'version',
} as const;

const INTEGER_FORMAT = '0';
const DECIMAL_FORMAT = '0.00';
/** Plain text: the add-on and the other system write dates, names and tokens there as text. */
const TEXT_FORMAT = '@';

const metricColumn = (name: string): ColumnDef => ({
  name,
  kind: name.startsWith('Pulgadas') ? 'decimal' : 'integer',
  addable: true,
  numberFormat: name.startsWith('Pulgadas') ? DECIMAL_FORMAT : INTEGER_FORMAT,
  default: 0,
});

/**
 * A column the add-on writes on a spool row (or the other system shares): the migration appends it, plain
 * text and blank, when missing, since a request writing there would otherwise fail with SCHEMA.
 */
const trackingColumn = (name: string, kind: ColumnKind): ColumnDef => ({
  name,
  kind,
  addable: true,
  numberFormat: TEXT_FORMAT,
});

const OPERACIONES_COLUMNS: readonly ColumnDef[] = [
  { name: OPERACIONES.ot, kind: 'text', required: true, key: true },
  { name: OPERACIONES.tag, kind: 'text', key: true },
  { name: OPERACIONES.split, kind: 'text', key: true },
  { name: OPERACIONES.nv, kind: 'text' },
  { name: OPERACIONES.fechaMateriales, kind: 'date' },
  trackingColumn(OPERACIONES.fechaArmado, 'date'),
  trackingColumn(OPERACIONES.armador, 'text'),
  trackingColumn(OPERACIONES.fechaSoldadura, 'date'),
  trackingColumn(OPERACIONES.soldador, 'text'),
  { name: OPERACIONES.fechaQc, kind: 'date' },
  trackingColumn(OPERACIONES.ocupadoPor, 'text'),
  trackingColumn(OPERACIONES.fechaOcupacion, 'datetime'),
  // An opaque token (UUID text written by the other system): never checked as a number.
  trackingColumn(OPERACIONES.version, 'text'),
  trackingColumn(OPERACIONES.estadoDetalle, 'text'),
  ...METRIC_COLUMNS.map(metricColumn),
];

export const OPERACIONES_SCHEMA: SheetSchema = {
  sheet: SHEETS.operaciones,
  // Created only when the spreadsheet has none (a new spreadsheet): an existing one is never recreated.
  creatable: true,
  columns: OPERACIONES_COLUMNS,
  // The keys and NV, then every column the migration would add to an existing Operaciones.
  newHeader: [
    OPERACIONES.ot,
    OPERACIONES.tag,
    OPERACIONES.nv,
    ...OPERACIONES_COLUMNS.filter((c) => c.addable).map((c) => c.name),
  ],
};

const UNION_KINDS: Record<string, ColumnKind> = {
  N_UNION: 'integer',
  DN_UNION: 'decimal',
  ARM_FECHA_INICIO: 'datetime',
  ARM_FECHA_FIN: 'datetime',
  SOL_FECHA_INICIO: 'datetime',
  SOL_FECHA_FIN: 'datetime',
  NDT_FECHA: 'date',
};
const UNION_REQUIRED = new Set(['OT', 'N_UNION', 'TAG_SPOOL', 'DN_UNION', 'TIPO_UNION']);

export const UNIONES_SCHEMA: SheetSchema = {
  sheet: SHEETS.uniones,
  creatable: true,
  columns: UNIONES_HEADER.map((name) => ({
    name,
    kind: UNION_KINDS[name] ?? 'text',
    required: UNION_REQUIRED.has(name),
    addable: !UNION_REQUIRED.has(name) || name === 'TAG_SPOOL',
    ...(name === 'version' ? { default: 1, numberFormat: INTEGER_FORMAT } : {}),
    ...(name === 'ID' ? { aliases: ['ID_UNION'] } : {}),
    ...(name === 'OT' || name === 'TAG_SPOOL' ? { key: true } : {}),
  })),
};

export const METADATA_SCHEMA: SheetSchema = {
  sheet: SHEETS.metadata,
  creatable: true,
  columns: METADATA_HEADER.map((name) => ({ name, kind: 'text', required: true, addable: true })),
};

export const TRABAJADORES_SCHEMA: SheetSchema = {
  sheet: SHEETS.trabajadores,
  creatable: true,
  columns: TRABAJADORES_HEADER.map((name) => ({
    name,
    kind: name === 'Id' ? 'integer' : 'text',
    required: true,
  })),
};

export const ROLES_SCHEMA: SheetSchema = {
  sheet: SHEETS.roles,
  creatable: true,
  columns: ROLES_HEADER.map((name) => ({
    name,
    kind: name === 'Id' ? 'integer' : 'text',
    required: name !== 'Activo',
  })),
};

/** What a request needs of a sheet: the required columns, the rest when present. */
export function tableSpec(schema: SheetSchema, alsoRequired: readonly string[] = []): TableSpec {
  const required = [...schema.columns.filter((c) => c.required).map((c) => c.name), ...alsoRequired];
  return {
    sheet: schema.sheet,
    required,
    optional: schema.columns.map((c) => c.name).filter((name) => !required.includes(name)),
    keys: schema.columns.filter((c) => c.key).map((c) => c.name),
  };
}
