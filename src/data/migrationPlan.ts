// Plans the schema migration from what the sheets hold now (one read per sheet; the audit log's header
// only): sheets to create, columns to add with their defaults and formats, TAG_SPOOL cells to fill, and
// the problems it will not fix by itself, each with the cell and the reason.

import { a1, columnLetter, isEmptyCell, type Cell } from '../domain/cell';
import { canonicalKey } from '../domain/keys';
import { MENU } from '../domain/menuPath';
import { parseNumberCell } from '../domain/numbers';
import { cellToText } from '../domain/text';
import { normalizeHeader } from './columnMap';
import { SHEETS } from './productionHeaders';
import {
  METADATA_SCHEMA,
  OPERACIONES_SCHEMA,
  ROLES_SCHEMA,
  TRABAJADORES_SCHEMA,
  UNIONES_SCHEMA,
  type ColumnDef,
  type SheetSchema,
} from './schema';
import type { UnitOfWork } from './unitOfWork';

export interface ColumnAddition {
  name: string;
  /** 1-based column where it goes: after the last used column. */
  col: number;
  numberFormat?: string;
  /** The value each data row gets (blank rows stay blank). */
  default?: Cell;
}

export interface CellFill {
  row: number;
  col: number;
  value: string;
}

export interface SheetChange {
  sheet: string;
  /** The sheet is missing: create it with this header. */
  create?: readonly string[];
  addColumns: ColumnAddition[];
  fills: CellFill[];
  /** Last row of the sheet (header included), and which of rows 2..lastRow hold data. */
  lastRow: number;
  dataRows: number[];
}

export interface MigrationProblem {
  sheet: string;
  cell: string;
  reason: string;
  /** The migration refuses to apply while this stands. */
  blocking: boolean;
  /**
   * A column requests need that the migration cannot create: it applies the rest, but the schema is not up
   * to date (a request would fail with SCHEMA) until it is fixed by hand.
   */
  incomplete?: boolean;
}

export interface MigrationPlan {
  changes: SheetChange[];
  problems: MigrationProblem[];
}

export const isPlanEmpty = (plan: MigrationPlan) =>
  plan.changes.every((c) => !c.create && c.addColumns.length === 0 && c.fills.length === 0);

export const isPlanBlocked = (plan: MigrationPlan) => plan.problems.some((p) => p.blocking);

/** Something requests need stays missing after the plan (blocked, or to be fixed by hand). */
export const isSchemaIncomplete = (plan: MigrationPlan) =>
  plan.problems.some((p) => p.blocking || p.incomplete);

const AGAIN = `vuelva a ejecutar Migrar esquema… (${MENU})`;

/** Where each schema column is in a header (by name or alias), or what is wrong with the header. */
function locate(schema: SheetSchema, header: readonly string[]) {
  const positions = new Map<string, number[]>();
  header.forEach((name, i) => {
    if (name === '') return;
    const key = normalizeHeader(name);
    positions.set(key, [...(positions.get(key) ?? []), i + 1]);
  });
  const found = new Map<string, number>();
  const duplicated: Array<{ column: ColumnDef; cols: number[] }> = [];
  for (const column of schema.columns) {
    const cols = [column.name, ...(column.aliases ?? [])].flatMap(
      (n) => positions.get(normalizeHeader(n)) ?? [],
    );
    if (cols.length > 1) duplicated.push({ column, cols });
    else if (cols.length === 1) found.set(column.name, cols[0]!);
  }
  return { found, duplicated };
}

function headerOf(grid: readonly Cell[][]): string[] {
  const header = (grid[0] ?? []).map((c) => (isEmptyCell(c) ? '' : String(c).trim()));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return header;
}

