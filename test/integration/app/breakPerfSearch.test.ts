// Adversarial review of the one spreadsheet-wide search (issue 15 §1): keys that also appear in other sheets
// and other columns, numeric OTs that collide with union numbers and metrics, regex characters in tags and
// request ids, sheets named with quotes and spaces. No union that exists may be missed and no wrong row used.
import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { startWork } from '../../../src/app/startWork';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { BACKENDS, NOW, environment, records, trackingBook } from '../../support/tracking';

const TAG = 'MK-1.3+(A)';
const REQUEST = 'req.(1)+[x]';

/**
 * OT 8 stored as the number 8 formatted `000` (shows 008), spool MK-1.3+(A) with unions 1..8 (union 8's OT
 * blank), a look-alike spool MK-1x3+(A) of OT 80 whose metric columns hold 8, a user's sheet named with
 * quotes and spaces and a Resumen holding the tag, the OT and the request id's first event id.
 */
function collidingBook(): FakeSpreadsheet {
  const book = trackingBook({
    spools: [
      { ot: '80', tag: 'MK-1x3+(A)', Total_Uniones: 8, Uniones_ARM_Completadas: 8, Pulgadas_ARM: 8 },
      { ot: 'x', tag: TAG },
      { ot: '080', tag: 'MK-1.3+(A)B' },
    ],
    unions: [
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ ot: 'x', n, tag: TAG })),
      { ot: '', n: 8, tag: TAG },
      ...[1, 8].map((n) => ({ ot: '80', n, tag: 'MK-1x3+(A)' })),
      { ot: '080', n: 8, tag: 'MK-1.3+(A)B' },
    ],
  });
  // OT 8 as a number formatted 000 in Operaciones and in the unions of the spool.
  const ops = book.sheet('Operaciones');
  const otCol = ops.dump()[0]!.map(String).indexOf('OT') + 1;
  ops.getRange(3, otCol).setNumberFormat('000');
  ops.getRange(3, otCol).setValue(8);
  const uni = book.sheet('Uniones');
  uni.getRange(2, 2, 7, 1).setNumberFormat('000');
  uni.getRange(2, 2, 7, 1).setValues(Array.from({ length: 7 }, () => [8]));
  book.addSheet("Hoja 'de' Juan (copia)", [
    ['OT', 'TAG_SPOOL', 'ID'],
    ['008', TAG, `${REQUEST}-1`],
    [8, 'MK-1x3+(A)', '8'],
  ]);
  book.addSheet('Resumen', [
    ['Día', 'Trabajador', 'Uniones', 'Pulgadas'],
    ['22-11-2026', TAG, 8, 8],
  ]);
  const meta = book.sheet('Metadata');
  const header = meta.dump()[0]!.map(String);
  meta.appendRow(
    header.map((h) =>
      h === 'ID' ? '008' : h === 'TAG_SPOOL' ? TAG : h === 'N_UNION' ? 8 : h === 'Evento_Tipo' ? 'X' : '',
    ),
  );
  book.calls.reset();
  return book;
}

const unionOf = (book: FakeSpreadsheet, tag: string, n: number) =>
  records(book, 'Uniones').find((r) => r.TAG_SPOOL === tag && r.N_UNION === n)!;

describe.each(BACKENDS)('one spreadsheet-wide search against colliding keys (%s)', (backend) => {
  it('listing OT 008: the spool with regex characters, its 8 unions (one with a blank OT), nothing else', () => {
    const book = collidingBook();
    const env = environment(book, NOW, backend);
    const listing = listUnions(env.ports(), { ot: '008', operation: 'ARM' });
    expect(listing.spools.map((s) => s.tagSpool)).toEqual([TAG]);
    expect(listing.unions.map((u) => u.key)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `008+${n}`));
  });

  it('FINALIZAR with the listed tag and a request id made of regex characters: right rows, right cells', () => {
    const book = collidingBook();
    const env = environment(book, NOW, backend);
    const listing = listUnions(env.ports(), { ot: '008', operation: 'ARM' });
    const others = records(book, 'Uniones').filter((r) => r.TAG_SPOOL !== TAG);
    const ops = records(book, 'Operaciones').filter((r) => r.TAG_SPOOL !== TAG);
    const result = finishWork(env.ports(), {
      ot: '8',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['008+1', '008+8'],
      requestId: REQUEST,
      listedTags: listing.spools.map((s) => s.tagSpool),
    });
    expect(result.updated).toEqual(['008+1', '008+8']);
    expect(result.replayed).toBe(false);
    expect(unionOf(book, TAG, 1).ARM_WORKER).toBe('MR(93)');
    expect(unionOf(book, TAG, 8).ARM_WORKER).toBe('MR(93)');
    expect(unionOf(book, TAG, 2).ARM_WORKER).toBe('');
    // Nothing of the look-alikes changed: not their unions, not their spools, not their metrics.
    expect(records(book, 'Uniones').filter((r) => r.TAG_SPOOL !== TAG)).toEqual(others);
    expect(records(book, 'Operaciones').filter((r) => r.TAG_SPOOL !== TAG)).toEqual(ops);
    const spool = records(book, 'Operaciones').find((r) => r.TAG_SPOOL === TAG)!;
    expect([spool.Total_Uniones, spool.Uniones_ARM_Completadas]).toEqual([8, 2]);
    // Replayed, it is recognised (its event, not the look-alike id in the user's sheet).
    const again = finishWork(env.ports(), {
      ot: '8',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['008+1', '008+8'],
      requestId: REQUEST,
      listedTags: [TAG],
    });
    expect(again.replayed).toBe(true);
  });

  it('INICIAR the spool with regex characters listed under 008: right row, no look-alike touched', () => {
    const book = collidingBook();
    const env = environment(book, NOW, backend);
    const ops = records(book, 'Operaciones').filter((r) => r.TAG_SPOOL !== TAG);
    const result = startWork(env.ports(), {
      tagSpool: TAG,
      operation: 'ARM',
      workerId: 93,
      requestId: `${REQUEST}2`,
      listedOt: '008',
    });
    expect(result).toMatchObject({ tagSpool: TAG });
    expect(records(book, 'Operaciones').find((r) => r.TAG_SPOOL === TAG)!.Ocupado_Por).toBe('MR(93)');
    expect(records(book, 'Operaciones').filter((r) => r.TAG_SPOOL !== TAG)).toEqual(ops);
  });

  it('a duplicated tag row added after the listing is found (CONFLICT, nothing written)', () => {
    const book = collidingBook();
    const env = environment(book, NOW, backend);
    listUnions(env.ports(), { ot: '008', operation: 'ARM' });
    const ops = book.sheet('Operaciones');
    const header = ops.dump()[0]!.map(String);
    ops.appendRow(header.map((h) => (h === 'TAG_SPOOL' ? TAG : h === 'OT' ? "'999" : '')));
    const before = ['Operaciones', 'Uniones'].map((s) => book.sheet(s).dump());
    expect(() =>
      startWork(env.ports(), {
        tagSpool: TAG,
        operation: 'ARM',
        workerId: 93,
        requestId: 'req-bp-dup',
        listedOt: '008',
      }),
    ).toThrow(/CONFLICT/);
    expect(['Operaciones', 'Uniones'].map((s) => book.sheet(s).dump())).toEqual(before);
  });
});
