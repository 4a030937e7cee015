// Issue 9: requests read only the OT's rows, found afresh every time. Each scenario changes the sheet by hand
// the way a shop does, checks what the request returns and the cells it leaves, and shows that a location
// remembered from before the change (trusted without verification) would have missed or misplaced a union.

import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import type { Cell } from '../../../src/domain/cell';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import {
  BACKENDS,
  armRequest,
  environment,
  records,
  tagOf,
  trackingBook,
  type UnionSpec,
} from '../../support/tracking';

/** `count` unions of filler OTs (100, 101, …), 20 a spool: rows that are not OT 001's. */
function filler(first: number, count: number): UnionSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    ot: String(first + Math.floor(i / 20)),
    n: (i % 20) + 1,
  }));
}

/**
 * OT 001's nine unions in three blocks of three, 300 filler rows apart (too far to read as one block),
 * with five filler rows above the first block.
 */
function threeBlocks(extra: UnionSpec[] = []) {
  const unions: UnionSpec[] = [
    ...filler(200, 5),
    { ot: '001', n: 1 },
    { ot: '001', n: 2 },
    { ot: '001', n: 3 },
    ...filler(100, 300),
    { ot: '001', n: 4 },
    { ot: '001', n: 5 },
    { ot: '001', n: 6 },
    ...filler(120, 300),
    { ot: '001', n: 7 },
    { ot: '001', n: 8 },
    { ot: '001', n: 9 },
    ...extra,
  ];
  const ots = [...new Set(unions.map((u) => u.ot))];
  return trackingBook({ spools: ots.map((ot) => ({ ot, tag: tagOf(ot) })), unions });
}

const nine = Array.from({ length: 9 }, (_, i) => `001+${i + 1}`);

/** Keys ("OT+N") of Uniones rows whose ARM_WORKER is filled, in sheet order. */
function armed(book: FakeSpreadsheet): string[] {
  return records(book, 'Uniones')
    .filter((r) => r.ARM_WORKER !== '')
    .map((r) => `${String(r.OT)}+${String(r.N_UNION)}`);
}

/** What a remembered location would find: the keys the rows at `rowNumbers` hold now (OT as the cell shows it). */
function atRows(book: FakeSpreadsheet, rowNumbers: readonly number[]): string[] {
  const all = records(book, 'Uniones');
  return rowNumbers.map((row) => {
    const r = all[row - 2];
    return r ? `${String(r.OT)}+${String(r.N_UNION)}` : '(no row)';
  });
}

const insertUnionRow = (book: FakeSpreadsheet, after: number, values: Record<string, Cell>) => {
  const sheet = book.sheet('Uniones');
  sheet.insertRowsAfter(after, 1);
  const header = sheet.dump()[0]!.map(String);
  sheet.getRange(after + 1, 1, 1, header.length).setValues([header.map((h) => values[h] ?? '')]);
};

