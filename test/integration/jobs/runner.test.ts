import { describe, expect, it } from 'vitest';
import { MetricsJobService } from '../../../src/app/metricsJob';
import { JobRepository } from '../../../src/data/jobRepository';
import { triggersAdapter } from '../../../src/gas/services';
import { FakeScriptApp } from '../../../src/memory/fakeServices';
import type { Ports } from '../../../src/ports';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import {
  killablePorts,
  metricsService,
  rowOfSpool,
  spoolsBook,
  watchedPorts,
  withSettings,
  type WriteLog,
} from '../../support/jobs';
import { environment, records } from '../../support/tracking';

const BATCHED = { batchProcessing: true, batchSize: 50 };

/** The sheet one uninterrupted run leaves. */
function uninterrupted(spools: number): FakeSpreadsheet {
  const book = spoolsBook(spools);
  const status = metricsService(withSettings(environment(book).ports(), BATCHED)).run('menu');
  expect(status.state).toBe('done');
  return book;
}

describe('the job runner', () => {
  it('10,000 spools with a clock that runs out: each run stops, the next resumes at the cursor, the sheet equals one uninterrupted run, no spool written twice', () => {
    const book = spoolsBook(10_000);
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    const log: WriteLog = { rows: [] };
    const statuses = [];
    for (let run = 0; run < 20; run++) {
      // Each batch's write takes 3 s of clock: a 270 s budget holds about 88 of the 200 batches.
      const ports = watchedPorts(env.ports(), log, () => {
        env.clock.advance(3_000);
        return 'write';
      });
      const status = metricsService(ports).run('trigger');
      statuses.push(status);
      if (status.state !== 'running') break;
      expect(status).toMatchObject({ continuing: true, busy: false });
      env.clock.advance(60_000); // the continuation trigger, a minute later
    }
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses[0]!.processed).toBeGreaterThan(0);
    expect(statuses[0]!.processed).toBeLessThan(10_000);
    expect(statuses[0]!.processed % 50).toBe(0);
    expect(statuses.at(-1)).toMatchObject({
      state: 'done',
      processed: 10_000,
      total: 10_000,
      changed: 10_000,
    });
    expect(new Set(statuses.map((s) => s.id)).size).toBe(1);
    const written = log.rows.flat();
    expect(written).toHaveLength(10_000);
    expect(new Set(written).size).toBe(10_000);
    expect(book.sheet('Operaciones').dump()).toEqual(uninterrupted(10_000).sheet('Operaciones').dump());
    // One audit event per run.
    expect(records(book, 'Metadata').filter((e) => e.Evento_Tipo === 'JOB_METRICAS')).toHaveLength(
      statuses.length,
    );
  });

  it('two runners at once: one works, the other backs off and writes nothing', () => {
    const book = spoolsBook(200);
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    const second: WriteLog = { rows: [] };
    let competing: ReturnType<ReturnType<typeof metricsService>['run']> | null = null;
    const first = watchedPorts(env.ports(), { rows: [] }, () => {
      competing ??= metricsService(watchedPorts(env.ports(), second)).run('trigger');
      return 'write';
    });
    const status = metricsService(first).run('menu');
    expect(status).toMatchObject({ state: 'done', changed: 200 });
    expect(competing).toMatchObject({ state: 'running', busy: true, id: status.id });
    expect(second.rows).toEqual([]);
  });

  it('a job whose runner is alive (fresh heartbeat) is left to it, even with the lock free', () => {
    const book = spoolsBook(60);
    const env = environment(book);
    const ports = withSettings(env.ports(), BATCHED);
    const jobs = new JobRepository(ports.properties);
    jobs.create({ id: 'metrics-other', kind: 'metrics', now: env.clock.now(), requestedBy: 'trigger' });
    jobs.update(
      'metrics-other',
      () => ({ status: 'RUNNING', owner: 'other', heartbeat: env.clock.now() }),
      env.clock.now(),
    );
    const status = metricsService(env.ports()).run('step');
    expect(status).toMatchObject({ id: 'metrics-other', state: 'running', busy: true });
    expect(records(book, 'Operaciones')[0]!.Total_Uniones).toBe('');
  });

  it('a runner killed mid-batch: the job is detected once its heartbeat is stale, resumed, and ends correct', () => {
    const book = spoolsBook(300);
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    let writes = 0;
    let kill = () => {};
    const watched = watchedPorts(env.ports(), { rows: [] }, () => {
      writes += 1;
      if (writes < 3) return 'write';
      kill(); // the third batch's cells land, then the execution is gone
      return 'fail-after';
    });
    const killable = killablePorts(watched);
    kill = killable.kill;
    expect(() => metricsService(killable.ports).run('trigger')).toThrow('execution killed');
    const jobs = new JobRepository(env.ports().properties);
    const [job] = jobs.byKind('metrics');
    expect(job).toMatchObject({ status: 'RUNNING', completedBatches: 2, cursor: { index: 100 } });
    expect(jobs.resumable(env.clock.now(), DEFAULT_SETTINGS.jobBudgetMs)).toEqual([]);

    // Within the budget the dead runner still looks alive: the next run backs off.
    expect(metricsService(env.ports()).run('trigger')).toMatchObject({ busy: true });
    env.clock.advance(DEFAULT_SETTINGS.jobBudgetMs + 1);
    expect(jobs.resumable(env.clock.now(), DEFAULT_SETTINGS.jobBudgetMs).map((j) => j.id)).toEqual([job!.id]);
    const log: WriteLog = { rows: [] };
    const status = metricsService(watchedPorts(env.ports(), log)).run('trigger');
    expect(status).toMatchObject({ id: job!.id, state: 'done', processed: 300 });
    expect(jobs.get(job!.id)!.counters.runs).toBe(2);
    // Batches 1 and 2 are not applied again; batch 3's cells had landed and are already right.
    expect(log.rows.flat().filter((row) => row < rowOfSpool(150))).toEqual([]);
    expect(book.sheet('Operaciones').dump()).toEqual(uninterrupted(300).sheet('Operaciones').dump());
  });

  it('a cancelled job stops at the next batch; a finished job is never run again', () => {
    const book = spoolsBook(300);
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    let writes = 0;
    let asked = '';
    const ports = watchedPorts(env.ports(), { rows: [] }, () => {
      writes += 1;
      // Another execution (the sidebar's cancel) while batch 2 is being written.
      if (writes === 2) asked = metricsService(env.ports()).cancel().message;
      return 'write';
    });
    const cancelled = metricsService(ports).run('menu');
    expect(asked).toBe('Cancelación pedida: se detiene al terminar el lote en curso.');
    expect(cancelled).toMatchObject({ state: 'cancelled', processed: 100, completedBatches: 2 });
    expect(cancelled.finishedAt).not.toBeNull();
    expect(records(book, 'Operaciones')[100]!.Total_Uniones).toBe('');

    const next = metricsService(env.ports()).run('menu');
    expect(next).toMatchObject({ state: 'done', processed: 300, changed: 200 });
    expect(next.id).not.toBe(cancelled.id);
    const again = metricsService(env.ports()).run('menu');
    expect(again.id).not.toBe(next.id);
    expect(again).toMatchObject({ state: 'done', changed: 0 });
    const jobs = new JobRepository(env.ports().properties);
    expect(jobs.get(next.id!)).toMatchObject({ status: 'COMPLETED', counters: { runs: 1 } });
    expect(jobs.get(cancelled.id!)).toMatchObject({ status: 'CANCELLED' });
  });

  it('a run that fails outside a batch leaves the job FAILED, never shown as finished', () => {
    const book = spoolsBook(10);
    book.deleteSheet(book.sheet('Uniones'));
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    expect(() => metricsService(env.ports()).run('menu')).toThrow(/^SCHEMA: No existe la hoja "Uniones"/);
    const status = metricsService(env.ports()).status();
    expect(status).toMatchObject({ state: 'failed', finishedAt: null });
    expect(status.message).toMatch(/^Falló: No existe la hoja "Uniones"/);
  });
});

