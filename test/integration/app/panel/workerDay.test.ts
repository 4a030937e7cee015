// A worker's day (issue 16 §3) from Metadata, whoever wrote the events, with pulgadas from Uniones' DN_UNION.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../../src/app/finishWork';
import { workerDay } from '../../../../src/app/panel/workerDay';
import { startWork } from '../../../../src/app/startWork';
import { instantToSerial } from '../../../../src/domain/dates';
import { failure } from '../../../support/failure';
import { JP, MR, addEvents, addRawRows, batchEvent, spoolEvent, unionEvent } from '../../../support/panel';
import { BACKENDS, NOW, TZ, environment, progressBook, tagOf } from '../../../support/tracking';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** OTs 001–003, 4 unions each (DN 4.5, 6, 8, 10), nothing armed. */
const shop = () => progressBook({ ots: 3, unionsPerOt: 4, armed: 0, welded: 0 });

describe.each(BACKENDS)('apiWorkerDay (%s)', (backend) => {
  it("counts this add-on's and the other system's events, each union once, the batch summary as none", () => {
    const book = shop();
    const env = environment(book, NOW - 2 * HOUR, backend);
    // Ours: MR(93) arms 001+1 and 001+2 at 08:00.
    startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-day-start',
    });
    finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1', '001+2'],
      requestId: 'req-day-fin',
    });
    // The web app: MR(93) (Worker_ID blank) names 001+2 again at 09:00, arms 002+3 and 002+4, then welds 003+1.
    const at9 = NOW - HOUR;
    addEvents(book, [
      unionEvent('web', at9, MR, 'ARM', tagOf('001'), '001', 2),
      spoolEvent('web', at9 + MINUTE, MR, 'ARM', tagOf('002'), 'PAUSAR_SPOOL', 'PAUSAR'),
      unionEvent('web', at9 + MINUTE, MR, 'ARM', tagOf('002'), '002', 3),
      unionEvent('web', at9 + MINUTE, MR, 'ARM', tagOf('002'), '002', 4),
      batchEvent('web', at9 + MINUTE, MR, 'ARM', tagOf('002'), '002', [3, 4]),
      unionEvent('web', at9 + 30 * MINUTE, MR, 'SOLD', tagOf('003'), '003', 1),
      // Another worker's, and MR(93)'s of the day before: not counted.
      unionEvent('web', at9, JP, 'SOLD', tagOf('003'), '003', 2),
      unionEvent('addon', NOW - 24 * HOUR, MR, 'ARM', tagOf('003'), '003', 3),
    ]);
    env.clock.set(NOW);
    const day = workerDay(env.ports(), { workerId: 93 });
    expect(day).toEqual({
      worker: { id: 93, label: 'MR(93)' },
      date: '22-11-2026',
      entries: [
        {
          tagSpool: tagOf('001'),
          ot: '001',
          operation: 'ARM',
          unions: [1, 2],
          pulgadas: 10.5,
          at: '22-11-2026 09:00:00',
        },
        {
          tagSpool: tagOf('002'),
          ot: '002',
          operation: 'ARM',
          unions: [3, 4],
          pulgadas: 18,
          at: '22-11-2026 09:01:00',
        },
        {
          tagSpool: tagOf('003'),
          ot: '003',
          operation: 'SOLD',
          unions: [1],
          pulgadas: 4.5,
          at: '22-11-2026 09:30:00',
        },
      ],
      totals: { ARM: { unions: 4, pulgadas: 28.5 }, SOLD: { unions: 1, pulgadas: 4.5 } },
      warnings: [],
    });
    expect(workerDay(env.ports(), { workerId: 93, date: '21-11-2026' }).entries).toEqual([
      {
        tagSpool: tagOf('003'),
        ot: '003',
        operation: 'ARM',
        unions: [3],
        pulgadas: 8,
        at: '21-11-2026 10:00:00',
      },
    ]);
  });

  it('names a Timestamp it cannot read, a DN it cannot read, and refuses a day that does not exist', () => {
    const book = shop();
    book.sheet('Uniones').writeBlock(3, 5, [['tres']], true); // 001+2's DN_UNION
    addEvents(book, [unionEvent('addon', NOW, MR, 'ARM', tagOf('001'), '001', 2)]);
    addRawRows(book, [
      {
        ID: 'x-1',
        Timestamp: '22-11-2026 25:00:00',
        Evento_Tipo: 'UNION_ARM_REGISTRADA',
        TAG_SPOOL: tagOf('001'),
        Worker_ID: 93,
        Operacion: 'ARM',
        Accion: 'COMPLETAR',
        N_UNION: 3,
      },
    ]);
    const env = environment(book, NOW, backend);
    const day = workerDay(env.ports(), { workerId: 93, date: '22-11-2026' });
    expect(day.entries).toEqual([
      {
        tagSpool: tagOf('001'),
        ot: '001',
        operation: 'ARM',
        unions: [2],
        pulgadas: 0,
        at: '22-11-2026 10:00:00',
      },
    ]);
    expect(day.warnings).toEqual([
      'Metadata!B3 (Timestamp): fecha inválida "22-11-2026 25:00:00" — ese registro no se cuenta.',
      'Uniones!E3 (DN_UNION): no es un número: "tres" — sus pulgadas no se cuentan.',
    ]);
    expect(failure(() => workerDay(env.ports(), { workerId: 93, date: '31-02-2026' })).message).toBe(
      'VALIDATION: La fecha 31-02-2026 no existe (se espera DD-MM-AAAA).',
    );
    expect(failure(() => workerDay(env.ports(), { workerId: 12345 })).message).toBe(
      'NOT_FOUND: No existe el trabajador con Id 12345.',
    );
  });
});

