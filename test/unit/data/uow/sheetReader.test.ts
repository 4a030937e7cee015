import { describe, expect, it } from 'vitest';
import { SheetReader } from '../../../../src/data/uow/sheetReader';
import { FakeCache } from '../../../../src/memory/fakeServices';
import { HEADER, SPEC, cacheFor, unionesBook } from './fixtures';

describe('SheetReader', () => {
  it('reads a sheet once however often its table is asked for', () => {
    const { book, port } = unionesBook(3);
    const reader = new SheetReader(port, undefined);
    const table = reader.table(SPEC);
    expect(reader.table(SPEC)).toBe(table);
    expect(table.dataRows().map((r) => table.get(r, 'N_UNION'))).toEqual([1, 2, 3]);
    expect(book.calls.log.filter((c) => c.includes('.getValues'))).toHaveLength(1);
  });

  it('reads a header alone once, finds columns in it and refuses a missing sheet with SCHEMA', () => {
    const { book, port } = unionesBook();
    const reader = new SheetReader(port, undefined);
    expect(reader.columnOf('Uniones', 'arm')).toBe(2);
    expect(reader.columnOf('Uniones', 'SOLD')).toBe(-1);
    expect(reader.headerOf('Uniones')).toEqual(HEADER);
    expect(book.calls.log.filter((c) => c.includes('.getValues'))).toEqual(['Uniones.getValues 1x3']);
    expect(() => reader.table({ ...SPEC, sheet: 'Nada' })).toThrow(
      expect.objectContaining({ code: 'SCHEMA' }),
    );
  });

  it('takes the time zone and a header from the cache without a sheet call, marking the header unverified', () => {
    const { book, port } = unionesBook();
    const store = new FakeCache(() => 0, book.calls);
    const first = cacheFor(book, store);
    new SheetReader(port, first).prefetch([], ['Uniones']);
    new SheetReader(port, first).timeZone();
    first.save();
    book.calls.reset();
    const reader = new SheetReader(port, cacheFor(book, store));
    expect(reader.timeZone()).toBe('America/Santiago');
    reader.prefetch([], ['Uniones']);
    expect(reader.headers.get('Uniones')).toEqual(HEADER);
    expect(reader.unverified.has('Uniones')).toBe(true);
    expect(book.calls.log).toEqual(['(cache).getAll']);
  });

  it('refuses a write to a row a targeted read did not read, and gives the read value of one it did', () => {
    const { port } = unionesBook();
    const reader = new SheetReader(port, undefined);
    reader.loadRows([{ spec: SPEC, rows: [3] }]);
    expect(reader.valuesAsRead('Uniones', [{ row: 3, col: 2, value: 9 }])({ row: 3, col: 2, value: 9 })).toBe(
      2,
    );
    expect(() => reader.valuesAsRead('Uniones', [{ row: 5, col: 2, value: 9 }])).toThrow(
      expect.objectContaining({ code: 'INTERNAL', details: expect.objectContaining({ rows: [5] }) }),
    );
  });

  it('drops what it read of a sheet on forget, and tells the hook', () => {
    const { book, port } = unionesBook();
    const forgotten: string[] = [];
    const reader = new SheetReader(port, undefined, (sheet) => forgotten.push(sheet));
    reader.table(SPEC);
    reader.forget('Uniones');
    expect(forgotten).toEqual(['Uniones']);
    book.calls.reset();
    reader.table(SPEC);
    expect(book.calls.log.filter((c) => c.includes('.getValues'))).toHaveLength(1);
  });
});
