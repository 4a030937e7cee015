import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { startWork } from '../../../src/app/startWork';
import { FakeLock } from '../../../src/memory/fakeServices';
import {
  armRequest,
  environment,
  progressBook,
  records,
  rowOf,
  whileWaitingForLock,
} from '../../support/tracking';
import { failure } from '../../support/failure';

describe('FINALIZAR with a mixed selection', () => {
  it('records the disponible unions and skips the rest with a reason each', () => {
    const book = progressBook({ ots: 2, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const result = finishWork(
      env.ports(),
      armRequest(['001+8', '001+1', '001+99', '002+9', '001+8'], 'req-partial-1'),
    );
    expect(result.updated).toEqual(['001+8']);
    expect(result.skipped).toEqual([
      { key: '001+1', reason: 'Ya armada por MR(93) el 01-11-2026 09:00:00.' },
      { key: '001+99', reason: 'No existe esa unión.' },
      { key: '002+9', reason: 'Pertenece a la OT 002, no a la 001.' },
    ]);
    expect(result.spools.map((s) => s.action)).toEqual(['PAUSAR']);
    expect(rowOf(book, 'Uniones', (r) => r.OT === '002' && r.N_UNION === 9).ARM_WORKER).toBe('');
    const spoolEvent = records(book, 'Metadata').find((e) => e.Evento_Tipo === 'PAUSAR_SPOOL')!;
    expect(JSON.parse(String(spoolEvent.Metadata_JSON)).skipped).toHaveLength(3);
  });

  it('CANCELAR releases a spool the worker took and selected nothing on', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-cancel-1' });
    const result = finishWork(env.ports(), armRequest([], 'req-cancel-2'));
    expect(result.spools.map((s) => s.action)).toEqual(['CANCELAR']);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001')).toMatchObject({
      Ocupado_Por: '',
      Fecha_Ocupacion: '',
    });
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['INICIAR_SPOOL', 'SPOOL_CANCELADO']);
  });

  it('does not record on a spool another worker holds', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 98, requestId: 'req-held-1' });
    const result = finishWork(env.ports(), armRequest(['001+8'], 'req-held-2'));
    expect(result.updated).toEqual([]);
    expect(result.skipped).toEqual([{ key: '001+8', reason: 'El spool está ocupado por CD(98).' }]);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Ocupado_Por).toBe('CD(98)');
  });
});

describe('two FINALIZARs on the same OT', () => {
  it('a stale version token is a CONFLICT and writes nothing', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    const versions = Object.fromEntries(listed.unions.map((u) => [u.key, u.version]));

    finishWork(env.ports(), armRequest(['001+9'], 'req-first-1', 98));
    const before = book.sheet('Uniones').dump();
    const error = failure(() =>
      finishWork(env.ports(), {
        ot: '001',
        operation: 'ARM',
        workerId: 93,
        unionKeys: ['001+8', '001+9'],
        requestId: 'req-second-1',
        versions,
      }),
    );
    expect(error.message).toBe(
      'CONFLICT: Las uniones 001+9 cambiaron desde que se cargó la lista; recárguela y vuelva a seleccionar.',
    );
    expect(book.sheet('Uniones').dump()).toEqual(before);
  });

  it('a hand edit of a union also changes its token', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const token = listUnions(env.ports(), { ot: '001', operation: 'ARM' }).unions.find(
      (u) => u.key === '001+8',
    )!.version;
    book.sheet('Uniones').getRange(9, 9).setValue('XX(1)'); // someone types a worker into ARM_WORKER of union 8
    const again = listUnions(env.ports(), { ot: '001', operation: 'ARM' }).unions.find(
      (u) => u.key === '001+8',
    )!.version;
    expect(again).not.toBe(token);
  });

  it('the second waits for the lock, re-reads, and loses no update', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    let aResult: ReturnType<typeof finishWork> | null = null;
    // Execution A holds the lock and records 8 and 9 while B waits.
    whileWaitingForLock(env, () => {
      aResult = finishWork(env.ports(), armRequest(['001+8', '001+9'], 'req-a-0001', 98));
    });
    const b = finishWork(env.ports(), armRequest(['001+9', '001+10'], 'req-b-0001'));
    expect(aResult!.updated).toEqual(['001+8', '001+9']);
    expect(b.updated).toEqual(['001+10']);
    expect(b.skipped[0]!.key).toBe('001+9');
    expect(b.skipped[0]!.reason).toMatch(/^Ya armada por CD\(98\)/);
    const workers = records(book, 'Uniones').map((u) => u.ARM_WORKER);
    expect(workers.slice(7)).toEqual(['CD(98)', 'CD(98)', 'MR(93)']);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001')).toMatchObject({
      Uniones_ARM_Completadas: 10,
      Estado_Detalle: 'Disponible - ARM completado, SOLD pausado',
    });
  });

  it('BUSY when the lock cannot be had', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    new FakeLock(env.lockService.state).tryLock(0);
    const error = failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-busy-1')));
    expect(error.message).toMatch(/^BUSY: Otro usuario está registrando/);
  });
});

describe('a replayed request', () => {
  it('writes nothing twice and returns the first result', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const request = armRequest(['001+8'], 'req-replay-1');
    const first = finishWork(env.ports(), request);
    const sheets = () => ['Uniones', 'Operaciones', 'Metadata'].map((s) => book.sheet(s).dump());
    const after = sheets();
    env.clock.advance(60_000);
    const second = finishWork(env.ports(), request);
    expect(second).toEqual({ ...first, replayed: true });
    expect(first.replayed).toBe(false);
    expect(sheets()).toEqual(after);
  });
});

describe('a replay that arrives while the first request holds the lock', () => {
  it('waits, sees the first result, and writes nothing twice', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const request = armRequest(['001+8'], 'req-race-1');
    let first: ReturnType<typeof finishWork> | null = null;
    whileWaitingForLock(env, () => {
      first = finishWork(env.ports(), request);
    });
    const second = finishWork(env.ports(), request);
    expect(first!.replayed).toBe(false);
    expect(second).toEqual({ ...first!, replayed: true });
    expect(
      records(book, 'Metadata').filter((e) => e.Evento_Tipo === 'UNION_ARM_REGISTRADA' && e.N_UNION !== ''),
    ).toHaveLength(1);
  });
});
