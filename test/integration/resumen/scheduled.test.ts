import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../../src/app/resumen/scheduledJobs';
import { SummaryJobService } from '../../../src/app/resumen/summaryJob';
import { MetricsJobService } from '../../../src/app/metricsJob';
import { JobRepository } from '../../../src/data/jobRepository';
import { saveSettings } from '../../../src/data/settingsRepository';
import { triggersAdapter } from '../../../src/gas/services';
import { FakeScriptApp } from '../../../src/memory/fakeServices';
import type { Ports } from '../../../src/ports';
import { spoolsBook } from '../../support/jobs';
import { dailyTable } from '../../support/resumen';
import { environment, records } from '../../support/tracking';

function hourly(changes: Record<string, unknown> = {}) {
  const book = spoolsBook(4);
  const env = environment(book);
  saveSettings(env.ports().properties, changes);
  const scriptApp = new FakeScriptApp();
  const triggers = triggersAdapter(scriptApp, book);
  const run = (requestedBy: 'trigger' | 'continuation', ports: Ports = env.ports()) => {
    const jobs = new JobRepository(ports.properties, ports.cache);
    return runScheduledJobs(
      {
        metricsJob: new MetricsJobService({ ports, jobs, triggers, ui: null }),
        summaryJob: new SummaryJobService({ ports, jobs, triggers }),
        clock: ports.clock,
      },
      requestedBy,
    );
  };
  const summaryJobs = () => new JobRepository(env.ports().properties).byKind('summary');
  return { book, env, scriptApp, run, summaryJobs };
}

describe('the hourly trigger: the metrics step, then the Resumen step', () => {
  it('recomputes the metrics and refreshes Resumen in the same execution, one audit event each', () => {
    const { book, run, summaryJobs } = hourly();
    const outcome = run('trigger');
    expect(outcome.metrics).toMatchObject({ state: 'done', changed: 4 });
    expect(outcome.summary).toMatchObject({ state: 'done' });
    expect(outcome.summary!.message).toMatch(/^Hoja Resumen creada: 30 días \(24-10-2026 a 22-11-2026\)/);
    // spoolsBook arms union 1 of each spool on 01-11-2026 (MR(93), DN 4.5).
    expect(dailyTable(book).find((row) => row[0] === '01-11-2026')).toEqual([
      '01-11-2026',
      '4',
      '18.00',
      '0',
      '0.00',
    ]);
    expect(records(book, 'Operaciones')[0]).toMatchObject({ Total_Uniones: 2, Uniones_ARM_Completadas: 1 });
    expect(records(book, 'Metadata').map((r) => r.Evento_Tipo)).toEqual([
      'JOB_METRICAS',
      'RESUMEN_PRODUCCION',
    ]);
    expect(summaryJobs().map((j) => [j.status, j.requestedBy])).toEqual([['COMPLETED', 'trigger']]);
  });

  it('leaves the refresh to the continuation when the budget left cannot hold it, and the continuation does it', () => {
    const { book, env, scriptApp, run, summaryJobs } = hourly({ jobBudgetMs: 59_000 });
    const outcome = run('trigger');
    expect(outcome.metrics).toMatchObject({ state: 'done' });
    expect(outcome.summary).toEqual({
      state: 'waiting',
      message: 'Resumen pendiente: se actualiza en la continuación.',
    });
    expect(book.hasSheet('Resumen')).toBe(false);
    const [queued] = summaryJobs();
    expect(queued).toMatchObject({ status: 'PENDING', requestedBy: 'trigger' });
    // The document's one trigger is now the one-shot continuation a minute on.
    expect(scriptApp.triggers.map((t) => [t.getHandlerFunction(), t.afterMs])).toEqual([
      ['onMetricsTrigger', 60_000],
    ]);

    saveSettings(env.ports().properties, { jobBudgetMs: 270_000 });
    // The continuation fires onMetricsTrigger: a trigger run, which finds the queued refresh.
    const continued = run('trigger');
    expect(continued.summary).toMatchObject({ state: 'done' });
    expect(book.hasSheet('Resumen')).toBe(true);
    // The queued job was the one worked, not a new one.
    expect(summaryJobs().map((j) => [j.id, j.status])).toEqual([[queued!.id, 'COMPLETED']]);
    // The fired one-shot is gone (the hourly recompute was never turned on here).
    expect(scriptApp.triggers).toEqual([]);
    // An older version's continuation (onJobContinuation) with nothing queued leaves Resumen alone.
    expect(run('continuation').summary).toEqual({ state: 'idle', message: 'Nada pendiente.' });
    expect(records(book, 'Metadata').filter((r) => r.Evento_Tipo === 'RESUMEN_PRODUCCION')).toHaveLength(1);
  });

  it('still recomputes the metrics when the Resumen step cannot run, and then reports that failure', () => {
    const { book, env, run } = hourly();
    const { summarySheet: _omitted, ...withoutCharts } = env.ports();
    void _omitted;
    expect(() => run('trigger', withoutCharts)).toThrow(
      'INTERNAL: Esta ejecución no tiene acceso a hojas con gráficos; no se actualizó Resumen.',
    );
    expect(records(book, 'Operaciones')[0]).toMatchObject({ Total_Uniones: 2 });
    expect(book.hasSheet('Resumen')).toBe(false);
  });
});