describe.each(BACKENDS)('targeted reads (%s)', (backend) => {
  it("an OT whose unions sit in three separate blocks: all listed and recorded, only the OT's rows read", () => {
    const book = threeBlocks();
    const env = environment(book, undefined, backend);
    env.resetCalls();
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions.map((u) => u.key)).toEqual(nine);
    expect(listed.unions.map((u) => u.rowNumber)).toEqual([7, 8, 9, 310, 311, 312, 613, 614, 615]);
    // 615 Uniones rows of 17 columns and 40 Operaciones rows: the listing reads a few hundred cells.
    expect(env.price().cellsRead).toBeLessThan(1_500);
    const result = finishWork(env.ports(), armRequest(nine, 'req-blocks-1'));
    expect(result.updated).toEqual(nine);
    expect(result.spools).toEqual([expect.objectContaining({ tagSpool: 'SP-001', action: 'COMPLETAR' })]);
    expect(armed(book)).toEqual(nine);
    // Trusted without verification, a location that takes an OT's rows as one run from its first match
    // (rows 7–9) would miss the other two blocks.
    expect(atRows(book, [7, 8, 9])).toEqual(['001+1', '001+2', '001+3']);
  });

  it('a union row inserted by hand between the listing and FINALIZAR is found, and every write lands on its row', () => {
    const book = threeBlocks();
    const env = environment(book, undefined, backend);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    const remembered = listed.unions.map((u) => u.rowNumber);
    // A supervisor inserts union 001+10 by hand in the middle of the first block.
    insertUnionRow(book, 8, { OT: "'001", N_UNION: 10, TAG_SPOOL: 'SP-001', DN_UNION: 8, TIPO_UNION: 'BW' });
    const keys = [...nine, '001+10'];
    const result = finishWork(env.ports(), armRequest(keys, 'req-insert-1'));
    expect(result.updated).toEqual(keys);
    expect(armed(book)).toEqual([
      '001+1',
      '001+2',
      '001+10',
      '001+3',
      '001+4',
      '001+5',
      '001+6',
      '001+7',
      '001+8',
      '001+9',
    ]);
    // The rows remembered from the listing now hold other rows: written there, 001+3 would be missed and
    // the union pushed into row 9 recorded in its place.
    const trusted = atRows(book, remembered);
    expect(trusted).not.toContain('001+3');
    expect(trusted.slice(0, 3)).toEqual(['001+1', '001+2', '001+10']);
  });

  it('a row deleted above the OT: the writes follow the rows up, the filler rows stay untouched', () => {
    const book = threeBlocks();
    const env = environment(book, undefined, backend);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    const remembered = listed.unions.map((u) => u.rowNumber);
    book.sheet('Uniones').deleteRows(2, 1);
    const result = finishWork(env.ports(), armRequest(nine, 'req-delete-1'));
    expect(result.updated).toEqual(nine);
    expect(armed(book)).toEqual(nine);
    // Writing at the remembered rows would have hit a filler union below each block.
    expect(atRows(book, remembered)).toContain('100+1');
  });

  it('an OT edited by hand on one union row: the row now belongs to the OT and is recorded', () => {
    const book = threeBlocks([{ ot: '003', n: 10 }]);
    const env = environment(book, undefined, backend);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions.map((u) => u.key)).toEqual(nine);
    const row = records(book, 'Uniones').findIndex((r) => r.OT === '003') + 2;
    // A supervisor moves that union to spool SP-001 by hand, OT and tag: it is 001's tenth union.
    book
      .sheet('Uniones')
      .getRange(row, 2, 1, 3)
      .setValues([["'001", 10, 'SP-001']]);
    const result = finishWork(env.ports(), armRequest(['001+10'], 'req-edit-1'));
    expect(result.updated).toEqual(['001+10']);
    expect(armed(book)).toEqual(['001+10']);
    // The rows remembered from the listing do not include it.
    expect(
      atRows(
        book,
        listed.unions.map((u) => u.rowNumber),
      ),
    ).not.toContain('001+10');
  });

  it('a union row with a blank OT is found through its TAG_SPOOL', () => {
    const book = threeBlocks([{ ot: '', n: 12, tag: 'SP-001' }]);
    const env = environment(book, undefined, backend);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions.map((u) => u.key)).toEqual([...nine, '001+12']);
    const result = finishWork(env.ports(), armRequest(['001+12'], 'req-blank-1'));
    expect(result.updated).toEqual(['001+12']);
    expect(records(book, 'Uniones').filter((r) => r.ARM_WORKER !== '')).toEqual([
      expect.objectContaining({ OT: '', N_UNION: 12, TAG_SPOOL: 'SP-001', ARM_WORKER: 'MR(93)' }),
    ]);
    // A location found by the OT column alone would miss it.
    const byOt = records(book, 'Uniones').flatMap((r, i) => (r.OT === '001' ? [i + 2] : []));
    expect(atRows(book, byOt)).not.toContain('+12');
    expect(byOt).not.toContain(
      records(book, 'Uniones').findIndex((r) => r.N_UNION === 12 && r.OT === '') + 2,
    );
  });

  it('a worker added by hand records at once, and shows in the worker list within the cache minute', () => {
    const book = threeBlocks();
    const env = environment(book, undefined, backend);
    expect(bootstrap(env.ports()).workers.map((w) => w.id)).not.toContain(99);
    book.sheet('Trabajadores').appendRow([99, 'Rosa', 'Vega', 'SI']);
    book.sheet('Roles').appendRow([99, 'Armador', 'SI']);
    // The cached list, trusted without verification, does not know her yet …
    expect(bootstrap(env.ports()).workers.map((w) => w.id)).not.toContain(99);
    // … but a request naming her checks the sheets again when the cache misses.
    const result = finishWork(env.ports(), armRequest(['001+1'], 'req-worker-1', 99));
    expect(result.updated).toEqual(['001+1']);
    expect(records(book, 'Uniones').find((r) => r.N_UNION === 1 && r.OT === '001')!.ARM_WORKER).toBe(
      'RV(99)',
    );
    env.clock.advance(60_001);
    expect(bootstrap(env.ports()).workers.map((w) => w.id)).toContain(99);
  });

  it('a column inserted by hand while the header is cached: the request reads it again and writes the right cells', () => {
    const book = threeBlocks();
    const env = environment(book, undefined, backend);
    listUnions(env.ports(), { ot: '001', operation: 'ARM' }); // the headers are now in the cache
    const sheet = book.sheet('Uniones');
    sheet.insertColumnBefore(7); // before ARM_FECHA_INICIO
    sheet.getRange(1, 7).setValue('Notas');
    const result = finishWork(env.ports(), armRequest(['001+1'], 'req-column-1'));
    expect(result.updated).toEqual(['001+1']);
    const row = records(book, 'Uniones').find((r) => r.OT === '001' && r.N_UNION === 1)!;
    expect(row).toMatchObject({ Notas: '', ARM_WORKER: 'MR(93)' });
    expect(row.ARM_FECHA_FIN).not.toBe('');
  });
});
