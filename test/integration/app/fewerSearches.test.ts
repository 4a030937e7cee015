// Issue 15 §1: with what the sidebar listed (the OT's spool tags for FINALIZAR, the OT for INICIAR) the
// rows are found with one spreadsheet-wide TextFinder, hits kept under each sheet's columns OT..TAG_SPOOL
// (and the request id under Metadata's ID). A hint gone stale (a spool added to the OT since the listing, a
// spool moved to another OT) costs the searches it saved, never a union.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { startWork } from '../../../src/app/startWork';
import {
  BACKENDS,
  armRequest,
  environment,
  progressBook,
  records,
  trackingBook,
} from '../../support/tracking';

const searches = (log: readonly string[], sheet: string) =>
  log.filter((c) => c.startsWith(`${sheet}.findAll`));
const allSearches = (log: readonly string[]) => log.filter((c) => c.includes('.findAll'));

describe.each(BACKENDS)('one search for the request (%s)', (backend) => {
  it('FINALIZAR with the listed tags: one spreadsheet-wide search, none per sheet', () => {
    const book = progressBook({ ots: 3, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book, undefined, backend);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    book.calls.keepLog = true;
    book.calls.reset();
    const result = finishWork(env.ports(), {
      ...armRequest(['001+1', '001+2'], 'req-few-1'),
      listedTags: listed.spools.map((s) => s.tagSpool),
    });
    expect(result.updated).toEqual(['001+1', '001+2']);
    expect(allSearches(book.calls.log)).toHaveLength(1);
    expect(searches(book.calls.log, '(spreadsheet)')).toHaveLength(1);
  });

  it('INICIAR with the listed OT: one spreadsheet-wide search, none per sheet', () => {
    const book = progressBook({ ots: 3, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book, undefined, backend);
    book.calls.keepLog = true;
    book.calls.reset();
    const result = startWork(env.ports(), {
      tagSpool: 'SP-002',
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-few-start',
      listedOt: '002',
    });
    expect(result).toMatchObject({ tagSpool: 'SP-002' });
    expect(allSearches(book.calls.log)).toHaveLength(1);
    expect(searches(book.calls.log, '(spreadsheet)')).toHaveLength(1);
    expect(records(book, 'Operaciones').find((r) => r.TAG_SPOOL === 'SP-002')!.Ocupado_Por).toBe('MR(93)');
  });

  it('a spool added to the OT after the listing, its union with a blank OT: still found and recorded', () => {
    const book = trackingBook({
      spools: [
        { ot: '001', tag: 'SP-001' },
        { ot: '002', tag: 'SP-002' },
      ],
      unions: [
        { ot: '001', n: 1 },
        { ot: '002', n: 1 },
      ],
    });
    const env = environment(book, undefined, backend);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    // A supervisor adds spool SP-001B to OT 001, and its union 001+2 with the OT left blank.
    book.sheet('Operaciones').insertRowsAfter(3, 1);
    const header = book.sheet('Operaciones').dump()[0]!.map(String);
    book
      .sheet('Operaciones')
      .getRange(4, 1, 1, header.length)
      .setValues([header.map((h) => (h === 'OT' ? "'001" : h === 'TAG_SPOOL' ? 'SP-001B' : ''))]);
    book
      .sheet('Uniones')
      .appendRow(['', '', 2, 'SP-001B', 6, 'BW', '', '', '', '', '', '', '', '', '', '', 1]);
    const result = finishWork(env.ports(), {
      ...armRequest(['001+2'], 'req-few-stale'),
      listedTags: listed.spools.map((s) => s.tagSpool),
    });
    expect(result.updated).toEqual(['001+2']);
    expect(records(book, 'Uniones').find((r) => r.TAG_SPOOL === 'SP-001B')!.ARM_WORKER).toBe('MR(93)');
  });

  it('a spool moved to another OT after the listing: INICIAR still reads its unions by its real OT', () => {
    // SP-002 belongs to OT 002, whose second union carries the OT and another spelling of the tag.
    const make = () =>
      trackingBook({
        spools: [
          { ot: '001', tag: 'SP-001' },
          { ot: '002', tag: 'SP-002' },
        ],
        unions: [
          { ot: '001', n: 1 },
          { ot: '002', n: 1 },
          { ot: '002', n: 2, tag: ' SP-002 ' },
        ],
      });
    const request = {
      tagSpool: 'SP-002',
      operation: 'ARM' as const,
      workerId: 93,
      requestId: 'req-few-moved',
    };
    // Listed under 001 (stale), then the same request with no hint on an identical workbook.
    const hinted = startWork(environment(make(), undefined, backend).ports(), {
      ...request,
      listedOt: '001',
    });
    const plain = startWork(environment(make(), undefined, backend).ports(), request);
    expect(hinted).toEqual(plain);
    expect(hinted).toMatchObject({ tagSpool: 'SP-002', disponibles: 2 });
  });

  it('an all-digit OT the union numbers also show: hits under N_UNION are not read', () => {
    const book = progressBook({ ots: 40, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book, undefined, backend);
    env.resetCalls();
    // OT "001" is searched as 0*1: every union number 1 matches it inside the span OT..TAG_SPOOL.
    const result = finishWork(env.ports(), {
      ...armRequest(['001+1'], 'req-few-digits'),
      listedTags: ['SP-001'],
    });
    expect(result.updated).toEqual(['001+1']);
    // OT 001's ten rows (and the filler merged into its block), not the 40 rows holding union number 1.
    expect(env.price().cellsRead).toBeLessThan(40 * 17);
  });
});

describe('the Sheets API path in two calls (issue 15 §4)', () => {
  it('FINALIZAR in steady state: one search, one batchGet, one batchUpdate, nothing else reaches the sheet', () => {
    const book = progressBook({ ots: 3, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book, undefined, 'sheetsApi');
    // An earlier request stored the audit log's append hint; the listing warmed the cache.
    finishWork(env.ports(), armRequest(['001+1'], 'req-two-0'));
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    book.calls.keepLog = true;
    book.calls.reset();
    finishWork(env.ports(), {
      ...armRequest(['001+2', '001+3'], 'req-two-1'),
      listedTags: listed.spools.map((s) => s.tagSpool),
    });
    const roundTrips = book.calls.log.filter(
      (c) => !/\.(getSheetByName|getRange|createTextFinder|getActiveSpreadsheet)\b/.test(c),
    );
    expect(roundTrips.map((c) => c.split(' ')[0])).toEqual([
      '(spreadsheet).findAll',
      '(sheets-api).get',
      '(sheets-api).batchUpdate',
    ]);
  });
});

describe('no hint, through SpreadsheetApp (issue 15 §1, §5)', () => {
  it('a listing reads the spools first and makes 2 searches, not 4; a union with a blank OT is still listed', () => {
    const book = trackingBook({
      spools: [
        { ot: '001', tag: 'SP-001' },
        { ot: '002', tag: 'SP-002' },
      ],
      unions: [
        { ot: '001', n: 1 },
        { ot: '002', n: 1 },
        { ot: '', n: 2, tag: 'SP-001' },
      ],
    });
    const env = environment(book);
    book.calls.keepLog = true;
    book.calls.reset();
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions.map((u) => u.key)).toEqual(['001+1', '001+2']);
    // The OT on Operaciones, then the OT and its tags on both sheets in one spreadsheet-wide search.
    expect(book.calls.log.filter((c) => c.includes('.findAll'))).toHaveLength(2);
    expect(searches(book.calls.log, 'Uniones')).toHaveLength(0);
    expect(searches(book.calls.log, '(spreadsheet)')).toHaveLength(1);
  });
});
