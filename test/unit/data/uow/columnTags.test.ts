// The column-tag check of a cached header (issue 15 §2): when the tags prove it, which part is trusted,
// one find a request, and a failed find or re-tag that only costs the shortcut.

import { describe, expect, it } from 'vitest';
import {
  COLUMN_TAG_KEY,
  ColumnTagCheck,
  provedPart,
  tagsAgree,
  tagsFor,
} from '../../../../src/data/uow/columnTags';
import { StaleHeaderError } from '../../../../src/data/uow/headerCheck';
import { loadRows } from '../../../../src/data/uow/rowLoads';
import { SheetReader } from '../../../../src/data/uow/sheetReader';
import { FakeCache } from '../../../../src/memory/fakeServices';
import type { ColumnTag } from '../../../../src/ports';
import { HEADER, SPEC, cacheFor, unionesBook } from './fixtures';

const COLUMNS = ['OT', 'N_UNION', 'ARM'];
const tag = (col: number, name: string, sheet = 'Uniones'): ColumnTag => ({ sheet, col, name });
const RIGHT = [tag(1, 'ot'), tag(2, 'nunion'), tag(3, 'arm')];

describe('tagsAgree / tagsFor / provedPart', () => {
  it('tags the schema columns only, by normalised name, on their 1-based columns', () => {
    expect(tagsFor(['OT', 'Notas', 'N_Union ', 'ARM'], COLUMNS)).toEqual([
      { col: 1, name: 'ot' },
      { col: 3, name: 'nunion' },
      { col: 4, name: 'arm' },
    ]);
  });

  it('agrees only when every schema column has exactly one tag on its column', () => {
    expect(tagsAgree('Uniones', HEADER, COLUMNS, RIGHT)).toBe(true);
    // A column inserted before N_UNION: its tag and ARM's moved right.
    expect(tagsAgree('Uniones', HEADER, COLUMNS, [tag(1, 'ot'), tag(3, 'nunion'), tag(4, 'arm')])).toBe(
      false,
    );
    // N_UNION's column deleted: its tag went with it.
    expect(tagsAgree('Uniones', HEADER, COLUMNS, [tag(1, 'ot'), tag(2, 'arm')])).toBe(false);
    // A tag twice, or another sheet's tags only.
    expect(tagsAgree('Uniones', HEADER, COLUMNS, [...RIGHT, tag(5, 'arm')])).toBe(false);
    expect(
      tagsAgree(
        'Uniones',
        HEADER,
        COLUMNS,
        RIGHT.map((t) => ({ ...t, sheet: 'Otra' })),
      ),
    ).toBe(false);
  });

  it('a schema column the header lacks must have no tag (one added by the migration since)', () => {
    expect(tagsAgree('Uniones', ['OT', 'N_UNION'], COLUMNS, RIGHT.slice(0, 2))).toBe(true);
    expect(tagsAgree('Uniones', ['OT', 'N_UNION'], COLUMNS, RIGHT)).toBe(false);
  });

  it('a header naming a schema column twice is never proved', () => {
    expect(tagsAgree('Uniones', ['OT', 'N_UNION', 'ARM', 'arm'], COLUMNS, RIGHT)).toBe(false);
  });

  it('trusts the header up to its last schema column', () => {
    expect(provedPart(['OT', 'Notas', 'ARM', 'Extra', ''], COLUMNS)).toEqual(['OT', 'Notas', 'ARM']);
  });
});

/** A reader whose Uniones header came from the cache, with tags `tags` on the sheet. */
function warmReader(tags: Array<[number, string]>) {
  const { book, port } = unionesBook(2_000);
  for (const [col, name] of tags) {
    const letter = String.fromCharCode(64 + col);
    book.sheet('Uniones').getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_TAG_KEY, name);
  }
  const store = new FakeCache(() => 0, book.calls);
  const warm = cacheFor(book, store);
  new SheetReader(port, warm).prefetch([], ['Uniones']);
  warm.save();
  const warnings: string[] = [];
  const check = new ColumnTagCheck(port, new Map([['Uniones', COLUMNS]]), warnings);
  const reader = new SheetReader(
    port,
    cacheFor(book, store),
    () => {},
    () => {},
    check,
  );
  reader.prefetch([], ['Uniones']);
  book.calls.reset();
  return { book, port, reader, check, warnings };
}

