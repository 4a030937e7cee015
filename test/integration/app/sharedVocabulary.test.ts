import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { startWork } from '../../../src/app/startWork';
import type { Operation } from '../../../src/domain/operation';
import { readEstadoDetalle, readMetadataRow } from '../../support/sharedSheetReader';
import { BACKENDS, NOW, environment, records, rowOf, tagOf, trackingBook } from '../../support/tracking';

const TAG = tagOf('001');

describe.each(BACKENDS)('the shop web app reads back every row we write (%s)', (backend) => {
  const book = trackingBook({
    spools: [{ ot: '001', tag: TAG }],
    unions: [
      { ot: '001', n: 1, dn: 4 },
      { ot: '001', n: 2, dn: 6 },
      { ot: '001', n: 3, dn: 2.5 },
    ],
  });
  const env = environment(book, NOW, backend);
  let request = 0;
  const start = (operation: Operation, workerId: number) =>
    startWork(env.ports(), { tagSpool: TAG, operation, workerId, requestId: `req-voc-${++request}` });
  const finish = (operation: Operation, workerId: number, ns: number[]) =>
    finishWork(env.ports(), {
      ot: '001',
      operation,
      workerId,
      unionKeys: ns.map((n) => `001+${n}`),
      requestId: `req-voc-${++request}`,
    });
  const estado = () =>
    readEstadoDetalle(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === TAG).Estado_Detalle);

  it('reads Estado_Detalle as occupied while a worker holds the spool, and free with each state after', () => {
    start('ARM', 93);
    expect(estado()).toEqual({
      kind: 'occupied',
      worker: 'MR(93)',
      operation: 'ARM',
      arm: 'en progreso',
      sold: 'pendiente',
    });
    expect(finish('ARM', 93, [1]).spools[0]!.action).toBe('PAUSAR');
    expect(estado()).toEqual({ kind: 'free', arm: 'pausado', sold: 'pendiente' });

    start('ARM', 98);
    expect(finish('ARM', 98, [2, 3]).spools[0]!.action).toBe('COMPLETAR');
    expect(estado()).toEqual({ kind: 'free', arm: 'completado', sold: 'pendiente' });

    start('SOLD', 94);
    expect(estado()).toEqual({
      kind: 'occupied',
      worker: 'JP(94)',
      operation: 'SOLD',
      arm: 'completado',
      sold: 'en progreso',
    });
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === TAG).Estado_Detalle).toBe(
      'JP(94) trabajando SOLD (ARM completado, SOLD en progreso)',
    );
    expect(finish('SOLD', 94, [1]).spools[0]!.action).toBe('PAUSAR');
    expect(estado()).toEqual({ kind: 'free', arm: 'completado', sold: 'pausado' });

    start('SOLD', 94);
    expect(finish('SOLD', 94, []).spools[0]!.action).toBe('CANCELAR');
    expect(estado()).toEqual({ kind: 'free', arm: 'completado', sold: 'pausado' });

    start('SOLD', 94);
    expect(finish('SOLD', 94, [2, 3]).spools[0]!.action).toBe('COMPLETAR');
    expect(estado()).toEqual({ kind: 'free', arm: 'completado', sold: 'completado' });
  });

  it('accepts every Metadata row: the spool events, one per union and one batch per FINALIZAR', () => {
    const rows = records(book, 'Metadata');
    const read = rows.map(readMetadataRow);
    expect(read.filter((e) => e.kind === 'rejected' || e.kind === 'ignored')).toEqual([]);
    expect(
      read.map((e) =>
        e.kind === 'spool'
          ? `${e.tipo}/${e.accion}/${e.operacion}`
          : e.kind === 'union'
            ? `${e.tipo}#${e.nUnion}`
            : e.kind === 'batch'
              ? `${e.tipo} ${e.unionIds.join(',')} ${e.pulgadas}`
              : e.kind,
      ),
    ).toEqual([
      'INICIAR_SPOOL/INICIAR/ARM',
      'PAUSAR_SPOOL/PAUSAR/ARM',
      'UNION_ARM_REGISTRADA#1',
      'UNION_ARM_REGISTRADA 001+1 4',
      'INICIAR_SPOOL/INICIAR/ARM',
      'COMPLETAR_ARM/COMPLETAR/ARM',
      'UNION_ARM_REGISTRADA#2',
      'UNION_ARM_REGISTRADA#3',
      'UNION_ARM_REGISTRADA 001+2,001+3 8.5',
      'INICIAR_SPOOL/INICIAR/SOLD',
      'PAUSAR_SPOOL/PAUSAR/SOLD',
      'UNION_SOLD_REGISTRADA#1',
      'UNION_SOLD_REGISTRADA 001+1 4',
      'INICIAR_SPOOL/INICIAR/SOLD',
      'SPOOL_CANCELADO/CANCELAR/SOLD',
      'INICIAR_SPOOL/INICIAR/SOLD',
      'COMPLETAR_SOLD/COMPLETAR/SOLD',
      'UNION_SOLD_REGISTRADA#2',
      'UNION_SOLD_REGISTRADA#3',
      'UNION_SOLD_REGISTRADA 001+2,001+3 8.5',
    ]);
    // A union's Metadata_JSON is exactly {"union_id"}: no request id or anything else in it.
    expect(rows.filter((r) => r.N_UNION !== '').map((r) => r.Metadata_JSON)).toContain(
      '{"union_id":"001+2"}',
    );
    const batch = rows.find((r) => r.Evento_Tipo === 'UNION_ARM_REGISTRADA' && r.N_UNION === '')!;
    expect(batch.Metadata_JSON).toBe('{"union_count":1,"pulgadas":4,"union_ids":["001+1"]}');
  });

  it('makes event 1 of every request a spool-level event carrying the request id', () => {
    const rows = records(book, 'Metadata');
    const firsts = rows.filter((r) => String(r.ID).endsWith('-1'));
    expect(firsts).toHaveLength(request);
    for (const row of firsts) {
      expect(readMetadataRow(row).kind).toBe('spool');
      expect(JSON.parse(String(row.Metadata_JSON)).requestId).toBe(String(row.ID).slice(0, -2));
    }
  });
});