describe('a day crossing a DST change of America/Santiago', () => {
  /** Union events of MR(93) at the given instants, as Dates (the web app) and as serial numbers. */
  function atInstants(instants: number[]) {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 0, welded: 0 });
    addEvents(
      book,
      instants.map((t, i) => unionEvent('web', t, MR, 'ARM', tagOf('001'), '001', i + 1)),
    );
    return book;
  }

  it('04-04-2026 has 25 hours: the second 23:30 counts on it, 00:30 of the 5th does not', () => {
    const instants = [
      Date.parse('2026-04-04T03:30:00Z'), // 04-04 00:30 (-03)
      Date.parse('2026-04-05T02:30:00Z'), // 04-04 23:30 (-03), first time
      Date.parse('2026-04-05T03:30:00Z'), // 04-04 23:30 (-04), again after the clocks went back
      Date.parse('2026-04-05T04:30:00Z'), // 05-04 00:30 (-04)
    ];
    const book = atInstants(instants);
    // The same four as serial numbers (wall time) in the rows below.
    addRawRows(
      book,
      instants.map((t, i) => ({
        ID: `s-${i}`,
        Timestamp: instantToSerial(t, TZ),
        Evento_Tipo: 'UNION_SOLD_REGISTRADA',
        TAG_SPOOL: tagOf('001'),
        Worker_ID: 93,
        Operacion: 'SOLD',
        Accion: 'COMPLETAR',
        N_UNION: i + 5,
      })),
    );
    const env = environment(book, Date.parse('2026-04-06T15:00:00Z'));
    const day = workerDay(env.ports(), { workerId: 93, date: '04-04-2026' });
    expect(day.entries.map((e) => [e.operation, e.unions, e.at])).toEqual([
      // A serial number is wall time: its 23:30 is read as the first one, so SOLD's last record comes first.
      ['SOLD', [5, 6, 7], '04-04-2026 23:30:00'],
      ['ARM', [1, 2, 3], '04-04-2026 23:30:00'],
    ]);
    expect(workerDay(env.ports(), { workerId: 93, date: '05-04-2026' }).entries.map((e) => e.unions)).toEqual(
      [[4], [8]],
    );
  });

  it('06-09-2026 has 23 hours: 23:30 counts on it, 00:30 of the 7th does not', () => {
    const book = atInstants([
      Date.parse('2026-09-06T04:30:00Z'), // 06-09 01:30 (-03), the first hour that exists
      Date.parse('2026-09-07T02:30:00Z'), // 06-09 23:30 (-03)
      Date.parse('2026-09-07T03:30:00Z'), // 07-09 00:30 (-03): 24 hours after 06-09 00:30 would be
    ]);
    const env = environment(book, Date.parse('2026-09-08T15:00:00Z'));
    expect(workerDay(env.ports(), { workerId: 93, date: '06-09-2026' }).entries.map((e) => e.unions)).toEqual(
      [[1, 2]],
    );
    expect(workerDay(env.ports(), { workerId: 93, date: '07-09-2026' }).entries.map((e) => e.unions)).toEqual(
      [[3]],
    );
  });
});