const reads = (log: readonly string[]) => log.filter((c) => c.includes('getValues'));

describe('ColumnTagCheck in loadRows', () => {
  it('tags that agree: one find, no row-1 read, however many loads follow', () => {
    const { book, reader } = warmReader([
      [1, 'ot'],
      [2, 'nunion'],
      [3, 'arm'],
    ]);
    loadRows(reader, [{ spec: SPEC, rows: [1_500] }]);
    loadRows(reader, [{ spec: SPEC, rows: [1_600] }]);
    expect(reads(book.calls.log)).toEqual(['Uniones.getValues 1x3', 'Uniones.getValues 1x3']);
    expect(book.calls.log.filter((c) => c.includes('developerMetadata.find'))).toHaveLength(1);
    expect(reader.unverified.size).toBe(0);
  });

  it('no find when row 1 rides along with a block near the top (the check costs nothing there)', () => {
    const { book, reader } = warmReader([
      [1, 'ot'],
      [2, 'nunion'],
      [3, 'arm'],
    ]);
    loadRows(reader, [{ spec: SPEC, rows: [40] }]);
    expect(reads(book.calls.log)).toEqual(['Uniones.getValues 40x3']);
    expect(book.calls.log.filter((c) => c.includes('developerMetadata.find'))).toEqual([]);
  });

  it('tags that disagree: row 1 is read as before, after the one find', () => {
    const { book, reader } = warmReader([
      [1, 'ot'],
      [3, 'nunion'],
    ]);
    loadRows(reader, [{ spec: SPEC, rows: [1_500] }]);
    expect(reads(book.calls.log)).toEqual(['Uniones.getValues 1x3', 'Uniones.getValues 1x3']);
    expect(book.calls.log.filter((c) => c.includes('developerMetadata.find'))).toHaveLength(1);
  });

  it('a column inserted by hand moves the tags: the cached header is checked by row 1 and found stale', () => {
    const { book, reader } = warmReader([
      [1, 'ot'],
      [2, 'nunion'],
      [3, 'arm'],
    ]);
    book.sheet('Uniones').insertColumnBefore(2);
    book.sheet('Uniones').getRange(1, 2).setValue('Nueva');
    expect(() => loadRows(reader, [{ spec: SPEC, rows: [1_500] }])).toThrow(StaleHeaderError);
  });

  it('a failed find is only a lost shortcut: row 1 is read, and nothing is re-tagged', () => {
    const { book, reader, check } = warmReader([[1, 'ot']]);
    book.calls.injectFault({ method: 'developerMetadata.find' });
    loadRows(reader, [{ spec: SPEC, rows: [1_500] }]);
    expect(reads(book.calls.log)).toHaveLength(2);
    check.retag((sheet) => reader.verifiedHeader(sheet));
    expect(book.calls.log.filter((c) => c.includes('addDeveloperMetadata'))).toEqual([]);
  });

  it('re-tags a sheet whose header row 1 verified, replacing its old tags; a failure is a warning', () => {
    const { book, reader, check, warnings } = warmReader([[2, 'ot']]);
    loadRows(reader, [{ spec: SPEC, rows: [1_500] }]);
    check.retag((sheet) => reader.verifiedHeader(sheet));
    expect(book.developerMetadata.dump().map((m) => [m.col, m.value])).toEqual([
      [1, 'ot'],
      [2, 'nunion'],
      [3, 'arm'],
    ]);
    expect(warnings).toEqual([]);
    const failing = warmReader([[2, 'ot']]);
    failing.book.calls.injectFault({ method: 'addDeveloperMetadata' });
    loadRows(failing.reader, [{ spec: SPEC, rows: [1_500] }]);
    failing.check.retag((sheet) => failing.reader.verifiedHeader(sheet));
    expect(failing.warnings.join(' ')).toMatch(/No se pudieron marcar las columnas de Uniones/);
  });

  it('a cached header wider than the grid (a column deleted by hand) is stale, not a failed request', () => {
    const { book, reader } = warmReader([]);
    const sheet = book.sheet('Uniones');
    sheet.deleteColumns(3);
    expect(() => loadRows(reader, [{ spec: SPEC, rows: [1_500] }])).toThrow(StaleHeaderError);
  });
});
