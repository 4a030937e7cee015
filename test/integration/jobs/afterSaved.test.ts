import { describe, expect, it } from 'vitest';
import { MetricsJobService } from '../../../src/app/metricsJob';
import { METRICS_TRIGGER_HANDLER } from '../../../src/app/jobTriggers';
import { JobRepository } from '../../../src/data/jobRepository';
import { triggersAdapter } from '../../../src/gas/services';
import {
  FakeScriptApp,
  PROPERTY_STORE_FULL,
  TOO_MANY_TIME_TRIGGERS,
  type UserTriggersBehaviour,
} from '../../../src/memory/fakeServices';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import type { Ports } from '../../../src/ports';
import { spoolsBook, watchedPorts, withSettings } from '../../support/jobs';
import { environment, records } from '../../support/tracking';

/** 13 spools, one a batch, each batch's write a second of clock: a step of 12.5 s does 12 of them. */
function thirteenSpools() {
  const book = spoolsBook(13);
  const env = environment(book);
  withSettings(env.ports(), { batchProcessing: true, batchSize: 1, jobBudgetMs: 12_500 });
  const slow = (hook: (sheet: string) => void = () => undefined) =>
    watchedPorts(env.ports(), { rows: [] }, (sheet) => {
      hook(sheet);
      env.clock.advance(1_000);
      return 'write';
    });
  return { book, env, slow };
}

function serviceWith(scriptApp: FakeScriptApp, book: FakeSpreadsheet) {
  return (ports: Ports) =>
    new MetricsJobService({
      ports,
      jobs: new JobRepository(ports.properties, ports.cache),
      triggers: triggersAdapter(scriptApp, book),
      ui: null,
    });
}

/** Total_Uniones of each spool row: '' where the run has not written it. */
const totals = (book: FakeSpreadsheet) => records(book, 'Operaciones').map((r) => r.Total_Uniones);

describe('a job step whose work is saved is a success (issue 14 §1, §4)', () => {
  it.each<UserTriggersBehaviour>(['hides', 'lists'])(
    'the step that saved 12 of 13 spools answers success with a warning when the continuation is refused (getUserTriggers %s)',
    (mode) => {
      const { book, slow } = thirteenSpools();
      const scriptApp = new FakeScriptApp(undefined, { documentId: book.idUncounted, userTriggers: mode });
      // A time-driven trigger this document already has and no record names (an older version's): Google
      // refuses a second one.
      scriptApp.addTrigger('onSomethingElse', 1);
      const status = serviceWith(scriptApp, book)(slow()).run('step');
      expect(status).toMatchObject({ state: 'running', processed: 12, total: 13, continuing: true });
      expect(status.warnings).toEqual([
        `No se pudo programar la continuación de la tarea; siga con Recalcular métricas (${TOO_MANY_TIME_TRIGGERS}).`,
      ]);
      expect(totals(book)).toEqual([...Array(12).fill(2), '']);
      expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['JOB_METRICAS']);
      expect(scriptApp.timeDriven().map((t) => t.getHandlerFunction())).toEqual(['onSomethingElse']);
    },
  );

  it('enabling the hourly recompute while a continuation waits works; the job done, the hourly trigger is back', () => {
    const { book, env, slow } = thirteenSpools();
    const scriptApp = new FakeScriptApp(undefined, { documentId: book.idUncounted, userTriggers: 'hides' });
    const service = serviceWith(scriptApp, book);
    expect(service(slow()).run('step')).toMatchObject({ state: 'running', warnings: [] });
    expect(scriptApp.timeDriven().map((t) => [t.getHandlerFunction(), t.afterMs])).toEqual([
      [METRICS_TRIGGER_HANDLER, 60_000],
    ]);
    expect(service(env.ports()).setAutomatic(true)).toEqual({ created: 0, deleted: 0, warnings: [] });
    expect(service(env.ports()).automaticOn()).toBe(true);
    expect(scriptApp.timeDriven()).toHaveLength(1);
    env.clock.advance(60_000);
    const done = service(slow()).run('trigger');
    expect(done).toMatchObject({ state: 'done', processed: 13, warnings: [] });
    expect(scriptApp.timeDriven().map((t) => [t.getHandlerFunction(), t.everyHours])).toEqual([
      [METRICS_TRIGGER_HANDLER, 1],
    ]);
    expect(totals(book)).toEqual(Array(13).fill(2));
  });

  it('the job record refused after the last batch (store full): the step answers done with a warning, no ERROR event', () => {
    const { book, env, slow } = thirteenSpools();
    withSettings(env.ports(), { jobBudgetMs: 60_000 });
    let writes = 0;
    const ports = slow((sheet) => {
      if (sheet === 'Operaciones' && ++writes === 13)
        env.propertiesService.faults.failAlways('properties.setProperty', PROPERTY_STORE_FULL);
    });
    const status = new MetricsJobService({
      ports,
      jobs: new JobRepository(ports.properties, ports.cache),
      triggers: null,
      ui: null,
    }).run('menu');
    expect(status).toMatchObject({ state: 'done', processed: 13, changed: 13 });
    expect(status.warnings).toEqual([
      `No se pudo guardar el avance de la tarea; la próxima ejecución revisa otra vez esos spools (${PROPERTY_STORE_FULL}).`,
      `No se pudo guardar el estado de la tarea; lo escrito en la planilla sí se guardó (${PROPERTY_STORE_FULL}).`,
    ]);
    expect(totals(book)).toEqual(Array(13).fill(2));
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['JOB_METRICAS']);
  });

  it('a toast that fails after the run (single pass) leaves the answer done; a refused cache put is a warning', () => {
    const book = spoolsBook(3);
    const env = environment(book);
    env.cacheService.faults.failAlways('cache.putAll', 'Exception: Argument too large: value');
    const ports = env.ports();
    const status = new MetricsJobService({
      ports,
      jobs: new JobRepository(ports.properties, ports.cache),
      triggers: null,
      ui: {
        alert: () => undefined,
        confirm: () => false,
        toast: () => {
          throw new Error('Exception: No se puede mostrar el aviso.');
        },
      },
    }).run('menu');
    expect(status).toMatchObject({ state: 'done', processed: 3, changed: 3 });
    expect(status.warnings).toEqual([
      'No se pudo guardar la copia de las hojas en la caché (Exception: Argument too large: value); la planilla no se ve afectada.',
    ]);
    expect(totals(book)).toEqual([2, 2, 2]);
  });
});
