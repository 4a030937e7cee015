// Schema migration use case: preview the plan, or apply it under the document lock in as few calls as
// possible, verify the headers afterwards and log what changed; a failure part-way restores the sheets.

import {
  describePlan,
  isPlanBlocked,
  isPlanEmpty,
  isSchemaIncomplete,
  planMigration,
  type MigrationPlan,
} from '../data/migrationPlan';
import { UnitOfWork } from '../data/unitOfWork';
import { tagSheets } from '../data/uow/columnTags';
import { causeText, internalError, schemaError, toAppError } from '../domain/errors';
import type { Cell } from '../domain/cell';
import type { Ports } from '../ports';
import { EventBuilder } from './auditEvents';
import { TAGGED_COLUMNS, logFailure, openRequest } from './request';
import { withLock } from './withLock';

export interface MigrationResult {
  dryRun: boolean;
  applied: boolean;
  /** Nothing to change and nothing missing: the schema is up to date (requests find every column they need). */
  upToDate: boolean;
  blocked: boolean;
  changes: string[];
  problems: string[];
  message: string;
  /** What could not be done after the migration was committed (e.g. checking it): it is applied all the same. */
  warnings: string[];
}

function summarize(plan: MigrationPlan, dryRun: boolean, applied: boolean): MigrationResult {
  const { changes, problems } = describePlan(plan);
  const empty = isPlanEmpty(plan);
  const blocked = isPlanBlocked(plan);
  // Never "al día" while a column requests need is missing: they would fail with SCHEMA.
  const incomplete = isSchemaIncomplete(plan);
  const upToDate = empty && !incomplete;
  const pending = 'Queda pendiente lo marcado "Pendiente": corríjalo a mano.';
  let message: string;
  if (blocked)
    message = 'La migración no se puede aplicar: corrija primero los problemas marcados "Bloquea".';
  else if (upToDate) message = 'El esquema ya está al día; no hay nada que cambiar.';
  else if (empty)
    message = `La migración no tiene nada que cambiar, pero el esquema no está completo. ${pending}`;
  else {
    const count = `${changes.length} cambio(s).`;
    message = `${applied ? `Migración aplicada: ${count}` : `La migración hará ${count}`}${incomplete ? ` ${pending}` : ''}`;
  }
  return { dryRun, applied, upToDate, blocked, changes, problems, message, warnings: [] };
}

/** Writes the plan: new sheets, then number formats of the new (empty) columns, then every cell in one commit. */
function apply(ports: Ports, plan: MigrationPlan, uow: UnitOfWork): string[] {
  const created: string[] = [];
  try {
    for (const change of plan.changes) {
      if (change.create) {
        ports.spreadsheet.createSheet(change.sheet, change.create);
        created.push(change.sheet);
        uow.adoptHeader(change.sheet, change.create);
      }
      if (change.addColumns.length > 0) {
        // The new columns are contiguous: one call sets every format (so 7 never shows as 1900-01-06), from
        // the header row down (a header is text whatever its format). It also widens a grid too narrow for
        // them, before the commit appends rows as wide as the new header (the MIGRACION_ESQUEMA event).
        const first = Math.min(...change.addColumns.map((c) => c.col));
        const last = Math.max(...change.addColumns.map((c) => c.col));
        const formats = Array.from({ length: last - first + 1 }, (_, i) => {
          const column = change.addColumns.find((c) => c.col === first + i);
          return column?.numberFormat ?? 'General';
        });
        ports.spreadsheet.setNumberFormats(
          change.sheet,
          { row: 1, col: first, numRows: change.lastRow, numCols: formats.length },
          formats,
        );
      }
      // Header and every data row of the new columns: one rectangle, blank rows written blank.
      const withData = new Set(change.dataRows);
      for (const column of change.addColumns) {
        uow.setAt(change.sheet, 1, column.col, `'${column.name}`);
        for (let row = 2; row <= change.lastRow; row++) {
          uow.setAt(
            change.sheet,
            row,
            column.col,
            withData.has(row) && column.default !== undefined ? column.default : '',
          );
        }
      }
      for (const fill of change.fills) uow.setAt(change.sheet, fill.row, fill.col, `'${fill.value}`);
    }
    uow.commit();
  } catch (error) {
    for (const sheet of created.reverse()) {
      try {
        ports.spreadsheet.deleteSheet(sheet);
      } catch (undoError) {
        console.error(`No se pudo quitar la hoja ${sheet}: ${toAppError(undoError).message}`);
      }
    }
    throw error;
  }
  return created;
}

