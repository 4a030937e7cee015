// The metrics recompute reads only the columns it needs (issue 10 §4), appends its audit event without an
// extra flush, and a cancel is still seen at the next batch although the properties are read less often.

import { describe, expect, it } from 'vitest';
import { CANCEL_PROPERTY_EVERY } from '../../../src/app/batch/runner';
import { readForRecompute } from '../../../src/app/metrics';
import { MetricsJobService } from '../../../src/app/metricsJob';
import { openRequest } from '../../../src/app/request';
import { JobRepository } from '../../../src/data/jobRepository';
import { UNIONES_HEADER } from '../../../src/data/productionHeaders';
import type { Ports } from '../../../src/ports';
import { metricsService, spoolsBook, watchedPorts, withSettings } from '../../support/jobs';
import { BACKENDS, NOW, environment, records } from '../../support/tracking';

const BATCHED = { batchProcessing: true, batchSize: 50 };
/** OT, TAG_SPOOL and the five metric columns of Operaciones. */
const OPERACIONES_COLUMNS = 7;
/** OT, N_UNION, TAG_SPOOL, DN_UNION, TIPO_UNION and the four ARM/SOL dates of Uniones. */
const UNIONES_COLUMNS = 9;

/** Every spool of a spoolsBook after a recompute: 2 unions, union 1 (DN 4.5) armed, none welded. */
function expectMetricsWritten(book: ReturnType<typeof spoolsBook>, spools: number) {
  const rows = records(book, 'Operaciones').filter((r) => r.TAG_SPOOL !== '');
  expect(rows).toHaveLength(spools);
  for (const row of rows) {
    expect([
      row.Total_Uniones,
      row.Uniones_ARM_Completadas,
      row.Uniones_SOLD_Completadas,
      row.Pulgadas_ARM,
      row.Pulgadas_SOLD,
    ]).toEqual([2, 1, 0, 4.5, 0]);
  }
}

describe('the metrics recompute reads only the columns it needs', () => {
  for (const backend of BACKENDS) {
    for (const batchProcessing of [false, true]) {
      it(`500 spools, ${batchProcessing ? 'batch path' : 'single pass'} (${backend}): cells read ≤ rows × needed columns + metric formats + headers; the sheet is right`, () => {
        const book = spoolsBook(500);
        const env = environment(book, undefined, backend);
        withSettings(env.ports(), { batchProcessing, batchSize: 50 });
        const operaciones = book.sheet('Operaciones');
        const uniones = book.sheet('Uniones');
        // Rows the header read and getLastRow see (the sheet's trailing formatted rows included).
        const [opsRows, unionRows] = [operaciones.getLastRow(), uniones.getLastRow()];
        const headers =
          operaciones.getLastColumn() + UNIONES_HEADER.length + book.sheet('Metadata').getLastColumn();
        env.resetCalls();

        const status = metricsService(env.ports()).run('menu');

        expect(status).toMatchObject({ state: 'done', processed: 500, changed: 500 });
        const price = env.price();
        const needed = opsRows * OPERACIONES_COLUMNS + unionRows * UNIONES_COLUMNS;
        // The five metric columns' number formats, read once as one block of the data rows.
        const formats = (opsRows - 1) * 5;
        expect(price.cellsRead).toBeLessThanOrEqual(needed + formats + headers);
        // The whole sheets alone would be 75 + 17 columns.
        expect(price.cellsRead).toBeLessThan((opsRows * 75 + unionRows * 17) / 3);
        expectMetricsWritten(book, 500);
        // One flush, at the end: the run's audit event needs no extra one.
        if (backend === 'spreadsheetApp') expect(price.flushes).toBe(1);
        expect(records(book, 'Metadata').filter((e) => e.Evento_Tipo === 'JOB_METRICAS')).toHaveLength(1);
      });
    }
  }

  it('a column inserted by hand within the cache minute is followed: the header is read again, the sheet is right', () => {
    const book = spoolsBook(60);
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    expect(metricsService(env.ports()).run('menu')).toMatchObject({ state: 'done', changed: 60 });
    // Headers are cached now; a column appears before OT and a metric cell is edited by hand.
    book.sheet('Operaciones').insertColumnBefore(1);
    book.sheet('Operaciones').getRange(1, 1).setValue('Nueva');
    const total = book.sheet('Operaciones').dump()[0]!.indexOf('Total_Uniones') + 1;
    book.sheet('Operaciones').getRange(5, total).setValue(99);
    env.clock.advance(10_000);

    expect(metricsService(env.ports()).run('menu')).toMatchObject({ state: 'done', changed: 1 });
    expect(records(book, 'Operaciones')[3]!.Total_Uniones).toBe(2);
    expectMetricsWritten(book, 60);
  });

  it('a spool with an unreadable union row is left alone and reported by cell', () => {
    const book = spoolsBook(60);
    // SP-007's second union: a DN that is text, and a date that cannot be read in a column only read to check it.
    const uniones = book.sheet('Uniones');
    uniones.getRange(2 + 13, UNIONES_HEADER.indexOf('SOL_FECHA_INICIO') + 1).setValue('mañana');
    const env = environment(book);
    withSettings(env.ports(), BATCHED);

    const status = metricsService(env.ports()).run('menu');

    expect(status).toMatchObject({ state: 'done', changed: 59 });
    expect(status.message).toContain('SP-007 (Uniones!J15 (SOL_FECHA_INICIO)');
    expect(records(book, 'Operaciones')[6]!.Total_Uniones).toBe('');
  });
});

