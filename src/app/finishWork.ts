// FINALIZAR: record the selected unions of an OT for ARM or SOLD, then per spool COMPLETAR, PAUSAR or
// CANCELAR, release it, rewrite its metrics and log one spool event plus one event per union (design §3),
// in the shared sheet's vocabulary (design §2).

import { describeIssue } from '../data/rowReader';
import type { UnreadableRow } from '../data/unionRepository';
import { conflictError, notFoundError, validationError } from '../domain/errors';
import { estadoLibre, estadoOcupado, heldOperation, spoolStates } from '../domain/estadoDetalle';
import { spoolEventType, unionEventType } from '../domain/events';
import { computeMetrics, sumPulgadas, type SpoolMetrics } from '../domain/metrics';
import type { Operation } from '../domain/operation';
import { heldByOther, spoolDecision, type SpoolAction } from '../domain/finishRules';
import { availability, isLegacyArmed, isOperationComplete, workStart } from '../domain/rules';
import type { Spool } from '../domain/spool';
import { canonicalUnionKey } from '../domain/keys';
import { unionToken, type Union } from '../domain/union';
import { workerDisplay } from '../domain/worker';
import type { Ports } from '../ports';
import { EventBuilder } from './auditEvents';
import type { RowTarget } from '../data/rowLocator';
import { TRACKING_READS, runIdempotent, type RequestScope } from './request';
import { assertMayRecord, mayRecord } from './workerChecks';

export interface FinishWorkRequest {
  ot: string;
  operation: Operation;
  workerId: number;
  unionKeys: string[];
  requestId: string;
  /** Tokens as apiListUnions gave them: a union changed since then is a CONFLICT. */
  versions?: Record<string, string>;
  /**
   * The spools' tags apiListUnions gave for the OT: a hint that lets the OT's rows be found with one search
   * per sheet (issue 15 §1). Not part of the request's identity; a wrong or stale one only costs a search.
   */
  listedTags?: string[];
}

export type { SpoolAction };

export interface FinishWorkResult {
  ot: string;
  operation: Operation;
  /**
   * Per spool: what was decided, and the metrics written — null when a union row of the spool cannot be read
   * (its metrics are then left as they were, never rewritten from partial data; issue 7 §3).
   */
  spools: Array<{ tagSpool: string; action: SpoolAction; metrics: SpoolMetrics | null }>;
  updated: string[];
  skipped: Array<{ key: string; reason: string }>;
  pulgadas: number;
  eventsWritten: number;
  /** Unreadable cells that changed or held back a decision, naming the cell (`Uniones!E81`); blocking first. */
  warnings: string[];
}

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
    const unreadable = scope.unions.unreadableByKey(key);
    if (unreadable) return `Celda ilegible ${unreadable.issues.map(describeIssue).join('; ')}.`;
    const elsewhere = scope.unions.byKey(key);
    return elsewhere ? `Pertenece a la OT ${elsewhere.ot}, no a la ${request.ot}.` : 'No existe esa unión.';
  }
  const repeated = scope.unions.repeatedRows(key);
  if (repeated) return `Unión repetida en Uniones (filas ${repeated.join(', ')}); corrija la planilla.`;
  const repeatedTag = scope.spools.duplicatedTags().get(union.tagSpool);
  if (repeatedTag)
    return `El spool ${union.tagSpool} está repetido en Operaciones (filas ${repeatedTag.join(', ')}).`;
  if (!spool) return `El spool ${union.tagSpool} no existe en Operaciones.`;
  if (heldByOther(spool.ocupadoPor, display)) return `El spool está ocupado por ${spool.ocupadoPor}.`;
  const verdict = availability(union, request.operation, {
    settings: scope.settings,
    legacyArmed: isLegacyArmed(spool, scope.unions.bySpool(spool.tag)),
    timeZone: scope.timeZone,
  });
  return verdict.disponible ? null : verdict.reason;
}

/** The operation `display` holds `spool` for, when it holds it and its Estado_Detalle says for what. */
function heldBy(spool: Spool, display: string): Operation | null {
  return spool.ocupadoPor === display ? heldOperation(spool.estadoDetalle, display) : null;
}

/** One warning per unreadable cell of a spool, saying what it held back. */
function unreadableWarnings(tag: string, rows: readonly UnreadableRow[], blocked: boolean): string[] {
  const consequence = blocked
    ? `el spool ${tag} queda en PAUSAR (no se completa) y sus métricas no se reescriben`
    : `las métricas del spool ${tag} no se reescriben`;
  return rows.flatMap((row) => row.issues.map((issue) => `${describeIssue(issue)} — ${consequence}.`));
}

/** What makes a FINALIZAR this one: the same keys in another order or repeated are the same request. */
function finishIdentity(request: FinishWorkRequest): Record<string, unknown> {
  return {
    kind: 'FINALIZAR',
    ot: request.ot.trim(),
    operation: request.operation,
    workerId: request.workerId,
    unionKeys: [...new Set(request.unionKeys.map((k) => k.trim()))].sort(),
    versions: request.versions,
  };
}

/** The rows FINALIZAR reads: the OT's, and those of any other OT a selected key names (to say where that union belongs). */
function finishRows(request: FinishWorkRequest): RowTarget {
  const keyOts = request.unionKeys.map((k) => k.slice(0, Math.max(0, k.lastIndexOf('+'))));
  const ots = [request.ot, ...keyOts.filter((o) => o.trim() !== '')];
  return { ots, ...(request.listedTags ? { listedTags: request.listedTags } : {}) };
}

