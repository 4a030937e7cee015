// FINALIZAR: record the selected unions of an OT for ARM or SOLD, then per spool COMPLETAR, PAUSAR or
// CANCELAR, release it, rewrite its metrics and log one spool event plus one event per union (design §3).

import { SHEETS } from '../data/productionHeaders';
import { conflictError, notFoundError, validationError } from '../domain/errors';
import { computeMetrics, sumPulgadas, type SpoolMetrics } from '../domain/metrics';
import type { Operation } from '../domain/operation';
import { availability, isLegacyArmed, isOperationComplete } from '../domain/rules';
import { needsSold } from '../domain/settings';
import type { Spool } from '../domain/spool';
import { canonicalUnionKey } from '../domain/keys';
import { unionToken, type Union } from '../domain/union';
import { workerDisplay } from '../domain/worker';
import type { Ports } from '../ports';
import { EventBuilder } from './auditEvents';
import { TRACKING_SHEETS, commitOrReport, openRequest, runIdempotent, type RequestScope } from './request';
import { assertMayRecord } from './workerChecks';

export interface FinishWorkRequest {
  ot: string;
  operation: Operation;
  workerId: number;
  unionKeys: string[];
  requestId: string;
  /** Tokens as apiListUnions gave them: a union changed since then is a CONFLICT. */
  versions?: Record<string, string>;
}

export type SpoolAction = 'COMPLETAR' | 'PAUSAR' | 'CANCELAR';

export interface FinishWorkResult {
  ot: string;
  operation: Operation;
  spools: Array<{ tagSpool: string; action: SpoolAction; metrics: SpoolMetrics }>;
  updated: string[];
  skipped: Array<{ key: string; reason: string }>;
  pulgadas: number;
  eventsWritten: number;
}

const ACTION_EVENT = {
  ARM: { COMPLETAR: 'COMPLETAR_ARM', PAUSAR: 'PAUSAR_ARM', CANCELAR: 'CANCELAR_ARM' },
  SOLD: { COMPLETAR: 'COMPLETAR_SOLD', PAUSAR: 'PAUSAR_SOLD', CANCELAR: 'CANCELAR_SOLD' },
} as const;

function staleKeys(
  unions: readonly Union[],
  versions: Record<string, string> | undefined,
  keys: string[],
): string[] {
  if (!versions) return [];
  const byKey = new Map(unions.map((u) => [canonicalUnionKey(u.key), u]));
  return keys.filter((key) => {
    const union = byKey.get(canonicalUnionKey(key));
    return union !== undefined && versions[key] !== undefined && versions[key] !== unionToken(union);
  });
}

/** Why a selected union cannot be recorded, or null when it can. */
function skipReason(
  scope: RequestScope,
  key: string,
  union: Union | undefined,
  spool: Spool | undefined,
  request: FinishWorkRequest,
  display: string,
): string | null {
  if (!union) {
    const elsewhere = scope.unions.byKey(key);
    return elsewhere ? `Pertenece a la OT ${elsewhere.ot}, no a la ${request.ot}.` : 'No existe esa unión.';
  }
  const repeated = scope.unions.repeatedRows(key);
  if (repeated) return `Unión repetida en Uniones (filas ${repeated.join(', ')}); corrija la planilla.`;
  const repeatedTag = scope.spools.duplicatedTags().get(union.tagSpool);
  if (repeatedTag)
    return `El spool ${union.tagSpool} está repetido en Operaciones (filas ${repeatedTag.join(', ')}).`;
  if (!spool) return `El spool ${union.tagSpool} no existe en Operaciones.`;
  if (spool.ocupadoPor !== '' && spool.ocupadoPor !== display)
    return `El spool está ocupado por ${spool.ocupadoPor}.`;
  const verdict = availability(union, request.operation, {
    settings: scope.settings,
    legacyArmed: isLegacyArmed(spool, scope.unions.bySpool(spool.tag)),
    timeZone: scope.timeZone,
  });
  return verdict.disponible ? null : verdict.reason;
}

function estadoAfter(
  action: SpoolAction,
  operation: Operation,
  unions: readonly Union[],
  scope: RequestScope,
): string {
  if (action === 'COMPLETAR') return `${operation} completado`;
  const relevant = operation === 'ARM' ? unions : unions.filter((u) => needsSold(u.tipo, scope.settings));
  const done = relevant.filter((u) => (operation === 'ARM' ? u.armFin : u.solFin) !== null).length;
  return `${operation} pausado (${done}/${relevant.length})`;
}