function planSheet(
  schema: SheetSchema,
  grid: Cell[][] | null,
  problems: MigrationProblem[],
  fullRead: boolean,
): { change: SheetChange; found: Map<string, number> } | null {
  const problem = (cell: string, reason: string, blocking = true) =>
    problems.push({ sheet: schema.sheet, cell, reason, blocking });
  if (grid === null) {
    if (!schema.creatable) {
      problem('', `No existe la hoja "${schema.sheet}".`);
      return null;
    }
    const header = schema.newHeader ?? schema.columns.map((c) => c.name);
    return {
      change: { sheet: schema.sheet, create: header, addColumns: [], fills: [], lastRow: 1, dataRows: [] },
      found: new Map(),
    };
  }
  const header = headerOf(grid);
  if (header.length === 0) {
    problem('1:1', 'La fila de encabezados está vacía.');
    return null;
  }
  const { found, duplicated } = locate(schema, header);
  for (const { column, cols } of duplicated) {
    problem(cols.map((c) => a1(1, c)).join(', '), `El encabezado ${column.name} está repetido.`);
  }
  if (duplicated.length > 0) return null;
  const missing = schema.columns.filter((c) => !found.has(c.name));
  for (const column of missing.filter((c) => c.required && !c.addable)) {
    problem(
      '',
      `Falta la columna obligatoria ${column.name}, que la migración no puede crear porque sus valores son datos de la planta: agréguela a mano (encabezado ${column.name} en la fila 1 y su valor en cada fila) y ${AGAIN}.`,
    );
  }
  const dataRows = fullRead
    ? grid.flatMap((row, i) => (i > 0 && row.some((c) => !isEmptyCell(c)) ? [i + 1] : []))
    : [];
  let next = header.length + 1;
  const addColumns = missing
    .filter((c) => c.addable)
    .map((c) => ({ name: c.name, col: next++, numberFormat: c.numberFormat, default: c.default }));
  return {
    change: { sheet: schema.sheet, addColumns, fills: [], lastRow: fullRead ? grid.length : 1, dataRows },
    found,
  };
}

/** Numeric columns that already exist must hold numbers: text there is reported, never overwritten. */
function checkNumericColumns(
  schema: SheetSchema,
  grid: Cell[][],
  found: Map<string, number>,
  timeZone: string,
  problems: MigrationProblem[],
) {
  for (const column of schema.columns.filter(
    (c) => c.addable && (c.kind === 'integer' || c.kind === 'decimal'),
  )) {
    const col = found.get(column.name);
    if (col === undefined) continue;
    const rows = grid.flatMap((row, i) =>
      i > 0 && !parseNumberCell(row[col - 1] ?? '', timeZone).ok ? [i + 1] : [],
    );
    if (rows.length > 0) {
      problems.push({
        sheet: schema.sheet,
        cell: `${columnLetter(col)}${rows[0]}`,
        reason: `${column.name} tiene texto en las filas ${rows.join(', ')}; corríjalo a mano (no se sobrescribe).`,
        blocking: true,
      });
    }
  }
}

/** TAG_SPOOL of a union from its OT, when Operaciones has exactly one spool for that OT. */
function fillTags(
  uniones: Cell[][],
  change: SheetChange,
  tagCol: number,
  otCol: number | undefined,
  tagsByOt: Map<string, Set<string>>,
  timeZone: string,
  problems: MigrationProblem[],
) {
  const unresolved: string[] = [];
  for (const row of change.dataRows) {
    const cells = uniones[row - 1]!;
    if (!isEmptyCell(cells[tagCol - 1] ?? '')) continue;
    const ot = otCol === undefined ? '' : cellToText(cells[otCol - 1] ?? '', timeZone);
    const tags = tagsByOt.get(canonicalKey(ot));
    if (tags && tags.size === 1) change.fills.push({ row, col: tagCol, value: [...tags][0]! });
    else
      unresolved.push(
        `${row} (${ot === '' ? 'sin OT' : tags ? `la OT ${ot} tiene ${tags.size} spools` : `la OT ${ot} no está en Operaciones`})`,
      );
  }
  if (unresolved.length > 0) {
    problems.push({
      sheet: SHEETS.uniones,
      cell: columnLetter(tagCol),
      reason: `TAG_SPOOL queda vacío en las filas ${unresolved.join(', ')}: complételo a mano.`,
      blocking: false,
    });
  }
}

/**
 * Trabajadores and Roles are the shop's own lists: created empty with their header when missing (so a new
 * spreadsheet can be set up), never changed when present; a missing column there is reported, not added.
 */
function planPeopleSheet(
  schema: SheetSchema,
  grids: ReadonlyMap<string, Cell[][] | null>,
  changes: SheetChange[],
  problems: MigrationProblem[],
) {
  const grid = grids.get(schema.sheet) ?? null;
  const header = schema.columns.map((c) => c.name);
  if (grid === null) {
    changes.push({
      sheet: schema.sheet,
      create: header,
      addColumns: [],
      fills: [],
      lastRow: 1,
      dataRows: [],
    });
    return;
  }
  const present = new Set(headerOf(grid).map(normalizeHeader));
  const missing = schema.columns.filter((c) => c.required && !present.has(normalizeHeader(c.name)));
  if (missing.length > 0) {
    problems.push({
      sheet: schema.sheet,
      cell: '1:1',
      reason: `Faltan las columnas ${missing.map((c) => c.name).join(', ')}, que el complemento necesita; agréguelas a mano en la fila 1 (la migración no modifica esta hoja) y ${AGAIN}.`,
      blocking: false,
      incomplete: true,
    });
  }
}

