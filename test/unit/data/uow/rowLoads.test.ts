import { describe, expect, it } from 'vitest';
import { StaleHeaderError } from '../../../../src/data/uow/headerCheck';
import { loadRows } from '../../../../src/data/uow/rowLoads';
import { SheetReader } from '../../../../src/data/uow/sheetReader';
import { FakeCache } from '../../../../src/memory/fakeServices';
import { SPEC, cacheFor, unionesBook } from './fixtures';

describe('loadRows', () => {
  it('reads only the rows asked for, as one block, and not again', () => {
    const { book, port } = unionesBook();
    const reader = new SheetReader(port, undefined);
    reader.headerOf('Uniones');
    book.calls.reset();
    loadRows(reader, [{ spec: SPEC, rows: [4, 3] }]);
    loadRows(reader, [{ spec: SPEC, rows: [3] }]);
    expect(book.calls.log.filter((c) => c.includes('getValues'))).toEqual(['Uniones.getValues 2x3']);
    expect([...reader.partial.get('Uniones')!.keys()].sort()).toEqual([3, 4]);
    const table = reader.partialTable(SPEC);
    expect(table.dataRows().map((r) => [r.rowNumber, table.get(r, 'N_UNION')])).toEqual([
      [3, 2],
      [4, 3],
    ]);
  });

  it('throws StaleHeaderError and drops the cached header when a column was inserted by hand', () => {
    const { book, port } = unionesBook();
    const store = new FakeCache(() => 0, book.calls);
    const warm = cacheFor(book, store);
    new SheetReader(port, warm).prefetch([], ['Uniones']);
    warm.save();
    book.sheet('Uniones').insertColumnBefore(2);
    book.sheet('Uniones').getRange(1, 2).setValue('Nueva');
    const reader = new SheetReader(port, cacheFor(book, store));
    expect(() => loadRows(reader, [{ spec: SPEC, rows: [2] }])).toThrow(StaleHeaderError);
    expect(store.getAll(['sut:v1:header:Uniones'])).toEqual({});
  });

  it('refuses rows of a sheet whose table was already handed out', () => {
    const { port } = unionesBook();
    const reader = new SheetReader(port, undefined);
    reader.table(SPEC);
    expect(() => loadRows(reader, [{ spec: SPEC, rows: [2] }])).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });
});
