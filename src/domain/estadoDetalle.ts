// Estado_Detalle in the words the shop's other system parses (design §2 "Shared vocabulary"): the state of
// each operation derived from the spool's unions, formatted as it reads it, and read back.

import { OPERATIONS, type Operation } from './operation';
import { needsSold, type Settings } from './settings';
import type { Union } from './union';

/** The four states the other system knows for ARM and for SOLD. */
export type OperationState = 'pendiente' | 'en progreso' | 'pausado' | 'completado';

export type SpoolStates = Record<Operation, OperationState>;

/** What an Estado_Detalle says: who holds the spool for which operation (null when free), and the states. */
export interface EstadoDetalle {
  occupiedBy: string | null;
  operation: Operation | null;
  states: SpoolStates | null;
}

export interface StateContext {
  settings: Settings;
  /** Spool armed at spool level before union tracking (Fecha_Armado set, no union armed). */
  legacyArmed: boolean;
  /** Some union row of the spool cannot be read: never claim the operation is complete. */
  unreadable: boolean;
}

/**
 * The state of `operation` from the spool's unions as they will be after the write: every union that needs it
 * done → completado, some → pausado, none → pendiente. An unreadable union row turns completado into pausado
 * (nothing is claimed complete on data we could not read).
 */
export function operationState(
  unions: readonly Union[],
  operation: Operation,
  context: StateContext,
): OperationState {
  const relevant = operation === 'ARM' ? unions : unions.filter((u) => needsSold(u.tipo, context.settings));
  const done = relevant.filter((u) => (operation === 'ARM' ? u.armFin : u.solFin) !== null).length;
  if (operation === 'ARM' && context.legacyArmed && done === 0) {
    return context.unreadable ? 'pausado' : 'completado';
  }
  if (done === 0) return 'pendiente';
  if (done === relevant.length && !context.unreadable) return 'completado';
  return 'pausado';
}

/** Both states, with `working` (the operation a worker holds the spool for, if any) en progreso. */
export function spoolStates(
  unions: readonly Union[],
  context: StateContext,
  working: Operation | null = null,
): SpoolStates {
  const states = {} as SpoolStates;
  for (const op of OPERATIONS) {
    states[op] = op === working ? 'en progreso' : operationState(unions, op, context);
  }
  return states;
}

const statesText = (states: SpoolStates) => `ARM ${states.ARM}, SOLD ${states.SOLD}`;

/** Occupied: "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)". */
export function estadoOcupado(display: string, operation: Operation, states: SpoolStates): string {
  return `${display} trabajando ${operation} (${statesText(states)})`;
}

/** Free: "Disponible - ARM completado, SOLD pendiente". */
export function estadoLibre(states: SpoolStates): string {
  return `Disponible - ${statesText(states)}`;
}

const STATE = '(pendiente|en progreso|pausado|completado)';
const OCCUPIED = new RegExp(`^(.+) trabajando (ARM|SOLD) \\(ARM ${STATE}, SOLD ${STATE}\\)$`);
const FREE = new RegExp(`^Disponible - ARM ${STATE}, SOLD ${STATE}$`);
/** What this add-on wrote before it spoke the shared vocabulary: "ARM en curso - MR(93)". */
const LEGACY_OCCUPIED = /^(ARM|SOLD) en curso - (.+)$/;

/** Reads an Estado_Detalle written in the shared grammar (or our legacy occupied form); null when it cannot. */
export function parseEstadoDetalle(text: string): EstadoDetalle | null {
  const t = text.trim();
  let m = OCCUPIED.exec(t);
  if (m) {
    return {
      occupiedBy: m[1]!,
      operation: m[2] as Operation,
      states: { ARM: m[3] as OperationState, SOLD: m[4] as OperationState },
    };
  }
  m = FREE.exec(t);
  if (m) {
    return {
      occupiedBy: null,
      operation: null,
      states: { ARM: m[1] as OperationState, SOLD: m[2] as OperationState },
    };
  }
  m = LEGACY_OCCUPIED.exec(t);
  if (m) return { occupiedBy: m[2]!, operation: m[1] as Operation, states: null };
  return null;
}

/** The operation `display` holds the spool for, read from its Estado_Detalle; null when it cannot be told. */
export function heldOperation(estadoDetalle: string, display: string): Operation | null {
  const parsed = parseEstadoDetalle(estadoDetalle);
  return parsed !== null && parsed.occupiedBy === display ? parsed.operation : null;
}
