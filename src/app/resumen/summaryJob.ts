// The Resumen refresh as a job step (issue 16 §6–9): run by the menu, the API and the hourly trigger through
// the resumable job runner (lock, job record, heartbeat, one audit event per run), so a refresh the trigger
// had no time for waits as a PENDING job for the continuation, and a failed one is retried by the next.

import { JobRepository, type JobRecord } from '../../data/jobRepository';
import { describeIssue } from '../../data/rowReader';
import { loadSettings } from '../../data/settingsRepository';
import type { Capacity } from '../../domain/capacity';
import { formatDateTime } from '../../domain/dates';
import { dayText, summarize, windowDays, type Tally } from '../../domain/dailySummary';
import { AppError, busyError, conflictError, internalError, isProtectedRefusal } from '../../domain/errors';
import type { OwnedSheetRender, Ports, SummarySheetPort, TriggersPort } from '../../ports';
import { runJobStep, type JobDefinition } from '../batch/runner';
import { settleSchedule } from '../jobTriggers';
import type { RequestScope } from '../request';
import { withLock } from '../withLock';
import { readCapacity } from './capacityRead';
import { readUnionWork } from './readUnionWork';
import { NAMED_ON_SHEET, SUMMARY_SHEET, cellName, summaryLayout } from './summaryLayout';
import { numero } from '../../domain/spanish';

/** What a refresh answers (JSON-safe): the window, its totals, what could not be read, the capacity. */
export interface SummaryResult extends OwnedSheetRender {
  sheet: string;
  /** `DD-MM-YYYY HH:MM:SS` in the spreadsheet's zone. */
  refreshedAt: string;
  /** First and last day of the window, `DD-MM-YYYY`, and how many days it has (setting summaryDays). */
  from: string;
  to: string;
  days: number;
  totals: { ARM: Tally; SOLD: Tally };
  /** Rows of the per-worker table (G1). */
  workerRows: number;
  /** Data rows of Uniones read. */
  unionRows: number;
  /** Cells counted nowhere: how many, and the first 50 named (`Uniones!H79`) with why. */
  unreadable: { count: number; cells: string[]; details: string[] };
  capacity: Capacity;
  /** One Spanish sentence on what happened to the sheet. */
  message: string;
}

/**
 * What a scheduled step did: refreshed, left for the continuation, found another runner, had nothing, or
 * failed in a way only a person can fix (`message`: the error as the menu answers it, code first).
 */
export interface SummaryStep {
  state: 'done' | 'waiting' | 'busy' | 'idle' | 'failed';
  message: string;
}

/**
 * Time a refresh is given before the trigger's execution budget (setting jobBudgetMs) runs out: the bound
 * issue 16 §9 sets (60 s modeled at 100,000 unions; `npm run bench` prints the figures).
 */
export const SUMMARY_RESERVE_MS = 60_000;

/** What A1 of our Resumen holds: the daily table's first header. */
const SUMMARY_A1 = 'Fecha';

/** "1 unión" / "2 uniones": a count and its noun in correct Spanish. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function messageOf(result: Omit<SummaryResult, 'message'>): string {
  const parts = [
    `${result.created ? 'Hoja Resumen creada' : 'Hoja Resumen actualizada'}: ${result.days} días ` +
      `(${result.from} a ${result.to}), ARM ${count(result.totals.ARM.unions, 'unión', 'uniones')} / ` +
      `${numero(result.totals.ARM.pulgadas)} pulgadas, SOLD ${count(result.totals.SOLD.unions, 'unión', 'uniones')} / ` +
      `${numero(result.totals.SOLD.pulgadas)} pulgadas.`,
    result.unreadable.count > 0
      ? `${count(result.unreadable.count, 'celda ilegible no contada', 'celdas ilegibles no contadas')}: ${result.unreadable.cells.slice(0, 5).join(', ')}` +
        `${result.unreadable.count > 5 ? '…' : ''}.`
      : '',
    result.removedCharts > 0
      ? `${result.removedCharts === 1 ? 'Se quitó' : 'Se quitaron'} ${count(result.removedCharts, 'gráfico', 'gráficos')} de más.`
      : '',
    result.capacity.line,
    result.capacity.advice ?? '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** The refresh as a one-item job: prepare reads and tallies, the item's apply writes the sheet. */
