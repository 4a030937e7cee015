// A spool's history (issue 16 §4): events newest first with their unions folded in, and the sessions.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../../src/app/finishWork';
import { releaseSpool } from '../../../../src/app/panel/releaseSpool';
import { spoolHistory } from '../../../../src/app/panel/spoolHistory';
import { startWork } from '../../../../src/app/startWork';
import { JP, addEvents, spoolEvent, unionEvent } from '../../../support/panel';
import { BACKENDS, NOW, environment, progressBook, tagOf } from '../../../support/tracking';

const HOUR = 3_600_000;
const TAG = tagOf('001');

describe.each(BACKENDS)('apiSpoolHistory (%s)', (backend) => {
  /** 001 armed by MR(93) in two sessions (ours), welded by JP(94) through the web app, then held by CD(98) for SOLD. */
  function story() {
    const book = progressBook({ ots: 2, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book, NOW - 30 * HOUR, backend);
    const take = (workerId: number, operation: 'ARM' | 'SOLD', id: string) =>
      startWork(env.ports(), { tagSpool: TAG, operation, workerId, requestId: id });
    take(93, 'ARM', 'req-h-1');
    env.clock.advance(HOUR);
    finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1', '001+2'],
      requestId: 'req-h-2',
    });
    // Another spool's events in between: not this spool's history.
    startWork(env.ports(), { tagSpool: tagOf('002'), operation: 'ARM', workerId: 93, requestId: 'req-h-3' });
    env.clock.advance(HOUR);
    take(93, 'ARM', 'req-h-4');
    env.clock.advance(30 * 60_000);
    finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+3', '001+4'],
      requestId: 'req-h-5',
    });
    const web = NOW - 20 * HOUR;
    addEvents(book, [
      spoolEvent('web', web, JP, 'SOLD', TAG, 'INICIAR_SPOOL', 'INICIAR'),
      spoolEvent('web', web + HOUR, JP, 'SOLD', TAG, 'PAUSAR_SPOOL', 'PAUSAR'),
      unionEvent('web', web + HOUR, JP, 'SOLD', TAG, '001', 1),
    ]);
    env.clock.set(NOW - 2 * HOUR);
    take(98, 'SOLD', 'req-h-6');
    return { book, env };
  }

  it('lists events newest first with their unions, and every session with how it ended', () => {
    const { env } = story();
    env.clock.set(NOW);
    const history = spoolHistory(env.ports(), { tagSpool: TAG });
    expect(history.events).toEqual([
      {
        at: '22-11-2026 08:00:00',
        type: 'INICIAR_SPOOL',
        accion: 'INICIAR',
        operation: 'SOLD',
        worker: 'CD(98)',
        unions: [],
        release: null,
      },
      {
        at: '21-11-2026 15:00:00',
        type: 'PAUSAR_SPOOL',
        accion: 'PAUSAR',
        operation: 'SOLD',
        worker: 'JP(94)',
        unions: [1],
        release: null,
      },
      {
        at: '21-11-2026 14:00:00',
        type: 'INICIAR_SPOOL',
        accion: 'INICIAR',
        operation: 'SOLD',
        worker: 'JP(94)',
        unions: [],
        release: null,
      },
      {
        at: '21-11-2026 06:30:00',
        type: 'COMPLETAR_ARM',
        accion: 'COMPLETAR',
        operation: 'ARM',
        worker: 'MR(93)',
        unions: [3, 4],
        release: null,
      },
      {
        at: '21-11-2026 06:00:00',
        type: 'INICIAR_SPOOL',
        accion: 'INICIAR',
        operation: 'ARM',
        worker: 'MR(93)',
        unions: [],
        release: null,
      },
      {
        at: '21-11-2026 05:00:00',
        type: 'PAUSAR_SPOOL',
        accion: 'PAUSAR',
        operation: 'ARM',
        worker: 'MR(93)',
        unions: [1, 2],
        release: null,
      },
      {
        at: '21-11-2026 04:00:00',
        type: 'INICIAR_SPOOL',
        accion: 'INICIAR',
        operation: 'ARM',
        worker: 'MR(93)',
        unions: [],
        release: null,
      },
    ]);
    expect(history.sessions).toEqual([
      {
        operation: 'SOLD',
        worker: 'CD(98)',
        from: '22-11-2026 08:00:00',
        to: null,
        minutes: 120,
        outcome: 'abierta',
        release: null,
      },
      {
        operation: 'SOLD',
        worker: 'JP(94)',
        from: '21-11-2026 14:00:00',
        to: '21-11-2026 15:00:00',
        minutes: 60,
        outcome: 'PAUSAR',
        release: null,
      },
      {
        operation: 'ARM',
        worker: 'MR(93)',
        from: '21-11-2026 06:00:00',
        to: '21-11-2026 06:30:00',
        minutes: 30,
        outcome: 'COMPLETAR',
        release: null,
      },
      {
        operation: 'ARM',
        worker: 'MR(93)',
        from: '21-11-2026 04:00:00',
        to: '21-11-2026 05:00:00',
        minutes: 60,
        outcome: 'PAUSAR',
        release: null,
      },
    ]);
    expect(history).toMatchObject({ tagSpool: TAG, truncated: false, warnings: [] });
  });

  it('a release ends the open session as CANCELAR; limit cuts the newest events and says so', () => {
    const { env } = story();
    env.clock.set(NOW);
    releaseSpool(env.ports(), {
      tagSpool: TAG,
      workerId: 96,
      reason: 'turno terminado',
      requestId: 'req-h-7',
    });
    const history = spoolHistory(env.ports(), { tagSpool: TAG, limit: 2 });
    expect(history.events.map((e) => [e.type, e.worker])).toEqual([
      ['SPOOL_CANCELADO', 'PS(96)'],
      ['INICIAR_SPOOL', 'CD(98)'],
    ]);
    expect(history.truncated).toBe(true);
    expect(history.sessions[0]).toEqual({
      operation: 'SOLD',
      worker: 'CD(98)',
      from: '22-11-2026 08:00:00',
      to: '22-11-2026 10:00:00',
      minutes: 120,
      outcome: 'CANCELAR',
      release: { by: 'PS(96)', reason: 'turno terminado' },
    });
    // The release event carries who released and why (its Metadata_JSON), not only its code.
    expect(history.events[0]).toMatchObject({
      type: 'SPOOL_CANCELADO',
      accion: 'CANCELAR',
      release: { by: 'PS(96)', reason: 'turno terminado' },
    });
    expect(history.events[1]!.release).toBeNull();
  });

  it('a spool without events has an empty history', () => {
    const { env } = story();
    expect(spoolHistory(env.ports(), { tagSpool: tagOf('002') }).sessions).toEqual([
      expect.objectContaining({ outcome: 'abierta', worker: 'MR(93)' }),
    ]);
    expect(spoolHistory(env.ports(), { tagSpool: 'NO-EXISTE' })).toEqual({
      tagSpool: 'NO-EXISTE',
      events: [],
      sessions: [],
      truncated: false,
      warnings: [],
    });
  });
});

