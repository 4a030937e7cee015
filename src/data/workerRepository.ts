// Trabajadores joined with Roles: each worker with the active roles they hold.

import { notFoundError } from '../domain/errors';
import type { Worker } from '../domain/worker';
import { describeIssue, RowReader, type CellIssue } from './rowReader';
import { SHEETS } from './productionHeaders';
import { ROLES_SCHEMA, TRABAJADORES_SCHEMA, tableSpec } from './schema';
import type { UnitOfWork } from './unitOfWork';

interface Loaded {
  workers: Map<number, Worker>;
  /** Ids whose row could not be read: the worker is left out and reported, never guessed. */
  unreadable: Map<number, CellIssue[]>;
}

export class WorkerRepository {
  private loaded: Loaded | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly issues: CellIssue[] = [],
  ) {}

  /** Every cell is read by the column's meaning (ids and flags of any type); an unreadable row is reported. */
  private load(): Loaded {
    if (this.loaded) return this.loaded;
    const tz = this.uow.timeZone();
    const people = this.uow.table(tableSpec(TRABAJADORES_SCHEMA));
    const roles = this.uow.table(tableSpec(ROLES_SCHEMA));
    const workers = new Map<number, Worker>();
    const unreadable = new Map<number, CellIssue[]>();
    const readPeople = new RowReader(people, tz, this.issues);
    for (const row of people.dataRows()) {
      const before = readPeople.issueCount;
      const id = readPeople.workerId(row, 'Id');
      if (id === null) {
        if (readPeople.issueCount === before) readPeople.report(row, 'Id', 'trabajador sin Id');
        continue;
      }
      const activo = readPeople.flag(row, 'Activo');
      if (readPeople.issueCount > before) {
        unreadable.set(id, this.issues.slice(before));
        continue;
      }
      workers.set(id, {
        id,
        nombre: readPeople.text(row, 'Nombre'),
        apellido: readPeople.text(row, 'Apellido'),
        activo: activo === true,
        roles: [],
      });
    }
    const readRoles = new RowReader(roles, tz, this.issues);
    const hasActivo = roles.columns.has('Activo');
    for (const row of roles.dataRows()) {
      const id = readRoles.workerId(row, 'Id');
      const worker = id === null ? undefined : workers.get(id);
      const rol = readRoles.text(row, 'Rol');
      // Without an Activo column every role counts; an unreadable one grants nothing (and is reported).
      const activo = hasActivo ? readRoles.flag(row, 'Activo') : true;
      if (!worker || rol === '' || activo !== true) continue;
      if (!worker.roles.includes(rol)) worker.roles.push(rol);
    }
    this.loaded = { workers, unreadable };
    return this.loaded;
  }

  all(): Worker[] {
    return [...this.load().workers.values()];
  }

  active(): Worker[] {
    return this.all().filter((w) => w.activo);
  }

  /**
   * The worker of `id`; NOT_FOUND when absent or when their row cannot be read (naming the cell). When the
   * worker is missing, or `accept` refuses them (inactive, without the role), and the sheets came from the
   * document cache, they are read again first: a worker added or given a role by hand counts at once
   * (issue 9 §2, the cache's cheap validity check).
   */
  byId(id: number, accept: (worker: Worker) => boolean = () => true): Worker {
    const found = this.load().workers.get(id);
    if ((!found || !accept(found)) && this.uow.rereadIfCached([SHEETS.trabajadores, SHEETS.roles])) {
      this.loaded = null;
    }
    const { workers, unreadable } = this.load();
    const worker = workers.get(id);
    if (worker) return worker;
    const issues = unreadable.get(id);
    if (issues) {
      throw notFoundError(
        `No se puede leer al trabajador con Id ${id}: ${issues.map(describeIssue).join('; ')}.`,
        { workerId: id },
      );
    }
    throw notFoundError(`No existe el trabajador con Id ${id}.`, { workerId: id });
  }
}
