// A worker of Trabajadores with the roles Roles gives them, shown as initials and id: MR(93).

import { ROLES_FOR, type Operation } from './operation';

export interface Worker {
  id: number;
  nombre: string;
  apellido: string;
  activo: boolean;
  roles: string[];
}

function initial(name: string): string {
  const first =
    name
      .trim()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')[0] ?? '';
  return first.toUpperCase();
}

export function workerDisplay(worker: Pick<Worker, 'id' | 'nombre' | 'apellido'>): string {
  return `${initial(worker.nombre)}${initial(worker.apellido)}(${worker.id})`;
}

export function canRecord(worker: Worker, operation: Operation): boolean {
  const allowed = ROLES_FOR[operation].map((r) => r.toLowerCase());
  return worker.roles.some((role) => allowed.includes(role.trim().toLowerCase()));
}

/** "SI", "sí", "TRUE", "1", "x" and true count as active. */
export function isActiveFlag(text: string | boolean): boolean {
  if (typeof text === 'boolean') return text;
  const t = text
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return ['si', 'true', '1', 'x', 'activo', 'yes'].includes(t);
}