describe('what apiSpoolHistory costs (SpreadsheetApp)', () => {
  it("one search on TAG_SPOOL and the spool's rows only", () => {
    const book = progressBook({ ots: 2, unionsPerOt: 4, armed: 0, welded: 0 });
    addEvents(book, [
      ...Array.from({ length: 1_000 }, (_, i) =>
        unionEvent('addon', NOW - i * 1_000, JP, 'SOLD', tagOf('002'), '002', 1),
      ),
      spoolEvent('addon', NOW, JP, 'SOLD', TAG, 'INICIAR_SPOOL', 'INICIAR'),
    ]);
    const env = environment(book);
    spoolHistory(env.ports(), { tagSpool: TAG });
    book.calls.reset();
    expect(spoolHistory(env.ports(), { tagSpool: TAG }).events).toHaveLength(1);
    const on = (method: string) =>
      book.calls.calls.filter((c) => c.target === 'Metadata' && c.method === method);
    expect(on('findAll')).toHaveLength(1);
    expect(on('getValues').map((c) => c.cells)).toEqual([11, 11]); // row 1 (cached header checked) and the one event
  });
});

describe('a column inserted in Metadata after its header was cached', () => {
  it('is seen before "no events" is answered from the wrong column', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 2, armed: 0, welded: 0 });
    addEvents(book, [spoolEvent('addon', NOW, JP, 'SOLD', TAG, 'INICIAR_SPOOL', 'INICIAR')]);
    const env = environment(book);
    expect(spoolHistory(env.ports(), { tagSpool: TAG }).events).toHaveLength(1);
    book.sheet('Metadata').insertColumnBefore(2); // Timestamp, TAG_SPOOL, … move one column right
    expect(spoolHistory(env.ports(), { tagSpool: TAG }).events.map((e) => [e.type, e.worker])).toEqual([
      ['INICIAR_SPOOL', 'JP(94)'],
    ]);
  });
});