export function finishWork(ports: Ports, request: FinishWorkRequest) {
  return runIdempotent(
    ports,
    {
      requestId: request.requestId,
      identity: finishIdentity(request),
      reads: TRACKING_READS,
      rows: finishRows(request),
    },
    (scope) => {
      const { operation } = request;
      const asked = request.ot;
      const worker = scope.workers.byId(request.workerId, (w) => mayRecord(w, operation));
      assertMayRecord(worker, operation);
      const display = workerDisplay(worker);
      const spoolsOfOt = scope.spools.byOt(asked);
      const unionsOfOt = scope.unions.byOt(asked);
      if (spoolsOfOt.length === 0 && unionsOfOt.length === 0)
        throw notFoundError(`No existe la OT ${asked}.`, { ot: asked });
      // The OT as the sheet shows it ("008" when "8" was typed), as the listing and the keys say it.
      const ot = spoolsOfOt[0]?.ot || unionsOfOt[0]?.ot || asked;

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
        const inicio = workStart(spool, heldBy(spool, display), display, operation, scope.now);
        updated.push(scope.unions.record(union, operation, { worker: display, inicio, fin: scope.now }));
      }

      const duplicatedTags = scope.spools.duplicatedTags();
      // A spool this worker holds for the other operation is not cancelled by this FINALIZAR (issue 7 §5).
      const involved = spoolsOfOt.filter(
        (s) =>
          !duplicatedTags.has(s.tag) &&
          (updated.some((u) => u.tagSpool === s.tag) ||
            (s.ocupadoPor === display && (heldBy(s, display) ?? operation) === operation)),
      );
      // A spool this worker holds whose TAG_SPOOL is on two rows is never cancelled on a guess (issue 14 §7).
      const heldRepeated = spoolsOfOt.filter(
        (s) =>
          duplicatedTags.has(s.tag) &&
          s.ocupadoPor === display &&
          (heldBy(s, display) ?? operation) === operation,
      );
      const repeatedNotes = [...new Set(heldRepeated.map((s) => s.tag))].map(
        (tag) =>
          `El spool ${tag} está repetido en Operaciones (filas ${duplicatedTags.get(tag)!.join(', ')}); no se canceló: corrija la planilla.`,
      );
      if (involved.length === 0 && updated.length === 0 && repeatedNotes.length > 0) {
        const tag = heldRepeated[0]!.tag;
        throw conflictError(repeatedNotes[0]!, { tag, rows: duplicatedTags.get(tag) });
      }
      if (involved.length === 0 && keys.length === 0) {
        throw validationError('Seleccione al menos una unión (o inicie un spool para poder cancelarlo).', {
          ot,
        });
      }

      const events = new EventBuilder(request.requestId, scope.now, worker, operation);
      const spools: FinishWorkResult['spools'] = [];
      const blocking: string[] = [];
      const other: string[] = [];
      for (const spool of involved) {
        const mine = updated.filter((u) => u.tagSpool === spool.tag);
        const after = scope.unions.bySpool(spool.tag).map((u) => mine.find((m) => m.key === u.key) ?? u);
        // A union row of the spool that cannot be read: no COMPLETAR and no metrics from partial data.
        const unreadable = scope.unions.unreadableOfSpool(spool.tag, spool.ot);
        const complete = isOperationComplete(after, operation, scope.settings);
        const { action, blocked } = spoolDecision({
          recorded: mine.length,
          complete,
          unreadableRows: unreadable.length,
        });
        (blocked ? blocking : other).push(...unreadableWarnings(spool.tag, unreadable, blocked));
        if (action === 'COMPLETAR') scope.spools.stampCompletion(spool, operation, display, scope.now);
        const context = {
          settings: scope.settings,
          legacyArmed: isLegacyArmed(spool, after),
          unreadable: unreadable.length > 0,
        };
        // Held for the other operation: that occupation stays (with its start); only the states change.
        const held = heldBy(spool, display);
        if (held !== null && held !== operation) {
          scope.spools.describe(spool, estadoOcupado(display, held, spoolStates(after, context, held)));
        } else {
          scope.spools.release(spool, estadoLibre(spoolStates(after, context)));
        }
        const metrics = unreadable.length > 0 ? null : computeMetrics(after);
        if (metrics) scope.spools.writeMetrics(spool, metrics);
        spools.push({ tagSpool: spool.tag, action, metrics });
        // Event order matters: a request's event 1 is always spool-level (the request log relies on it).
        events.add(spoolEventType(action, operation), action, spool.tag, {
          ot,
          unions: mine.map((u) => u.nUnion),
          pulgadas: sumPulgadas(mine),
          metrics,
        });
        if (mine.length === 0) continue;
        const type = unionEventType(operation);
        for (const union of mine) {
          events.addExact(type, 'COMPLETAR', spool.tag, { union_id: union.key }, union.nUnion);
        }
        events.addExact(
          type,
          'COMPLETAR',
          spool.tag,
          { union_count: mine.length, pulgadas: sumPulgadas(mine), union_ids: mine.map((u) => u.key) },
          null,
        );
      }
      if (skipped.length > 0 && events.events.length > 0) {
        events.events[0]!.metadata.skipped = skipped;
      }
      scope.metadata.logBatch(events.events);
      const result: FinishWorkResult = {
        ot,
        operation,
        spools,
        updated: updated.map((u) => u.key),
        skipped,
        pulgadas: sumPulgadas(updated),
        eventsWritten: events.events.length,
        warnings: [...blocking, ...repeatedNotes, ...other],
      };
      return {
        result,
        what: `el registro de ${operation} de la OT ${ot}`,
        context: { ot, operation, workerId: worker.id, requestId: request.requestId, unionKeys: keys },
      };
    },
  );
}
