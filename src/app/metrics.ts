// Metrics per spool: read for an OT, and recomputed for every spool (self-healing after manual edits).

import { SHEETS } from '../data/productionHeaders';
import { describeIssue } from '../data/rowReader';
import { METRIC_FORMATS, SpoolRepository, type StoredMetrics } from '../data/spoolRepository';
import { UnionRepository } from '../data/unionRepository';
import { notFoundError } from '../domain/errors';
import type { SpoolMetrics } from '../domain/metrics';
import type { Spool } from '../domain/spool';
import type { Ports } from '../ports';
import { EventBuilder } from './auditEvents';
import { commitOrReport, openRequest, type RequestScope } from './request';
import { withLock } from './withLock';

export interface SpoolMetricsView extends SpoolMetrics {
  tagSpool: string;
}

export function getMetrics(
  ports: Ports,
  request: { ot: string },
): { ot: string; spools: SpoolMetricsView[] } {
  const scope = openRequest(ports);
  scope.uow.prefetch([SHEETS.operaciones, SHEETS.uniones]);
  const spools = scope.spools.byOt(request.ot);
  if (spools.length === 0) throw notFoundError(`No existe la OT ${request.ot}.`, { ot: request.ot });
  const metrics = scope.unions.metricsBySpool(spools.map((s) => s.tag));
  return {
    ot: spools[0]!.ot,
    spools: spools.map((s) => ({ tagSpool: s.tag, ...metrics.get(s.tag)! })),
  };
}

export interface RecomputeResult {
  spools: number;
  changed: number;
  /** Tags on several Operaciones rows: left alone (which row is right is not ours to guess). */
  duplicatedTags: string[];
  unreadableCells: number;
  /**
   * Spools left alone because a union row pointing at them cannot be read (their metrics are never rewritten
   * from partial data; issue 7 §3), with the cells and why (`Uniones!E81 (DN_UNION): …`).
   */
  unreadableSpools: Array<{ tagSpool: string; cells: string[] }>;
  /** What failed after the commit (e.g. the cache): the metrics are saved all the same. */
  warnings: string[];
}

/** How many spools (and cells of each) a job report or audit event names; the rest are counted. */
export const REPORTED_SPOOLS = 20;
const REPORTED_CELLS = 5;

/** Right values and right number formats (exported for the batch path of the job): a right 7 in a date-formatted cell still reads back as a date. */
const same = (a: StoredMetrics | null, b: SpoolMetrics) =>
  a !== null &&
  a.totalUniones === b.totalUniones &&
  a.unionesArm === b.unionesArm &&
  a.unionesSold === b.unionesSold &&
  a.pulgadasArm === b.pulgadasArm &&
  a.pulgadasSold === b.pulgadasSold &&
  (Object.keys(METRIC_FORMATS) as Array<keyof SpoolMetrics>).every((m) => a.formats[m] === METRIC_FORMATS[m]);

/**
 * Rewrites the metric columns of every spool whose stored figures differ from Uniones or whose number formats
 * are not the columns' own; reads the sheets once and the metric formats once, one commit.
 */
export function recomputeAllMetrics(ports: Ports, requestId: string): RecomputeResult {
  return withLock(ports.lock, () => recomputeHoldingLock(ports, requestId));
}

/**
 * What a recompute reads (issue 10 §4): the header rows of Operaciones, Uniones and Metadata in one batch,
 * then only the columns the metrics need of the first two (SpoolRepository / UnionRepository.metricColumns),
 * never the sheets whole: 8 of Operaciones' 75 columns, 9 of Uniones' 17.
 */
export function readForRecompute(scope: RequestScope): void {
  scope.uow.prefetch([], [SHEETS.operaciones, SHEETS.uniones, SHEETS.metadata]);
  scope.uow.loadColumns([SpoolRepository.metricColumns(), UnionRepository.metricColumns()]);
}

/** One spool of a recompute: its row, its metrics from Uniones, and whether its union rows can be read. */
export interface MetricsItem {
  spool: Spool;
  fresh: SpoolMetrics;
  unreadable: boolean;
}

/** What one read of the needed columns says about every spool: the single pass and the job both start here. */
export interface RecomputePlan {
  /** Tags on several Operaciones rows: left alone. */
  duplicatedTags: string[];
  items: MetricsItem[];
  /** Spools with an unreadable union row (never rewritten from partial data), with their first cells. */
  unreadableSpools: RecomputeResult['unreadableSpools'];
}

/** Reads what a recompute needs and works out each spool's fresh metrics (design §3, issue 7 §3). */
export function planRecompute(scope: RequestScope): RecomputePlan {
  readForRecompute(scope);
  const duplicated = scope.spools.duplicatedTags();
  const spools = scope.spools.all().filter((s) => s.tag !== '' && !duplicated.has(s.tag));
  const metrics = scope.unions.metricsBySpool(spools.map((s) => s.tag));
  const unreadable = scope.unions.unreadableBySpool();
  const unreadableSpools: RecomputeResult['unreadableSpools'] = [];
  const items = spools.map((spool): MetricsItem => {
    const rows = unreadable.get(spool.tag);
    if (rows) {
      unreadableSpools.push({
        tagSpool: spool.tag,
        cells: rows.flatMap((r) => r.issues.map(describeIssue)).slice(0, REPORTED_CELLS),
      });
    }
    return { spool, fresh: metrics.get(spool.tag)!, unreadable: rows !== undefined };
  });
  return { duplicatedTags: [...duplicated.keys()], items, unreadableSpools };
}

/** Whether a spool's stored metrics (values or formats) must be rewritten. */
export function needsRewrite(scope: RequestScope, item: MetricsItem): boolean {
  return !item.unreadable && !same(scope.spools.storedMetrics(item.spool), item.fresh);
}

/** The recompute itself, for callers that already hold the document lock. */
export function recomputeHoldingLock(ports: Ports, requestId: string): RecomputeResult {
  const scope = openRequest(ports);
  const { duplicatedTags, items, unreadableSpools } = planRecompute(scope);
  let changed = 0;
  for (const item of items) {
    if (!needsRewrite(scope, item)) continue;
    scope.spools.writeMetrics(item.spool, item.fresh);
    changed += 1;
  }
  const result = {
    spools: items.length,
    changed,
    duplicatedTags,
    unreadableCells: scope.issues.length,
    unreadableSpools,
  };
  const events = new EventBuilder(requestId, scope.now, null, '');
  events.add('JOB_METRICAS', 'RECALCULAR', '', {
    ...result,
    unreadableSpools: unreadableSpools.slice(0, REPORTED_SPOOLS),
    issues: scope.issues.slice(0, 20).map((i) => `${i.sheet}!${i.cell}: ${i.reason}`),
  });
  scope.metadata.logBatch(events.events);
  commitOrReport(scope, 'el recálculo de métricas', { requestId });
  return { ...result, warnings: scope.warnings };
}
