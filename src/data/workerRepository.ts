// Trabajadores joined with Roles: each worker with the active roles they hold.

import { notFoundError } from '../domain/errors';
import { isActiveFlag, type Worker } from '../domain/worker';
import { RowReader, type CellIssue } from './rowReader';
import { ROLES_SCHEMA, TRABAJADORES_SCHEMA, tableSpec } from './schema';
import type { UnitOfWork } from './unitOfWork';

export class WorkerRepository {
  private workers: Map<number, Worker> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly issues: CellIssue[] = [],
  ) {}

  private load(): Map<number, Worker> {
    if (this.workers) return this.workers;
    const tz = this.uow.timeZone();
    const people = this.uow.table(tableSpec(TRABAJADORES_SCHEMA));
    const roles = this.uow.table(tableSpec(ROLES_SCHEMA));
    const workers = new Map<number, Worker>();
    const readPeople = new RowReader(people, tz, this.issues);
    for (const row of people.dataRows()) {
      const id = readPeople.integer(row, 'Id');
      if (id === null) {
        if (readPeople.text(row, 'Id') === '') readPeople.report(row, 'Id', 'trabajador sin Id');
        continue;
      }
      workers.set(id, {
        id,
        nombre: readPeople.text(row, 'Nombre'),
        apellido: readPeople.text(row, 'Apellido'),
        activo: isActiveFlag(people.get(row, 'Activo') as string | boolean),
        roles: [],
      });
    }
    const readRoles = new RowReader(roles, tz, this.issues);
    for (const row of roles.dataRows()) {
      const id = readRoles.integer(row, 'Id');
      const worker = id === null ? undefined : workers.get(id);
      const rol = readRoles.text(row, 'Rol');
      const activo = roles.columns.has('Activo') ? roles.get(row, 'Activo') : true;
      if (!worker || rol === '' || !isActiveFlag(typeof activo === 'boolean' ? activo : String(activo)))
        continue;
      if (!worker.roles.includes(rol)) worker.roles.push(rol);
    }
    this.workers = workers;
    return workers;
  }

  all(): Worker[] {
    return [...this.load().values()];
  }

  active(): Worker[] {
    return this.all().filter((w) => w.activo);
  }

  byId(id: number): Worker {
    const worker = this.load().get(id);
    if (!worker) throw notFoundError(`No existe el trabajador con Id ${id}.`, { workerId: id });
    return worker;
  }
}
