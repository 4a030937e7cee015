import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { startWork } from '../../../src/app/startWork';
import { failure } from '../../support/failure';
import { NOW, armRequest, environment, rowOf, tagOf, trackingBook } from '../../support/tracking';

const HOUR = 3600_000;
const TAG = tagOf('001');
const ARMED = {
  ARM_FECHA_INICIO: '20-11-2026 08:00:00',
  ARM_FECHA_FIN: '20-11-2026 09:00:00',
  ARM_WORKER: 'CD(98)',
};

function book(spool: Record<string, string> = {}) {
  return trackingBook({
    spools: [{ ot: '001', tag: TAG, ...spool }],
    unions: [
      { ot: '001', n: 1, ...ARMED },
      { ot: '001', n: 2 },
      { ot: '001', n: 3 },
    ],
  });
}
const union = (b: ReturnType<typeof book>, n: number) => rowOf(b, 'Uniones', (r) => r.N_UNION === n);
const spool = (b: ReturnType<typeof book>) => rowOf(b, 'Operaciones', (r) => r.TAG_SPOOL === TAG);

describe('a start never falls after its end', () => {
  it('with the clock set back after INICIAR, the start is now (= the end)', () => {
    const b = book();
    const env = environment(b);
    startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId: 93, requestId: 'req-t-1' });
    env.clock.set(NOW - HOUR);
    finishWork(env.ports(), armRequest(['001+2'], 'req-t-2'));
    expect(union(b, 2)).toMatchObject({
      ARM_FECHA_INICIO: '22-11-2026 09:00:00',
      ARM_FECHA_FIN: '22-11-2026 09:00:00',
    });
  });

  it('with a hand-typed Fecha_Ocupacion in the future, the start is now', () => {
    const b = book({
      Ocupado_Por: 'MR(93)',
      Fecha_Ocupacion: '23-11-2026 08:00:00',
      Estado_Detalle: 'MR(93) trabajando ARM (ARM pausado, SOLD pendiente)',
    });
    const env = environment(b);
    finishWork(env.ports(), armRequest(['001+2'], 'req-t-1'));
    expect(union(b, 2)).toMatchObject({
      ARM_FECHA_INICIO: '22-11-2026 10:00:00',
      ARM_FECHA_FIN: '22-11-2026 10:00:00',
    });
  });

  it('borrows Fecha_Ocupacion only when Estado_Detalle says this worker holds it for this operation', () => {
    const b = book({
      Ocupado_Por: 'MR(93)',
      Fecha_Ocupacion: '22-11-2026 08:00:00',
      Estado_Detalle: 'armando', // typed by hand: what it was taken for cannot be told
    });
    const env = environment(b);
    finishWork(env.ports(), armRequest(['001+2'], 'req-t-1'));
    expect(union(b, 2).ARM_FECHA_INICIO).toBe('22-11-2026 10:00:00');
  });
});

describe('INICIAR ARM, then FINALIZAR SOLD by the same worker', () => {
  // Ana Silva (95) is Ayudante: she may record both ARM and SOLD.
  const b = book();
  const env = environment(b);

  it('the SOLD start does not borrow the ARM start, and the ARM occupation stays', () => {
    startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId: 95, requestId: 'req-as-1' });
    env.clock.advance(HOUR);
    const result = finishWork(env.ports(), {
      ot: '001',
      operation: 'SOLD',
      workerId: 95,
      unionKeys: ['001+1'],
      requestId: 'req-as-2',
    });
    expect(result.spools.map((s) => s.action)).toEqual(['PAUSAR']);
    expect(union(b, 1)).toMatchObject({
      SOL_WORKER: 'AS(95)',
      SOL_FECHA_INICIO: '22-11-2026 11:00:00',
      SOL_FECHA_FIN: '22-11-2026 11:00:00',
    });
    expect(spool(b)).toMatchObject({
      Ocupado_Por: 'AS(95)',
      Fecha_Ocupacion: '22-11-2026 10:00:00',
      Estado_Detalle: 'AS(95) trabajando ARM (ARM en progreso, SOLD pausado)',
    });
  });

  it('an empty SOLD FINALIZAR does not cancel the ARM occupation', () => {
    const error = failure(() =>
      finishWork(env.ports(), {
        ot: '001',
        operation: 'SOLD',
        workerId: 95,
        unionKeys: [],
        requestId: 'req-as-3',
      }),
    );
    expect(error.message).toMatch(/^VALIDATION: Seleccione al menos una unión/);
    expect(spool(b).Ocupado_Por).toBe('AS(95)');
  });

  it('the ARM FINALIZAR that follows still starts when the spool was taken, and releases it', () => {
    env.clock.advance(HOUR);
    finishWork(env.ports(), armRequest(['001+2', '001+3'], 'req-as-4', 95));
    expect(union(b, 3)).toMatchObject({
      ARM_FECHA_INICIO: '22-11-2026 10:00:00',
      ARM_FECHA_FIN: '22-11-2026 12:00:00',
    });
    expect(spool(b)).toMatchObject({
      Ocupado_Por: '',
      Fecha_Ocupacion: '',
      Estado_Detalle: 'Disponible - ARM completado, SOLD pausado',
      Armador: 'AS(95)',
    });
  });
});