describe('a sheet read by columns', () => {
  it('refuses a write to a column it did not read, before anything is written', () => {
    const book = spoolsBook(3);
    const scope = openRequest(environment(book).ports());
    readForRecompute(scope);
    scope.spools.occupy(scope.spools.all()[0]!, 'MR(93)', NOW, 'MR(93) trabajando ARM');
    expect(() => scope.uow.commit()).toThrow(/no se leyeron/);
    expect(records(book, 'Operaciones')[0]!.Ocupado_Por).toBe('');
  });
});

describe('a cancel is seen at the next batch, with the properties read only now and then', () => {
  /** Runs 600 spools (12 batches) and cancels, through `cancelWith`, while batch 2 is being written. */
  function cancelDuringBatch2(runPorts: (ports: Ports) => Ports, cancelWith: (ports: Ports) => void) {
    const book = spoolsBook(600);
    const env = environment(book);
    withSettings(env.ports(), BATCHED);
    let writes = 0;
    const ports = watchedPorts(runPorts(env.ports()), { rows: [] }, () => {
      writes += 1;
      if (writes === 2) cancelWith(env.ports());
      return 'write';
    });
    return metricsService(ports).run('menu');
  }

  it('from the document cache: the runner stops before batch 3', () => {
    const status = cancelDuringBatch2(
      (ports) => ports,
      (ports) => metricsService(ports).cancel(),
    );
    expect(status).toMatchObject({ state: 'cancelled', processed: 100, completedBatches: 2 });
  });

  it('with no cache: the runner reads the properties before every batch and stops before batch 3', () => {
    const status = cancelDuringBatch2(
      ({ cache: _cache, ...ports }) => ports,
      ({ cache: _cache, ...ports }) => metricsService(ports).cancel(),
    );
    expect(status).toMatchObject({ state: 'cancelled', processed: 100, completedBatches: 2 });
  });

  it(`when the cache lost the request: seen from the properties within ${CANCEL_PROPERTY_EVERY} batches`, () => {
    // The request reaches the properties only (as when the cache evicted its copy).
    const status = cancelDuringBatch2(
      (ports) => ports,
      (ports) =>
        new MetricsJobService({
          ports,
          jobs: new JobRepository(ports.properties),
          triggers: null,
          ui: null,
        }).cancel(),
    );
    expect(status).toMatchObject({
      state: 'cancelled',
      completedBatches: CANCEL_PROPERTY_EVERY,
      processed: CANCEL_PROPERTY_EVERY * 50,
    });
  });
});