function summaryDefinition(
  sheets: SummarySheetPort,
  done: (result: SummaryResult) => void,
  failed: (error: unknown) => void,
): JobDefinition<string> {
  return {
    kind: 'summary',
    what: 'el resumen de producción',
    eventType: 'RESUMEN_PRODUCCION',
    action: 'RESUMIR',
    prepare(scope: RequestScope) {
      // A Resumen made by hand for something else is not ours to overwrite: refused before any read or write.
      const a1 = sheets.firstCell(SUMMARY_SHEET);
      if (a1 !== null && a1 !== SUMMARY_A1) {
        throw conflictError(
          `La hoja "${SUMMARY_SHEET}" ya existe y no es la del resumen de producción (su A1 dice ` +
            `"${a1.slice(0, 40)}"): cámbiele el nombre o bórrela y vuelva a intentarlo; no se cambió nada en ella.`,
          { sheet: SUMMARY_SHEET, a1: a1.slice(0, 40) },
        );
      }
      const read = readUnionWork(scope);
      const tz = scope.timeZone;
      const days = windowDays(scope.now, tz, scope.settings.summaryDays);
      const summary = summarize(read.work, days);
      const capacity = readCapacity(sheets, read.work, scope.now, tz, SUMMARY_SHEET);
      const layout = summaryLayout({
        summary,
        capacity,
        unreadable: read.unreadable,
        nowMs: scope.now,
        timeZone: tz,
      });
      const named = read.unreadable.slice(0, NAMED_ON_SHEET);
      const base = {
        sheet: SUMMARY_SHEET,
        refreshedAt: formatDateTime(scope.now, tz),
        from: dayText(days[0]!),
        to: dayText(days[days.length - 1]!),
        days: days.length,
        totals: summary.totals,
        workerRows: summary.workers.length,
        unionRows: read.rows,
        unreadable: {
          count: read.unreadable.length,
          cells: named.map(cellName),
          details: named.map(describeIssue),
        },
        capacity,
      };
      return {
        items: [SUMMARY_SHEET],
        work: {
          key: (sheet) => sheet,
          needsWrite: () => true,
          validate: () => [],
          // The sheet is ours and rewritten whole: nothing to restore cell by cell.
          checkpoint: () => [],
          apply: () => {
            let render: OwnedSheetRender;
            try {
              render = sheets.render(SUMMARY_SHEET, layout.blocks, layout.chart);
            } catch (error) {
              // The batch engine keeps only a reason text: the error itself is what the caller answers.
              failed(error);
              throw error;
            }
            const result = { ...base, ...render };
            done({ ...result, message: messageOf(result) });
          },
        },
        report: {
          from: base.from,
          to: base.to,
          totals: base.totals,
          workerRows: base.workerRows,
          unreadableCells: base.unreadable.count,
          unreadable: base.unreadable.details.slice(0, 20),
          capacity: {
            cellsUsed: capacity.cellsUsed,
            share: capacity.share,
            growthPer30Days: capacity.growthPer30Days,
            monthsLeft: capacity.monthsLeft,
          },
        },
        note: ` ${capacity.line}`,
      };
    },
    summary(job: JobRecord, note: string) {
      if (job.counters.failedBatches > 0)
        return `No se pudo escribir la hoja Resumen: ${job.lastError ?? ''}`;
      return `Resumen actualizado (${job.requestedBy}).${note}`;
    },
  };
}

/**
 * The answer for a Resumen a protection refused: its code (FORBIDDEN), the protected sheet/ranges in
 * Spanish, and what changed: nothing (the protections were checked before the first write) or the ranges
 * written before the refusal (`details.written` of the adapter's error).
 */
function refusedAnswer(error: AppError): AppError {
  const written = Array.isArray(error.details.written) ? error.details.written.map(String) : [];
  const sentence = error.userMessage;
  const left =
    written.length === 0
      ? `No se cambió nada en la hoja ${SUMMARY_SHEET}.`
      : `Antes del rechazo ya se habían cambiado en ella: ${written.join(', ')}; la próxima actualización ` +
        'la rehace entera.';
  return new AppError(
    error.code,
    `No se pudo actualizar la hoja ${SUMMARY_SHEET}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)} ${left}`,
    error.details,
  );
}

export interface SummaryJobDeps {
  ports: Ports;
  jobs: JobRepository;
  /** For the continuation of a step the trigger had no time for; null where there are none. */
  triggers: TriggersPort | null;
}

/** Refreshes the Resumen sheet: now (menu, API) or as the scheduled step of the hourly trigger. */
export class SummaryJobService {
  constructor(private readonly deps: SummaryJobDeps) {}