describe('what apiWorkerDay costs (SpreadsheetApp)', () => {
  it("reads the day's rows of Metadata and the worker's spools' rows of Uniones, never a column", () => {
    const book = shop();
    const older = Array.from({ length: 1_000 }, (_, i) =>
      unionEvent('addon', NOW - 48 * HOUR + i * 10_000, JP, 'SOLD', tagOf('003'), '003', 1),
    );
    addEvents(book, [...older, unionEvent('addon', NOW, MR, 'ARM', tagOf('001'), '001', 1)]);
    const env = environment(book);
    workerDay(env.ports(), { workerId: 93 });
    book.calls.reset();
    workerDay(env.ports(), { workerId: 93 });
    const on = (sheet: string, method: string) =>
      book.calls.calls.filter((c) => c.target === sheet && c.method === method);
    expect(on('Metadata', 'findAll')).toHaveLength(1);
    // The cached header checked (row 1) and the day's one row: 2 × 11 cells, not 1,002 rows.
    expect(on('Metadata', 'getValues').map((c) => c.cells)).toEqual([11, 11]);
    expect(on('Uniones', 'findAll')).toHaveLength(1);
    expect(on('Uniones', 'getValues').reduce((n, c) => n + c.cells, 0)).toBe(5 * 4); // row 1 and 001's 4 rows, OT … DN_UNION only
  });
});

describe('a column inserted in Uniones after its header was cached', () => {
  it('is seen before any DN is read from the wrong column', () => {
    const book = shop();
    addEvents(book, [unionEvent('addon', NOW, MR, 'ARM', tagOf('002'), '002', 4)]);
    const env = environment(book);
    expect(workerDay(env.ports(), { workerId: 93 }).totals.ARM.pulgadas).toBe(10);
    book.sheet('Uniones').insertColumnBefore(4); // before TAG_SPOOL: TAG_SPOOL and DN_UNION move right
    const day = workerDay(env.ports(), { workerId: 93 });
    expect(day.entries.map((e) => [e.tagSpool, e.unions, e.pulgadas])).toEqual([[tagOf('002'), [4], 10]]);
    expect(day.warnings).toEqual([]);
  });
});

describe('a Metadata sheet whose first ten headers are in lower case (design §2)', () => {
  it('is read by header name all the same', () => {
    const book = shop();
    addEvents(book, [unionEvent('web', NOW, MR, 'SOLD', tagOf('001'), '001', 3)]);
    const header = book.sheet('Metadata').readBlock(1, 1, 1, 11)[0]!;
    book
      .sheet('Metadata')
      .writeBlock(1, 1, [header.map((h, i) => (i < 10 ? String(h).toLowerCase() : h))], true);
    const env = environment(book);
    expect(workerDay(env.ports(), { workerId: 93 }).totals.SOLD).toEqual({ unions: 1, pulgadas: 8 });
  });
});
