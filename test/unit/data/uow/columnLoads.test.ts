import { describe, expect, it } from 'vitest';
import { loadColumns } from '../../../../src/data/uow/columnLoads';
import { SheetReader } from '../../../../src/data/uow/sheetReader';
import { FakeCache } from '../../../../src/memory/fakeServices';
import { SPEC, cacheFor, unionesBook } from './fixtures';

describe('loadColumns', () => {
  it('reads the chosen columns over every used row, leaves the others blank, refuses writes to them', () => {
    const { book, port } = unionesBook(3);
    book.sheet('Uniones').getRange(3, 3).setValue('X');
    const reader = new SheetReader(port, undefined);
    book.calls.reset();
    loadColumns(reader, [{ spec: SPEC, columns: ['OT', ['SOLD', 'N_UNION']] }]);
    expect(book.calls.log.filter((c) => c.includes('getValues'))).toEqual([
      'Uniones.getValues 1x3', // the header
      'Uniones.getValues 4x2', // OT and N_UNION, rows 1..4
    ]);
    expect(reader.partial.get('Uniones')!.get(3)).toEqual(['001', 2, '']);
    expect(() => reader.valuesAsRead('Uniones', [{ row: 3, col: 3, value: 'Y' }])).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });

  it('reads the header fresh and the columns again when the cached header moved a column', () => {
    const { book, port } = unionesBook(2);
    const store = new FakeCache(() => 0, book.calls);
    const warm = cacheFor(book, store);
    new SheetReader(port, warm).prefetch([], ['Uniones']);
    warm.save();
    book.sheet('Uniones').insertColumnBefore(1);
    book.sheet('Uniones').getRange(1, 1).setValue('Nueva');
    const reader = new SheetReader(port, cacheFor(book, store));
    loadColumns(reader, [{ spec: SPEC, columns: ['N_UNION'] }]);
    expect(reader.headerOf('Uniones')).toEqual(['Nueva', 'OT', 'N_UNION', 'ARM']);
    expect(reader.partial.get('Uniones')!.get(3)).toEqual(['', '', 2, '']);
  });
});
