import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { startWork } from '../../../src/app/startWork';
import { BACKENDS, NOW, environment, records, rowOf, tagOf, trackingBook } from '../../support/tracking';

const OT = '001';
const TAG = tagOf(OT);
const keys = (...ns: number[]) => ns.map((n) => `${OT}+${n}`);
const HOUR = 3600_000;
/** A changed row gets a new UUID token as its version (design §2). */
const NEW_TOKEN = expect.stringMatching(
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
);

function freshSpool() {
  return trackingBook({
    spools: [{ ot: OT, tag: TAG }],
    unions: Array.from({ length: 10 }, (_, i) => ({
      ot: OT,
      n: i + 1,
      dn: [4.5, 6, 8, 10, 12, 14, 16, 18, 20, 24][i]!,
    })),
  });
}

describe.each(BACKENDS)('a spool of 10 unions from ARM to SOLD (%s)', (backend) => {
  const book = freshSpool();
  const env = environment(book, NOW, backend);
  const spool = () => rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === TAG);
  const union = (n: number) => rowOf(book, 'Uniones', (r) => r.N_UNION === n);
  let request = 0;
  const id = () => `req-flow-${++request}`;

  it('INICIAR ARM takes the spool', () => {
    const result = startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId: 93, requestId: id() });
    expect(result).toMatchObject({
      ocupadoPor: 'MR(93)',
      fechaOcupacion: '22-11-2026 10:00:00',
      disponibles: 10,
    });
    expect(spool()).toMatchObject({
      Ocupado_Por: 'MR(93)',
      Fecha_Ocupacion: '22-11-2026 10:00:00',
      Estado_Detalle: 'MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)',
      version: NEW_TOKEN,
    });
  });

  it('FINALIZAR 7 unions pauses ARM at 7/0 and releases the spool', () => {
    env.clock.advance(HOUR);
    const result = finishWork(env.ports(), {
      ot: OT,
      operation: 'ARM',
      workerId: 93,
      unionKeys: keys(1, 2, 3, 4, 5, 6, 7),
      requestId: id(),
    });
    expect(result.spools).toEqual([
      {
        tagSpool: TAG,
        action: 'PAUSAR',
        metrics: { totalUniones: 10, unionesArm: 7, unionesSold: 0, pulgadasArm: 70.5, pulgadasSold: 0 },
      },
    ]);
    expect(result.pulgadas).toBe(70.5);
    expect(result.skipped).toEqual([]);
    expect(union(3)).toMatchObject({
      ARM_WORKER: 'MR(93)',
      ARM_FECHA_INICIO: '22-11-2026 10:00:00', // when the spool was taken
      ARM_FECHA_FIN: '22-11-2026 11:00:00',
      version: NEW_TOKEN,
    });
    expect(union(8)).toMatchObject({ ARM_WORKER: '', ARM_FECHA_FIN: '', version: 1 });
    expect(spool()).toMatchObject({
      Ocupado_Por: '',
      Fecha_Ocupacion: '',
      Estado_Detalle: 'Disponible - ARM pausado, SOLD pendiente',
      Total_Uniones: 10,
      Uniones_ARM_Completadas: 7,
      Uniones_SOLD_Completadas: 0,
      Pulgadas_ARM: 70.5,
      Pulgadas_SOLD: 0,
      Fecha_Armado: '',
    });
  });

  it('INICIAR SOLD then FINALIZAR 5 of the 7 armed records 7 ARM and 5 SOLD', () => {
    startWork(env.ports(), { tagSpool: TAG, operation: 'SOLD', workerId: 94, requestId: id() });
    expect(spool().Estado_Detalle).toBe('JP(94) trabajando SOLD (ARM pausado, SOLD en progreso)');
    env.clock.advance(HOUR);
    const result = finishWork(env.ports(), {
      ot: OT,
      operation: 'SOLD',
      workerId: 94,
      unionKeys: keys(1, 2, 3, 4, 5),
      requestId: id(),
    });
    expect(result.spools[0]).toMatchObject({ action: 'PAUSAR', metrics: { unionesArm: 7, unionesSold: 5 } });
    expect(spool()).toMatchObject({
      Uniones_SOLD_Completadas: 5,
      Pulgadas_SOLD: 40.5,
      Estado_Detalle: 'Disponible - ARM pausado, SOLD pausado',
    });
    expect(union(5)).toMatchObject({ SOL_WORKER: 'JP(94)', SOL_FECHA_FIN: '22-11-2026 12:00:00' });
  });

  it('the rest completes ARM then SOLD, stamping Fecha_Armado and Fecha_Soldadura', () => {
    startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId: 98, requestId: id() });
    const arm = finishWork(env.ports(), {
      ot: OT,
      operation: 'ARM',
      workerId: 98,
      unionKeys: keys(8, 9, 10),
      requestId: id(),
    });
    expect(arm.spools[0]!.action).toBe('COMPLETAR');
    expect(spool()).toMatchObject({
      Fecha_Armado: '22-11-2026',
      Armador: 'CD(98)',
      Estado_Detalle: 'Disponible - ARM completado, SOLD pausado',
    });

    env.clock.advance(24 * HOUR);
    startWork(env.ports(), { tagSpool: TAG, operation: 'SOLD', workerId: 94, requestId: id() });
    const sold = finishWork(env.ports(), {
      ot: OT,
      operation: 'SOLD',
      workerId: 94,
      unionKeys: keys(6, 7, 8, 9, 10),
      requestId: id(),
    });
    expect(sold.spools[0]!.action).toBe('COMPLETAR');
    expect(spool()).toMatchObject({
      Fecha_Soldadura: '23-11-2026',
      Soldador: 'JP(94)',
      Total_Uniones: 10,
      Uniones_ARM_Completadas: 10,
      Uniones_SOLD_Completadas: 10,
      Pulgadas_ARM: 132.5,
      Pulgadas_SOLD: 132.5,
      Ocupado_Por: '',
      Estado_Detalle: 'Disponible - ARM completado, SOLD completado',
    });
  });

  it('the Metadata sheet holds every event, one per union with its N_UNION', () => {
    const events = records(book, 'Metadata');
    const count = (type: string) => events.filter((e) => e.Evento_Tipo === type).length;
    expect(count('INICIAR_SPOOL')).toBe(4);
    expect(count('PAUSAR_SPOOL')).toBe(2);
    expect(count('COMPLETAR_ARM')).toBe(1);
    expect(count('COMPLETAR_SOLD')).toBe(1);
    // One per union plus one batch summary (no N_UNION) per FINALIZAR.
    expect(count('UNION_ARM_REGISTRADA')).toBe(12);
    expect(count('UNION_SOLD_REGISTRADA')).toBe(12);
    expect(events).toHaveLength(32);
    const unionArm = events.filter((e) => e.Evento_Tipo === 'UNION_ARM_REGISTRADA' && e.N_UNION !== '');
    expect(unionArm.map((e) => e.N_UNION)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(unionArm.map((e) => e.Metadata_JSON)).toContain('{"union_id":"001+3"}');
    const pause = events.find((e) => e.Evento_Tipo === 'PAUSAR_SPOOL' && e.Operacion === 'ARM')!;
    expect(pause).toMatchObject({
      TAG_SPOOL: TAG,
      Worker_ID: 93,
      Worker_Nombre: 'MR(93)',
      Operacion: 'ARM',
      Accion: 'PAUSAR',
    });
    expect(pause.Timestamp).toBe('22-11-2026 11:00:00');
    expect(pause.Fecha_Operacion).toBe('22-11-2026');
    expect(JSON.parse(String(pause.Metadata_JSON))).toMatchObject({
      ot: OT,
      unions: [1, 2, 3, 4, 5, 6, 7],
      pulgadas: 70.5,
    });
  });
});