/**
 * Re-reads the headers of the sheets that gained columns: every planned column must be there now. (A created
 * sheet's header is written by the same call that creates it, which throws if it fails.)
 */
function verify(ports: Ports, plan: MigrationPlan): string[] {
  const touched = plan.changes.filter((c) => c.addColumns.length > 0);
  if (touched.length === 0) return [];
  let headers: Map<string, Cell[][] | null>;
  try {
    headers = ports.spreadsheet.readSheets(
      touched.map((c) => c.sheet),
      touched.map((c) => c.sheet),
    );
  } catch (error) {
    // The commit landed: a check that cannot be made is a warning, never "the sheet is as it was".
    const cause = causeText(error);
    console.warn(`No se pudo comprobar la migración: ${cause}`);
    return [`No se pudo comprobar la migración aplicada (${cause}); revise los encabezados.`];
  }
  for (const change of touched) {
    const header = (headers.get(change.sheet)?.[0] ?? []).map((c) => String(c));
    const expected = change.addColumns.map((c) => c.name);
    const absent = expected.filter((name) => !header.includes(name));
    if (absent.length > 0) {
      throw internalError(`La migración no quedó completa en ${change.sheet}: faltan ${absent.join(', ')}.`);
    }
  }
  return [];
}

/**
 * Tags the schema columns of the sheets whose headers requests verify by column tags (issue 15 §2), from
 * their headers read now (after the migration's commit): one read of the headers, one find, and buffered
 * writes for the sheets whose tags disagree. Never fails the migration: a failure is a warning.
 */
function tagColumns(ports: Ports): string[] {
  if (!ports.spreadsheet.columnTags) return [];
  try {
    const sheets = [...TAGGED_COLUMNS.keys()];
    const read = ports.spreadsheet.readSheets(sheets, sheets);
    const headers = new Map<string, Cell[]>();
    for (const sheet of sheets) {
      const header = read.get(sheet)?.[0];
      if (header) headers.set(sheet, header);
    }
    tagSheets(ports.spreadsheet, TAGGED_COLUMNS, headers);
    ports.spreadsheet.flush?.();
    return [];
  } catch (error) {
    const cause = causeText(error);
    console.warn(`No se pudieron marcar las columnas: ${cause}`);
    return [`No se pudieron marcar las columnas (${cause}); las solicitudes leerán la fila 1 de cada hoja.`];
  }
}

export function migrateSchema(ports: Ports, request: { dryRun: boolean }): MigrationResult {
  if (request.dryRun) {
    const scope = openRequest(ports);
    return summarize(planMigration(scope.uow), true, false);
  }
  return withLock(ports.lock, () => {
    // Planned again under the lock: the sheets may have changed since the preview.
    const scope = openRequest(ports);
    const settings = scope.settings;
    const plan = planMigration(scope.uow);
    if (isPlanBlocked(plan)) {
      const { problems } = describePlan(plan);
      throw schemaError(
        `La migración no se aplicó: ${problems.filter((p) => p.startsWith('Bloquea')).join(' ')}`,
        {
          problems,
        },
      );
    }
    if (isPlanEmpty(plan)) return { ...summarize(plan, false, false), warnings: tagColumns(ports) };
    const result = summarize(plan, false, true);
    // The event goes in the same commit as the changes: both are written, or neither.
    const events = new EventBuilder(`migration-${scope.now}`, scope.now, null, '');
    events.add('MIGRACION_ESQUEMA', 'MIGRAR', '', { changes: result.changes, warnings: result.problems });
    scope.metadata.logBatch(events.events);
    try {
      apply(ports, plan, scope.uow);
    } catch (error) {
      logFailure(ports, settings, 'la migración de esquema', { error: toAppError(error).message });
      throw internalError('La migración falló y se deshizo; la planilla quedó como estaba.', {
        cause: toAppError(error).message,
      });
    }
    // Column maps are built per request from the header just read, so none can be stale after this.
    return { ...result, warnings: [...verify(ports, plan), ...tagColumns(ports)] };
  });
}