describe('the metrics job service with triggers and a UI', () => {
  it('an unfinished run schedules one continuation a minute later; the run that finishes toasts', () => {
    const book = spoolsBook(200);
    const env = environment(book);
    withSettings(env.ports(), { ...BATCHED, jobBudgetMs: 60_000 });
    const scriptApp = new FakeScriptApp(undefined, { documentId: book.idUncounted });
    const toasts: string[] = [];
    const service = (ports: Ports) =>
      new MetricsJobService({
        ports,
        jobs: new JobRepository(ports.properties),
        triggers: triggersAdapter(scriptApp, book),
        ui: { alert: () => {}, confirm: () => false, toast: (_title, message) => toasts.push(message) },
      });
    const slow = () =>
      watchedPorts(env.ports(), { rows: [] }, () => {
        env.clock.advance(20_000);
        return 'write';
      });
    const first = service(slow()).run('trigger');
    expect(first).toMatchObject({ state: 'running', continuing: true, completedBatches: 3, totalBatches: 4 });
    expect(first.etaMs).toBe(20_000);
    expect(scriptApp.triggers.map((t) => [t.getHandlerFunction(), t.afterMs])).toEqual([
      ['onMetricsTrigger', 60_000],
    ]);
    expect(toasts).toEqual([]);
    const second = service(slow()).run('continuation');
    expect(second).toMatchObject({ state: 'done', processed: 200, changed: 200 });
    expect(toasts).toEqual([second.message]);
    expect(second.message).toBe('200 spools revisados, 200 actualizados.');
  });

  it('a job waiting for its continuation is cancelled at once, and its continuation trigger removed', () => {
    const book = spoolsBook(200);
    const env = environment(book);
    withSettings(env.ports(), { ...BATCHED, jobBudgetMs: 60_000 });
    const scriptApp = new FakeScriptApp(undefined, { documentId: book.idUncounted });
    const service = (ports: Ports) =>
      new MetricsJobService({
        ports,
        jobs: new JobRepository(ports.properties),
        triggers: triggersAdapter(scriptApp, book),
        ui: null,
      });
    const slow = watchedPorts(env.ports(), { rows: [] }, () => {
      env.clock.advance(20_000);
      return 'write';
    });
    const waiting = service(slow).run('step');
    expect(waiting).toMatchObject({ state: 'running', continuing: true });
    expect(scriptApp.triggers).toHaveLength(1);
    const cancelled = service(env.ports()).cancel();
    expect(cancelled).toMatchObject({ id: waiting.id, state: 'cancelled', processed: 150 });
    expect(scriptApp.triggers).toEqual([]);
    expect(records(book, 'Operaciones')[150]!.Total_Uniones).toBe('');
  });
});
