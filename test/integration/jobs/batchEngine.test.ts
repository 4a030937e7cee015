import { describe, expect, it } from 'vitest';
import { runJobStep } from '../../../src/app/batch/runner';
import { METRICS_JOB } from '../../../src/app/metricsJob';
import { JobRepository } from '../../../src/data/jobRepository';
import { loadSettings } from '../../../src/data/settingsRepository';
import { PRODUCTION_OPERACIONES_HEADER } from '../../../src/data/productionHeaders';
import { a1 } from '../../../src/domain/cell';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { metricsService, rowOfSpool, spoolsBook, watchedPorts, withSettings } from '../../support/jobs';
import { environment, records } from '../../support/tracking';

const METRIC_COLUMNS = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
].map((name) => PRODUCTION_OPERACIONES_HEADER.indexOf(name) + 1);
const TOTAL = METRIC_COLUMNS[0]!;

/** Values and formats of the metric cells of spools [from, to). */
function metricBlock(book: FakeSpreadsheet, from: number, to: number) {
  const sheet = book.sheet('Operaciones');
  const rows: unknown[] = [];
  for (let n = from; n < to; n++) {
    rows.push(
      METRIC_COLUMNS.map((col) => [
        sheet.getRange(rowOfSpool(n), col).getValue(),
        sheet.formatAt(rowOfSpool(n), col),
      ]),
    );
  }
  return rows;
}

describe('the batch engine on the metrics recompute', () => {
  it('500 spools in batches of 50: one fails validation, one fails at write; the other 8 commit, the failed ones are restored exactly', () => {
    const book = spoolsBook(500);
    const sheet = book.sheet('Operaciones');
    // Batch 3: a supervisor's note typed into a metric cell (never overwritten).
    sheet.getRange(rowOfSpool(120), TOTAL).setValue('ver nota');
    // Batch 6: a stale 7 in a date-formatted cell, so the restore must put back value and format.
    sheet.getRange(rowOfSpool(260), TOTAL).setNumberFormat('d/m/yyyy').setValue(7);
    const batch3 = metricBlock(book, 100, 150);
    const batch6 = metricBlock(book, 250, 300);
    const env = environment(book);
    const ports = withSettings(env.ports(), { batchProcessing: true, batchSize: 50 });
    let failed = false;
    const watched = watchedPorts(ports, { rows: [] }, (name, cells) => {
      if (failed || name !== 'Operaciones' || !cells.some((c) => c.row === rowOfSpool(250))) return 'write';
      failed = true;
      return 'fail-after';
    });
    const jobs = new JobRepository(watched.properties);
    const run = runJobStep(
      { ports: watched, settings: loadSettings(watched.properties), jobs },
      METRICS_JOB,
      'menu',
    );

    expect(run.outcome).toBe('worked');
    expect(run.metrics).toMatchObject({
      batches: 10,
      succeeded: 8,
      failed: 2,
      itemsWritten: 400,
      skipped: 0,
    });
    expect(run.metrics!.errors.map((e) => e.batch)).toEqual([3, 6]);
    expect(run.metrics!.errors[0]!.reason).toBe(
      `validación: Operaciones!${a1(rowOfSpool(120), TOTAL)}: tiene el texto "ver nota"; no se sobrescribe`,
    );
    expect(run.metrics!.errors[0]!.cells).toEqual([`Operaciones!${a1(rowOfSpool(120), TOTAL)}`]);
    expect(run.metrics!.errors[1]!.reason).toBe(
      'escritura: Exception: Service Spreadsheets failed while writing.; 250 celdas restauradas',
    );
    expect(metricBlock(book, 100, 150)).toEqual(batch3);
    expect(metricBlock(book, 250, 300)).toEqual(batch6);
    const rows = records(book, 'Operaciones');
    for (const n of [0, 99, 150, 249, 300, 499]) {
      expect(rows[n]).toMatchObject({ Total_Uniones: 2, Uniones_ARM_Completadas: 1, Pulgadas_ARM: 4.5 });
      expect(sheet.formatAt(rowOfSpool(n), TOTAL)).toBe('0');
    }
    expect(run.job).toMatchObject({
      status: 'COMPLETED',
      completedBatches: 10,
      totalBatches: 10,
      counters: { items: 500, written: 400, failedBatches: 2 },
    });
    expect(run.job!.lastError).toMatch(/^lote 3: validación: .*\| lote 6: escritura: /);
    const events = records(book, 'Metadata');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ Evento_Tipo: 'JOB_METRICAS', Accion: 'RECALCULAR' });
    expect(JSON.parse(String(events[0]!.Metadata_JSON))).toMatchObject({
      batches: 10,
      succeeded: 8,
      failed: 2,
      itemsWritten: 400,
    });
  });

  it('with batchProcessing off the same good data gives the same sheet', () => {
    const run = (batchProcessing: boolean) => {
      const book = spoolsBook(130);
      // Wrong figures and a wrong format, which both paths must heal.
      book.sheet('Operaciones').getRange(rowOfSpool(3), TOTAL).setNumberFormat('d/m/yyyy').setValue(2);
      book.sheet('Operaciones').getRange(rowOfSpool(70), TOTAL).setValue(9);
      const ports = withSettings(environment(book).ports(), { batchProcessing, batchSize: 50 });
      const status = metricsService(ports).run('menu');
      expect(status).toMatchObject({ state: 'done', processed: 130, total: 130, changed: 130 });
      return { values: book.sheet('Operaciones').dump(), formats: metricBlock(book, 0, 130) };
    };
    const batched = run(true);
    const single = run(false);
    expect(batched.values).toEqual(single.values);
    expect(batched.formats).toEqual(single.formats);
  });
});
