// The in-memory spreadsheet's column-located developer metadata: it moves with its column as columns are
// inserted, deleted or moved, goes with its column or sheet, and every call is counted and priced.

import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

function book() {
  const ss = new FakeSpreadsheet();
  const sheet = ss.addSheet(
    'Hoja',
    [
      ['A', 'B', 'C', 'D'],
      [1, 2, 3, 4],
    ],
    { extraEmptyRows: 3 },
  );
  for (const [letter, value] of [
    ['A', 'a'],
    ['C', 'c'],
  ] as const)
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata('k', value);
  return { ss, sheet };
}

const where = (ss: FakeSpreadsheet) =>
  ss.developerMetadata.dump().map((m) => `${m.sheet}!${m.col}=${m.value}`);

describe('FakeSpreadsheet developer metadata (column tags)', () => {
  it('is found by key in one call, with its value, id and column location', () => {
    const { ss, sheet } = book();
    sheet.getRange('B:B').addDeveloperMetadata('other', 'x');
    ss.calls.reset();
    const found = ss.createDeveloperMetadataFinder().withKey('k').find();
    expect(found.map((m) => [m.getValue(), m.getLocation().getColumn().getColumn()])).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    expect(found[0]!.getLocation().getColumn().getSheet().getName()).toBe('Hoja');
    expect(new Set(found.map((m) => m.getId())).size).toBe(2);
    expect(ss.calls.calls.filter((c) => c.kind === 'metadata')).toHaveLength(1);
    expect(ss.calls.price().ms).toBe(102); // the finder (lookup, 2 ms) and the find (metadata, 100 ms)
  });

  it('moves right with a column inserted before it, stays when inserted after', () => {
    const { ss, sheet } = book();
    sheet.insertColumnBefore(2); // between A and B
    expect(where(ss)).toEqual(['Hoja!1=a', 'Hoja!4=c']);
    sheet.insertColumnsAfter(4, 2); // after C
    expect(where(ss)).toEqual(['Hoja!1=a', 'Hoja!4=c']);
    expect(sheet.dump()[0]).toEqual(['A', '', 'B', 'C', '', '', 'D']);
  });

  it('is deleted with its column; the ones to the right move left', () => {
    const { ss, sheet } = book();
    sheet.deleteColumns(1);
    expect(where(ss)).toEqual(['Hoja!2=c']);
    expect(sheet.dump()).toEqual([
      ['B', 'C', 'D'],
      [2, 3, 4],
    ]);
    expect(() => sheet.deleteColumns(4, 1)).toThrow(/out of bounds/);
  });

  it('moves with its column (moveColumns: before the destination, counted before the move)', () => {
    const { ss, sheet } = book();
    sheet.moveColumns(sheet.getRange('A1'), 4); // A goes before D: B C A D
    expect(sheet.dump()[0]).toEqual(['B', 'C', 'A', 'D']);
    expect(where(ss)).toEqual(['Hoja!2=c', 'Hoja!3=a']);
    sheet.moveColumns(sheet.getRange('C1:D1'), 1); // A D B C
    expect(sheet.dump()).toEqual([
      ['A', 'D', 'B', 'C'],
      [1, 4, 2, 3],
    ]);
    expect(where(ss)).toEqual(['Hoja!1=a', 'Hoja!4=c']);
  });

  it('goes with its sheet, and remove() deletes one (a write; twice throws)', () => {
    const { ss, sheet } = book();
    const [first] = ss.createDeveloperMetadataFinder().withKey('k').find();
    ss.calls.reset();
    first!.remove();
    expect(ss.calls.calls.map((c) => c.kind)).toEqual(['write']);
    expect(where(ss)).toEqual(['Hoja!3=c']);
    expect(() => first!.remove()).toThrow(/not found/);
    ss.deleteSheet(sheet);
    expect(where(ss)).toEqual([]);
  });

  it('is added only on a whole column, as one write', () => {
    const { ss, sheet } = book();
    expect(() => sheet.getRange('B1:B2').addDeveloperMetadata('k', 'b')).toThrow(/arbitrary ranges/);
    ss.calls.reset();
    sheet.getRange('D:D').addDeveloperMetadata('k', 'd');
    expect(ss.calls.calls.map((c) => [c.method, c.kind, c.cells])).toEqual([
      ['getRange', 'lookup', 0],
      ['addDeveloperMetadata', 'write', 0],
    ]);
  });
});
