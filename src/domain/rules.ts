// When a union is disponible for ARM or SOLD (design §3), and why not when it is not.

import { formatDateTime } from './dates';
import type { Operation } from './operation';
import { operationComplete } from './finishRules';
import { needsSold, type Settings } from './settings';
import type { Spool } from './spool';
import type { Union } from './union';

export type Availability = { disponible: true } | { disponible: false; reason: string };

const yes: Availability = { disponible: true };
const no = (reason: string): Availability => ({ disponible: false, reason });

/** Spools armed at spool level before union tracking: Fecha_Armado set and no union armed. */
export function isLegacyArmed(spool: Spool | undefined, unionsOfSpool: readonly Union[]): boolean {
  return !!spool && spool.fechaArmado !== null && unionsOfSpool.every((u) => u.armFin === null);
}

export function availability(
  union: Union,
  operation: Operation,
  context: { settings: Settings; legacyArmed: boolean; timeZone: string },
): Availability {
  const when = (t: number | null) => (t === null ? '' : ` el ${formatDateTime(t, context.timeZone)}`);
  if (operation === 'ARM') {
    return union.armFin === null
      ? yes
      : no(`Ya armada por ${union.armWorker || 'otro trabajador'}${when(union.armFin)}.`);
  }
  if (!needsSold(union.tipo, context.settings)) return no(`El tipo ${union.tipo} no lleva soldadura.`);
  if (union.solFin !== null) {
    return no(`Ya soldada por ${union.solWorker || 'otro trabajador'}${when(union.solFin)}.`);
  }
  if (union.armFin === null && context.settings.requireArmBeforeSold && !context.legacyArmed) {
    return no('Falta el armado (ARM) de esta unión.');
  }
  return yes;
}

/** Every union of the spool that needs `operation` is done (the shared rule of finishRules.ts). */
export function isOperationComplete(
  unionsOfSpool: readonly Union[],
  operation: Operation,
  settings: Settings,
): boolean {
  const progress = unionsOfSpool.map((u) => ({
    tipo: u.tipo,
    done: (operation === 'ARM' ? u.armFin : u.solFin) !== null,
  }));
  return operationComplete(progress, operation, settings);
}

/**
 * *_FECHA_INICIO of a union recorded `now` by `display` (issue 7 §5, refining design §3 "= the spool's
 * Fecha_Ocupacion, else now"): the spool's Fecha_Ocupacion only when this worker holds the spool for this
 * same operation (`held`, read from Estado_Detalle; null when it cannot be told) and that time is not after
 * now; otherwise now. So a start never falls after its end (clock set back, a hand-typed future
 * Fecha_Ocupacion), and an ARM occupation never lends its start to a SOLD record.
 */
export function workStart(
  spool: Spool,
  held: Operation | null,
  display: string,
  operation: Operation,
  now: number,
): number {
  const since = spool.fechaOcupacion;
  return spool.ocupadoPor === display && held === operation && since !== null && since <= now ? since : now;
}