export function finishWork(ports: Ports, request: FinishWorkRequest) {
  return runIdempotent(
    ports,
    request.requestId,
    (settings): FinishWorkResult => {
      const scope = openRequest(ports, settings);
      scope.uow.prefetch(TRACKING_SHEETS, [SHEETS.metadata]);
      const { operation, ot } = request;
      const worker = scope.workers.byId(request.workerId);
      assertMayRecord(worker, operation);
      const display = workerDisplay(worker);
      const spoolsOfOt = scope.spools.byOt(ot);
      const unionsOfOt = scope.unions.byOt(ot);
      if (spoolsOfOt.length === 0 && unionsOfOt.length === 0)
        throw notFoundError(`No existe la OT ${ot}.`, { ot });

      // A key typed twice, or once with and once without the OT's zeros ("008+1", "8+1"), counts once.
      const seen = new Set<string>();
      const keys = request.unionKeys
        .map((k) => k.trim())
        .filter((k) => !seen.has(canonicalUnionKey(k)) && seen.add(canonicalUnionKey(k)));
      const stale = staleKeys(unionsOfOt, request.versions, keys);
      if (stale.length > 0) {
        throw conflictError(
          `Las uniones ${stale.join(', ')} cambiaron desde que se cargó la lista; recárguela y vuelva a seleccionar.`,
          { keys: stale },
        );
      }

      const unionByKey = new Map(unionsOfOt.map((u) => [canonicalUnionKey(u.key), u]));
      const spoolByTag = new Map(spoolsOfOt.map((s) => [s.tag, s]));
      const updated: Union[] = [];
      const skipped: FinishWorkResult['skipped'] = [];
      for (const key of keys) {
        const union = unionByKey.get(canonicalUnionKey(key));
        const spool = union ? spoolByTag.get(union.tagSpool) : undefined;
        const reason = skipReason(scope, key, union, spool, request, display);
        if (reason !== null || !union || !spool) {
          skipped.push({ key, reason: reason ?? 'No se puede registrar.' });
          continue;
        }
        // The work started when the worker took the spool (INICIAR); without it, now.
        const inicio =
          spool.ocupadoPor === display && spool.fechaOcupacion !== null ? spool.fechaOcupacion : scope.now;
        updated.push(scope.unions.record(union, operation, { worker: display, inicio, fin: scope.now }));
      }

      const duplicatedTags = scope.spools.duplicatedTags();
      const involved = spoolsOfOt.filter(
        (s) =>
          !duplicatedTags.has(s.tag) &&
          (updated.some((u) => u.tagSpool === s.tag) || s.ocupadoPor === display),
      );
      if (involved.length === 0 && keys.length === 0) {
        throw validationError('Seleccione al menos una unión (o inicie un spool para poder cancelarlo).', {
          ot,
        });
      }

      const events = new EventBuilder(request.requestId, scope.now, worker, operation);
      const spools: FinishWorkResult['spools'] = [];
      for (const spool of involved) {
        const mine = updated.filter((u) => u.tagSpool === spool.tag);
        const after = scope.unions.bySpool(spool.tag).map((u) => mine.find((m) => m.key === u.key) ?? u);
        const action: SpoolAction =
          mine.length === 0
            ? 'CANCELAR'
            : isOperationComplete(after, operation, scope.settings)
              ? 'COMPLETAR'
              : 'PAUSAR';
        if (action === 'COMPLETAR') scope.spools.stampCompletion(spool, operation, display, scope.now);
        scope.spools.release(spool, estadoAfter(action, operation, after, scope));
        const metrics = computeMetrics(after);
        scope.spools.writeMetrics(spool, metrics);
        spools.push({ tagSpool: spool.tag, action, metrics });
        events.add(ACTION_EVENT[operation][action], action, spool.tag, {
          ot,
          unions: mine.map((u) => u.nUnion),
          pulgadas: sumPulgadas(mine),
          metrics,
        });
        for (const union of mine) {
          events.add(
            operation === 'ARM' ? 'UNION_ARM' : 'UNION_SOLD',
            'REGISTRAR',
            spool.tag,
            { ot, key: union.key, dn: union.dn, tipo: union.tipo },
            union.nUnion,
          );
        }
      }
      if (skipped.length > 0 && events.events.length > 0) {
        events.events[0]!.metadata.skipped = skipped;
      }
      scope.metadata.logBatch(events.events);
      commitOrReport(scope, `el registro de ${operation} de la OT ${ot}`, {
        ot,
        operation,
        workerId: worker.id,
        requestId: request.requestId,
        unionKeys: keys,
      });
      return {
        ot,
        operation,
        spools,
        updated: updated.map((u) => u.key),
        skipped,
        pulgadas: sumPulgadas(updated),
        eventsWritten: events.events.length,
      };
    },
    (result) => ({ ...result, updated: result.updated.length, skipped: result.skipped.length }),
  );
}
