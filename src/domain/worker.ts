// A worker of Trabajadores with the roles Roles gives them, shown as initials and id: MR(93).

import { isDate, type Cell } from './cell';
import { ROLES_FOR, type Operation } from './operation';
import { parseFailure, parsedValue, type Parsed } from './parse';

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

const TRUE_WORDS = new Set(['si', 'true', 'verdadero', '1', 'x', 'activo', 'activa', 'yes']);
const FALSE_WORDS = new Set(['no', 'false', 'falso', '0', 'inactivo', 'inactiva']);

/**
 * Reads a yes/no cell (Trabajadores/Roles `Activo`) whatever type it holds: true/false, 1/0, and the texts
 * sí/si/no, TRUE/FALSE, x. Empty is null (the caller decides what an empty flag means); anything else, a
 * Date included, is a failure with its reason, never a guess (design §2 "Any column may hold any type").
 */
export function parseFlagCell(value: Cell): Parsed<boolean> {
  if (typeof value === 'boolean') return parsedValue(value);
  if (typeof value === 'number') {
    if (value === 1 || value === 0) return parsedValue(value === 1);
    return parseFailure(`se esperaba 1 o 0 y hay ${value}`);
  }
  if (isDate(value)) return parseFailure('se esperaba sí/no y hay una fecha');
  const t = value
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (t === '') return parsedValue(null);
  if (TRUE_WORDS.has(t)) return parsedValue(true);
  if (FALSE_WORDS.has(t)) return parsedValue(false);
  return parseFailure(`no es sí/no: "${value}"`);
}

/**
 * Reads a worker id cell: 93, 93.0, "93" and " 93 " are the same id. A Date, a boolean, a fraction or a
 * number below 1 is a failure (a mistyped cell, not an id).
 */
export function parseWorkerIdCell(value: Cell): Parsed<number> {
  if (isDate(value)) return parseFailure('se esperaba un Id y hay una fecha');
  if (typeof value === 'boolean') return parseFailure(`se esperaba un Id y hay ${value ? 'TRUE' : 'FALSE'}`);
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (text === '') return parsedValue(null);
  if (!/^\d+(\.0+)?$/.test(text)) return parseFailure(`no es un Id: "${text}"`);
  const id = Number(text);
  return Number.isSafeInteger(id) && id >= 1 ? parsedValue(id) : parseFailure(`no es un Id: "${text}"`);
}
