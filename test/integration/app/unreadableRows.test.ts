import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { recomputeAllMetrics } from '../../../src/app/metrics';
import { runMetricsJob } from '../../../src/app/metricsJob';
import { saveSettings } from '../../../src/data/settingsRepository';
import type { Cell } from '../../../src/domain/cell';
import {
  armRequest,
  BACKENDS,
  environment,
  NOW,
  records,
  rowOf,
  tagOf,
  trackingBook,
} from '../../support/tracking';

const TAG = tagOf('001');
const METRICS = { Total_Uniones: 2, Uniones_ARM_Completadas: 0, Pulgadas_ARM: 0 };

/** Spool SP-001 with two unions, union 1's DN as given; metrics as they stood (2 unions, none armed). */
function twoUnions(dn1: Cell) {
  return trackingBook({
    spools: [{ ot: '001', tag: TAG, ...METRICS }],
    unions: [
      { ot: '001', n: 1, dn: dn1 },
      { ot: '001', n: 2, dn: 6 },
    ],
  });
}
const spool = (b: ReturnType<typeof twoUnions>) => rowOf(b, 'Operaciones', (r) => r.TAG_SPOOL === TAG);

describe('a spool with a union row that cannot be read', () => {
  it('FINALIZAR of the other union answers PAUSAR, stamps nothing and leaves Total_Uniones at 2', () => {
    const b = twoUnions('3/4');
    const env = environment(b);
    const result = finishWork(env.ports(), armRequest(['001+2'], 'req-u-1'));
    expect(result.updated).toEqual(['001+2']);
    expect(result.spools).toEqual([{ tagSpool: TAG, action: 'PAUSAR', metrics: null }]);
    expect(result.warnings).toEqual([
      'Uniones!E2 (DN_UNION): no es un número: "3/4" — el spool SP-001 queda en PAUSAR (no se completa) y sus métricas no se reescriben.',
    ]);
    expect(spool(b)).toMatchObject({
      Fecha_Armado: '',
      Armador: '',
      Total_Uniones: 2,
      Uniones_ARM_Completadas: 0,
      Pulgadas_ARM: 0,
      Estado_Detalle: 'Disponible - ARM pausado, SOLD pendiente',
    });
    const event = records(b, 'Metadata')[0]!;
    expect(event.Evento_Tipo).toBe('PAUSAR_SPOOL');
  });

  it.each(BACKENDS)(
    'a typed 3/4 that Sheets made a date (serial 46115) is unreadable too, and said to be a date (%s)',
    (backend) => {
      const b = twoUnions('');
      // What typing 3/4 leaves in an es-CL sheet: the date 3 April 2026, i.e. serial 46115 with a date format
      // (SpreadsheetApp reads a Date, the Sheets API the serial).
      b.sheet('Uniones').getRange(2, 5).setNumberFormat('d/m/yyyy').setValue(46115);
      expect(b.sheet('Uniones').getRange(2, 5).getValue()).toBeInstanceOf(Date);
      const env = environment(b, NOW, backend);
      const result = finishWork(env.ports(), armRequest(['001+2'], 'req-u-1'));
      expect(result.spools[0]!.action).toBe('PAUSAR');
      expect(result.warnings[0]).toBe(
        'Uniones!E2 (DN_UNION): DN_UNION parece una fecha (46115 = 03-04-2026): si escribió 3/4, Sheets lo ' +
          'guardó como fecha; escriba 0,75 — el spool SP-001 queda en PAUSAR (no se completa) y sus métricas no se reescriben.',
      );
      expect(spool(b)).toMatchObject({ Fecha_Armado: '', Total_Uniones: 2 });
    },
  );

  it.each([
    [0, 'DN_UNION debe ser mayor que 0'],
    [-4, 'DN_UNION debe ser mayor que 0'],
    [150, 'DN_UNION 150 mayor que el máximo plausible (120 pulgadas)'],
    [150.5, 'DN_UNION 150,5 mayor que el máximo plausible (120 pulgadas)'],
  ])('DN %s is unreadable: %s', (dn, reason) => {
    const b = twoUnions(dn);
    const env = environment(b);
    const result = finishWork(env.ports(), armRequest(['001+2'], 'req-u-1'));
    expect(result.spools[0]!.action).toBe('PAUSAR');
    expect(result.warnings[0]).toBe(
      `Uniones!E2 (DN_UNION): ${reason} — el spool SP-001 queda en PAUSAR (no se completa) y sus métricas no se reescriben.`,
    );
  });

  it('7 in a date-formatted cell is still 7, and the plausible maximum is a setting', () => {
    const b = twoUnions('');
    b.sheet('Uniones').getRange(2, 5).setNumberFormat('yyyy-mm-dd').setValue(7);
    b.sheet('Uniones').getRange(3, 5).setValue(150);
    const env = environment(b);
    saveSettings(env.ports().properties, { maxDnInches: 200 });
    const result = finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-u-1'));
    expect(result.warnings).toEqual([]);
    expect(result.spools[0]).toMatchObject({ action: 'COMPLETAR', metrics: { pulgadasArm: 157 } });
  });

  it('a selected key whose row cannot be read is skipped naming the cell', () => {
    const b = twoUnions('3/4');
    const env = environment(b);
    const result = finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-u-1'));
    expect(result.skipped).toEqual([
      { key: '001+1', reason: 'Celda ilegible Uniones!E2 (DN_UNION): no es un número: "3/4".' },
    ]);
  });

  it('the listing shows the row as not disponible, naming the cell, with no DN', () => {
    const b = twoUnions('3/4');
    const env = environment(b);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions[0]).toMatchObject({
      key: '001+1',
      rowNumber: 2,
      nUnion: 1,
      dn: null,
      readable: false,
      disponible: false,
      reason: 'Celda ilegible Uniones!E2 (DN_UNION): no es un número: "3/4"',
      version: '',
    });
    expect(listed.unions[1]).toMatchObject({ key: '001+2', dn: 6, disponible: true });
    expect(listed.warnings).toEqual(['Uniones!E2 (DN_UNION): no es un número: "3/4"']);
  });

  it('lists who and when of an unreadable row as dates, not as the serial numbers the cells hold', () => {
    // 04-03-2026 09:00 and 10:30 in Santiago, stored as serial numbers (as the demo and real exports hold them).
    const b = trackingBook({
      spools: [{ ot: '001', tag: TAG, ...METRICS }],
      unions: [
        {
          ot: '001',
          n: 1,
          dn: '3/4',
          ARM_FECHA_INICIO: 46085.375,
          ARM_FECHA_FIN: 46085.4375,
          ARM_WORKER: 'MR(93)',
        },
        { ot: '001', n: 2, dn: 6 },
      ],
    });
    const listed = listUnions(environment(b).ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions[0]).toMatchObject({
      key: '001+1',
      readable: false,
      arm: { done: true, worker: 'MR(93)', inicio: '04-03-2026 09:00:00', fin: '04-03-2026 10:30:00' },
    });
  });

  it('the metrics recompute leaves the spool alone and the job report names the cell', () => {
    const b = twoUnions('3/4');
    const env = environment(b);
    const result = recomputeAllMetrics(env.ports(), 'recompute-u-1');
    expect(result).toMatchObject({
      changed: 0,
      unreadableSpools: [{ tagSpool: TAG, cells: ['Uniones!E2 (DN_UNION): no es un número: "3/4"'] }],
    });
    expect(spool(b)).toMatchObject({ Total_Uniones: 2, Uniones_ARM_Completadas: 0 });
    const status = runMetricsJob(env.ports(), 'menu');
    expect(status.message).toContain(
      'sin recalcular por celdas ilegibles: SP-001 (Uniones!E2 (DN_UNION): no es un número: "3/4")',
    );
    expect(spool(b).Total_Uniones).toBe(2);
  });

  it('a row with only its OT readable holds back every spool of that OT', () => {
    const b = trackingBook({
      spools: [
        { ot: '001', tag: 'SP-A', Total_Uniones: 1 },
        { ot: '001', tag: 'SP-B', Total_Uniones: 1 },
        { ot: '002', tag: 'SP-C', Total_Uniones: 5 },
      ],
      unions: [
        { ot: '001', n: 1, tag: 'SP-A' },
        { ot: '001', n: 2, tag: 'SP-B' },
        { ot: '001', n: 3, tag: '', dn: 'x' },
        { ot: '002', n: 1, tag: 'SP-C' },
      ],
    });
    const env = environment(b);
    const result = recomputeAllMetrics(env.ports(), 'recompute-u-2');
    expect(result.unreadableSpools.map((s) => s.tagSpool)).toEqual(['SP-A', 'SP-B']);
    expect(rowOf(b, 'Operaciones', (r) => r.TAG_SPOOL === 'SP-C').Total_Uniones).toBe(1);
    expect(rowOf(b, 'Operaciones', (r) => r.TAG_SPOOL === 'SP-A').Total_Uniones).toBe(1);
  });
});
