// Issue 15 §1: several searches in ONE spreadsheet-wide TextFinder (SpreadsheetPort.findAcross), hits kept
// per search by sheet and column; the in-memory spreadsheet's createTextFinder counted and priced like
// Apps Script's (a lookup to build it, one metadata call to search).

import { describe, expect, it } from 'vitest';
import { keyPattern } from '../../../src/data/rowLocator';
import { UnitOfWork } from '../../../src/data/unitOfWork';
import { AppsScriptSpreadsheet } from '../../../src/gas/spreadsheetAdapter';
import { anyOf } from '../../../src/gas/textSearch';
import { COST_MODEL, price } from '../../../src/memory/costModel';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

function book() {
  const b = new FakeSpreadsheet({ timeZone: 'America/Santiago' });
  b.addSheet('Operaciones', [
    ['OT', 'NOTAS', 'TAG_SPOOL'],
    ['001', 'SP-002', 'SP-001'],
    ['002', '001', 'SP-002'],
    ['003', '', 'SP-003'],
  ]);
  b.addSheet('Uniones', [
    ['OT', 'N_UNION', 'TAG_SPOOL'],
    ['001', 1, 'SP-001'],
    ['', 2, 'SP-001'],
    ['003', 1, 'SP-003'],
  ]);
  b.addSheet('Notas', [['texto'], ['001'], ['SP-001']]);
  b.calls.keepLog = true;
  return b;
}

describe('findAcross', () => {
  it('one createTextFinder and one findAll for every search, hits of other sheets and columns dropped', () => {
    const b = book();
    const port = new AppsScriptSpreadsheet(b);
    const rows = port.findAcross([
      { sheet: 'Operaciones', columns: [1, 3], pattern: keyPattern(['001', 'SP-001'])! },
      { sheet: 'Uniones', columns: [1, 3], pattern: keyPattern(['001', 'SP-001'])! },
    ]);
    // Operaciones row 3 shows 001 under NOTAS, Uniones rows 2 and 4 show 1 under N_UNION: not theirs.
    expect(rows).toEqual([[2], [2, 3]]);
    expect(b.calls.log).toEqual([
      '(spreadsheet).createTextFinder',
      `(spreadsheet).findAll ${anyOf([keyPattern(['001', 'SP-001'])!])}`,
    ]);
    const priced = price(b.calls.calls);
    expect(priced.ms).toBe(COST_MODEL.lookup.base + COST_MODEL.metadata.base);
    expect(priced.metadata).toBe(1);
  });

  it('a search is a whole-cell, case-sensitive match of its pattern; a search with no columns finds nothing', () => {
    const b = book();
    b.sheet('Notas').appendRow(['sp-001']);
    b.sheet('Notas').appendRow(['SP-0011']);
    const port = new AppsScriptSpreadsheet(b);
    expect(
      port.findAcross([
        { sheet: 'Notas', columns: [1], pattern: 'SP-001' },
        { sheet: 'Operaciones', columns: [], pattern: 'SP-001' },
        { sheet: 'Missing', columns: [1], pattern: 'SP-001' },
      ]),
    ).toEqual([[3], [], []]);
  });

  it('through the unit of work: one search when two are live, the per-sheet search when one is', () => {
    const b = book();
    const uow = new UnitOfWork(new AppsScriptSpreadsheet(b));
    uow.prefetch([], ['Operaciones', 'Uniones']);
    b.calls.reset();
    const pattern = keyPattern(['SP-003'])!;
    expect(
      uow.findRowsAcross([
        { sheet: 'Operaciones', columns: ['TAG_SPOOL'], pattern },
        { sheet: 'Uniones', columns: ['TAG_SPOOL', 'NO_SUCH'], pattern },
      ]),
    ).toEqual([[4], [4]]);
    expect(b.calls.log.filter((c) => c.includes('findAll'))).toHaveLength(1);
    b.calls.reset();
    expect(
      uow.findRowsAcross([
        { sheet: 'Operaciones', columns: ['TAG_SPOOL'], pattern },
        { sheet: 'Uniones', columns: ['NO_SUCH'], pattern },
      ]),
    ).toEqual([[4], []]);
    expect(b.calls.log.filter((c) => c.includes('findAll'))).toEqual([`Operaciones.findAll ${pattern}`]);
  });

  it('an adapter without findAcross keeps one search per sheet', () => {
    const b = book();
    const adapter = new AppsScriptSpreadsheet(b);
    const port = Object.assign(Object.create(adapter) as AppsScriptSpreadsheet, { findAcross: undefined });
    const uow = new UnitOfWork(port);
    uow.prefetch([], ['Operaciones', 'Uniones']);
    b.calls.reset();
    const pattern = keyPattern(['001', 'SP-001'])!;
    expect(
      uow.findRowsAcross([
        { sheet: 'Operaciones', columns: ['OT', 'TAG_SPOOL'], pattern },
        { sheet: 'Uniones', columns: ['OT', 'TAG_SPOOL'], pattern },
      ]),
    ).toEqual([[2], [2, 3]]);
    expect(b.calls.log.filter((c) => c.includes('findAll'))).toEqual([
      `Operaciones.findAll ${pattern}`,
      `Uniones.findAll ${pattern}`,
    ]);
  });
});