  private sheets(): SummarySheetPort {
    const sheets = this.deps.ports.summarySheet;
    if (!sheets)
      throw internalError('Esta ejecución no tiene acceso a hojas con gráficos; no se actualizó Resumen.');
    return sheets;
  }

  /**
   * One refresh, through the job runner (document lock held throughout). Returns what was written. BUSY
   * when another execution holds the lock or runs a refresh; SCHEMA when Uniones or one of its required
   * columns is missing (nothing written); FORBIDDEN when a protection of Resumen refuses its writes (named
   * in Spanish; nothing changed, or what had changed named); INTERNAL when writing the sheet failed (Resumen may be half
   * rewritten: the message says so; the next refresh rewrites it whole).
   */
  refresh(requestedBy: string): SummaryResult {
    const { ports, jobs } = this.deps;
    const sheets = this.sheets();
    const written: { result?: SummaryResult; error?: unknown } = {};
    const outcome = runJobStep(
      { ports, settings: loadSettings(ports.properties), jobs },
      summaryDefinition(
        sheets,
        (r) => (written.result = r),
        (e) => (written.error = e),
      ),
      requestedBy,
    );
    if (outcome.outcome === 'busy')
      throw busyError('Otra ejecución está trabajando en esta planilla; intente de nuevo en un minuto.');
    if (!written.result && isProtectedRefusal(written.error)) throw refusedAnswer(written.error as AppError);
    if (!written.result) {
      throw internalError(
        `No se pudo escribir la hoja Resumen (${outcome.job?.lastError ?? 'error desconocido'}); puede haber ` +
          'quedado a medio actualizar. Vuelva a intentarlo: cada actualización la rehace entera.',
      );
    }
    return written.result;
  }

  /**
   * The scheduled step, after the metrics step of the same execution (started at `startedAt`, epoch ms).
   * The hourly trigger refreshes when SUMMARY_RESERVE_MS still fits in the job budget, else queues a PENDING
   * refresh and schedules the continuation; the continuation refreshes only when one is queued.
   */
  step(requestedBy: 'trigger' | 'continuation', startedAt: number): SummaryStep {
    const { ports, jobs } = this.deps;
    const queued = jobs.active(jobs.byKind('summary')).length > 0;
    if (requestedBy === 'continuation' && !queued) return { state: 'idle', message: 'Nada pendiente.' };
    const budget = loadSettings(ports.properties).jobBudgetMs;
    if (ports.clock.now() - startedAt + SUMMARY_RESERVE_MS > budget) {
      if (!queued) this.queue(requestedBy);
      // The document's one trigger becomes the one-shot continuation a minute on (src/app/jobTriggers.ts);
      // the run it starts finds the queued refresh, and the hourly schedule comes back after.
      const warnings = this.deps.triggers
        ? settleSchedule(
            { triggers: this.deps.triggers, properties: ports.properties },
            { fired: true, unfinished: true },
          )
        : [];
      return {
        state: 'waiting',
        message: ['Resumen pendiente: se actualiza en la continuación.', ...warnings].join(' '),
      };
    }
    try {
      return { state: 'done', message: this.refresh(requestedBy).message };
    } catch (error) {
      if (error instanceof AppError && error.code === 'BUSY')
        return { state: 'busy', message: 'Otra ejecución tiene la planilla; queda para la próxima hora.' };
      // Only a person can fix these (a protection, a Resumen made by hand): this step's failure, told as
      // the menu tells it, while the run's other steps stand.
      if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'CONFLICT'))
        return { state: 'failed', message: error.message };
      throw error;
    }
  }

  /** A PENDING refresh the next runner picks up (made under the lock: two triggers never queue two). */
  private queue(requestedBy: string): void {
    const { ports, jobs } = this.deps;
    withLock(ports.lock, () => {
      if (jobs.active(jobs.byKind('summary')).length > 0) return;
      const now = ports.clock.now();
      jobs.create({
        id: `${requestedBy}-${now.toString(36)}-${ports.ids.uuid().slice(-6)}`,
        kind: 'summary',
        now,
        requestedBy,
      });
    });
  }
}

/** A summary service over `ports` with no triggers (tests, callers without a composition root). */
export function summaryService(ports: Ports): SummaryJobService {
  return new SummaryJobService({
    ports,
    jobs: new JobRepository(ports.properties, ports.cache),
    triggers: null,
  });
}
