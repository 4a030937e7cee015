// A key column holding a huge text (a paste gone wrong: up to 50,000 characters fit in a cell) must not
// fail every request of the OT: such a text is not searched for as a key (rowLocator MAX_KEY_CHARS).
import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { armRequest, environment, progressBook, rowOf } from '../../support/tracking';

describe('a key cell holding 50,000 characters', () => {
  it('the OT is still listed and recorded; the union whose TAG_SPOOL is the huge text is left out', () => {
    const book = progressBook({ ots: 2, unionsPerOt: 3, armed: 0, welded: 0 });
    const uniones = book.sheet('Uniones');
    const header = uniones.dump()[0]!.map(String);
    uniones.getRange(3, header.indexOf('TAG_SPOOL') + 1).setValue('X'.repeat(50_000));
    const env = environment(book);
    expect(
      listUnions(env.ports(), { ot: '001', operation: 'ARM' })
        .unions.map((u) => u.key)
        .sort(),
    ).toEqual(['001+1', '001+2', '001+3']);
    const result = finishWork(env.ports(), armRequest(['001+1', '001+3'], 'req-long-1'));
    expect(result.updated).toEqual(['001+1', '001+3']);
    expect(rowOf(book, 'Uniones', (r) => r.N_UNION === 1 && r.OT === '001').ARM_WORKER).toBe('MR(93)');
  });
});
