import { describe, expect, it } from 'vitest';
import { Table } from '../../../../src/data/table';
import { SheetReader } from '../../../../src/data/uow/sheetReader';
import { WriteSet, type CommitContext } from '../../../../src/data/uow/writeSet';
import { SPEC, unionesBook } from './fixtures';

const noAppends = { rows: new Map(), anchors: new Map() };

function context(reader: SheetReader): CommitContext {
  return {
    valuesAsRead: (sheet, cells) => reader.valuesAsRead(sheet, cells),
    positionFor: () => undefined,
    appended: () => {},
    forgetPosition: () => {},
  };
}

describe('WriteSet', () => {
  it('writes the queued cells in one commit, the last value set for a cell winning, then flushes', () => {
    const { book, port } = unionesBook(3);
    const reader = new SheetReader(port, undefined);
    const table: Table = reader.table(SPEC);
    const writes = new WriteSet(port, 900, true);
    writes.set(table, 2, 'ARM', 'x');
    writes.set(table, 2, 'ARM', 'ok');
    writes.set(table, table.rows[1]!, 'ARM', 'ok');
    book.calls.reset();
    expect(writes.commit(noAppends, context(reader))).toEqual({
      cellsWritten: 2,
      rowsAppended: 0,
      sheets: ['Uniones'],
    });
    expect(
      book
        .sheet('Uniones')
        .dump()
        .map((r) => r[2]),
    ).toEqual(['ARM', 'ok', 'ok', '']);
    expect(book.calls.log.at(-1)).toBe('(spreadsheet).flush');
  });

  it('puts back what it had written when a later write fails, and rethrows', () => {
    const { book, port } = unionesBook(3);
    book.addSheet('Otra', [['A'], ['antes']]);
    const reader = new SheetReader(port, undefined);
    const writes = new WriteSet(port, 900, false);
    writes.set(reader.table(SPEC), 2, 'ARM', 'ok');
    writes.set(reader.table({ sheet: 'Otra', required: ['A'] }), 2, 'A', 'después');
    book.calls.injectFault({ method: 'setValues', after: 1 });
    expect(() => writes.commit(noAppends, context(reader))).toThrow(/Service Spreadsheets failed/);
    expect(book.sheet('Uniones').dump()[1]![2]).toBe('');
    expect(book.sheet('Otra').dump()[1]![0]).toBe('antes');
  });

  it('gives the header as it will be after its own row-1 writes', () => {
    const { port } = unionesBook();
    const writes = new WriteSet(port, 900, true);
    writes.setAt('Uniones', 1, 5, "'SOLD");
    expect(writes.headerAfterCommit('Uniones', ['OT', 'N_UNION', 'ARM'])).toEqual([
      'OT',
      'N_UNION',
      'ARM',
      '',
      'SOLD',
    ]);
    expect(writes.headerAfterCommit('Otra', null)).toBeNull();
  });
});