export function planMigration(uow: UnitOfWork): MigrationPlan {
  uow.prefetch([SHEETS.operaciones, SHEETS.uniones], [SHEETS.metadata, SHEETS.trabajadores, SHEETS.roles]);
  const timeZone = uow.timeZone();
  const problems: MigrationProblem[] = [];
  const changes: SheetChange[] = [];
  const grids = uow.rawGrids();

  const operacionesGrid = grids.get(SHEETS.operaciones) ?? null;
  const operaciones = planSheet(OPERACIONES_SCHEMA, operacionesGrid, problems, true);
  const tagsByOt = new Map<string, Set<string>>();
  // A missing Operaciones is created (a new spreadsheet); one that exists only ever gains columns at its end.
  if (operaciones) changes.push(operaciones.change);
  if (operaciones && operacionesGrid) {
    checkNumericColumns(OPERACIONES_SCHEMA, operacionesGrid, operaciones.found, timeZone, problems);
    const otCol = operaciones.found.get('OT');
    const tagCol = operaciones.found.get('TAG_SPOOL') ?? operaciones.found.get('SPLIT');
    if (tagCol === undefined)
      problems.push({
        sheet: SHEETS.operaciones,
        cell: '',
        reason: `Falta la columna TAG_SPOOL (o SPLIT), con la etiqueta de cada spool, que la migración no puede crear: agréguela a mano (encabezado TAG_SPOOL en la fila 1 y la etiqueta en cada fila) y ${AGAIN}.`,
        blocking: true,
      });
    for (const row of operacionesGrid.slice(1)) {
      if (otCol === undefined || tagCol === undefined) break;
      const ot = cellToText(row[otCol - 1] ?? '', timeZone);
      const tag = cellToText(row[tagCol - 1] ?? '', timeZone);
      // By canonicalKey: a union's OT "008" finds the spool whose OT cell holds 8 (design §2).
      const key = canonicalKey(ot);
      if (ot !== '' && tag !== '') tagsByOt.set(key, new Set([...(tagsByOt.get(key) ?? []), tag]));
    }
  }

  const unionesGrid = grids.get(SHEETS.uniones) ?? null;
  const uniones = planSheet(UNIONES_SCHEMA, unionesGrid, problems, true);
  if (uniones) {
    changes.push(uniones.change);
    if (unionesGrid && !uniones.change.create) {
      const added = uniones.change.addColumns.find((c) => c.name === 'TAG_SPOOL');
      const tagCol = added?.col ?? uniones.found.get('TAG_SPOOL');
      if (tagCol !== undefined) {
        fillTags(unionesGrid, uniones.change, tagCol, uniones.found.get('OT'), tagsByOt, timeZone, problems);
      }
    }
  }

  const metadata = planSheet(METADATA_SCHEMA, grids.get(SHEETS.metadata) ?? null, problems, false);
  if (metadata) changes.push(metadata.change);
  for (const schema of [TRABAJADORES_SCHEMA, ROLES_SCHEMA]) planPeopleSheet(schema, grids, changes, problems);
  return { changes, problems };
}

/** The plan in Spanish, one line a change or problem, for the dialog and the API. */
export function describePlan(plan: MigrationPlan): { changes: string[]; problems: string[] } {
  const changes: string[] = [];
  for (const change of plan.changes) {
    if (change.create && change.sheet === SHEETS.operaciones) {
      changes.push(
        `Crear la hoja Operaciones, que no existe, con ${change.create.length} columnas: ${change.create.join(', ')}; después escriba en ella sus spools (OT, TAG_SPOOL, NV).`,
      );
    } else if (change.create) {
      changes.push(`Crear la hoja ${change.sheet} con ${change.create.length} columnas.`);
    }
    for (const column of change.addColumns) {
      const filled =
        column.default !== undefined ? `, ${column.default} en ${change.dataRows.length} filas` : '';
      changes.push(
        `Agregar ${column.name} a ${change.sheet} en la columna ${columnLetter(column.col)}${filled}.`,
      );
    }
    if (change.fills.length > 0) {
      changes.push(
        `Completar TAG_SPOOL desde Operaciones en ${change.fills.length} filas de ${change.sheet}.`,
      );
    }
  }
  const problems = plan.problems.map(
    (p) =>
      `${p.blocking ? 'Bloquea' : p.incomplete ? 'Pendiente' : 'Aviso'} — ${p.sheet}${p.cell ? `!${p.cell}` : ''}: ${p.reason}`,
  );
  return { changes, problems };
}
