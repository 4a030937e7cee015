import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { keyPattern } from '../../../src/data/rowLocator';
import { SHEETS_API_TARGET } from '../../../src/memory/fakeSheetsApi';
import {
  BACKENDS,
  environment,
  NOW,
  progressBook,
  records,
  tagOf,
  trackingBook,
  type UnionSpec,
} from '../../support/tracking';

/** Three OTs of 20 unions whose rows are interleaved: OT 001's unions sit every third row of Uniones. */
function scatteredBook() {
  const ots = ['001', '002', '003'];
  const unions: UnionSpec[] = [];
  for (let n = 1; n <= 20; n++) for (const ot of ots) unions.push({ ot, n });
  return trackingBook({ spools: ots.map((ot) => ({ ot, tag: tagOf(ot) })), unions });
}

const request = (n: number, requestId: string) => ({
  ot: '001',
  operation: 'ARM' as const,
  workerId: 93,
  unionKeys: Array.from({ length: n }, (_, i) => `001+${i + 1}`),
  requestId,
});

describe('service calls of a FINALIZAR', () => {
  it('through SpreadsheetApp: the same count for 1, 5 and 19 unions (all PAUSAR)', () => {
    const counts = [1, 5, 19].map((n) => {
      const book = progressBook({ ots: 3, unionsPerOt: 20, armed: 0, welded: 0 });
      const env = environment(book);
      book.calls.reset();
      const result = finishWork(env.ports(), request(n, `req-calls-${n}`));
      expect(result.updated).toHaveLength(n);
      return book.calls.byTarget();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    // Targeted reads (issue 9): a few searches, reads and exact writes per sheet, whatever the selection,
    // plus one read of the formats of the rows whose dates are written (a plain-text cell keeps an
    // apostrophe, issue 14 §3).
    for (const sheet of ['Uniones', 'Operaciones', 'Trabajadores', 'Roles']) {
      expect(counts[0]![sheet], sheet).toBeLessThanOrEqual(18);
    }
  });

  it('through the Sheets advanced service: one read and one write, plus where the log ends', () => {
    const book = progressBook({ ots: 3, unionsPerOt: 20, armed: 0, welded: 0 });
    const env = environment(book, NOW, 'sheetsApi');
    // The sidebar lists the OT first: the headers and small sheets are then in the document cache.
    listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    bootstrap(env.ports());
    book.calls.keepLog = true;
    book.calls.reset();
    finishWork(env.ports(), request(20, 'req-api-1'));
    expect(book.calls.log.filter((call) => call.startsWith(SHEETS_API_TARGET))).toEqual([
      `${SHEETS_API_TARGET}.get`,
      `${SHEETS_API_TARGET}.batchUpdate`,
    ]);
    // TextFinder searches, not reads of columns: the request id on Metadata's ID column, then the OT's rows
    // by OT and by the tags of its spools (issue 9), each step's two sheets in one spreadsheet-wide search.
    const searches = book.calls.log.filter((call) => call.includes('findAll'));
    expect(searches.map((call) => call.slice(0, call.indexOf(' ')))).toEqual([
      'Metadata.findAll',
      '(spreadsheet).findAll',
      '(spreadsheet).findAll',
    ]);
    expect(searches[0]).toBe('Metadata.findAll req-api-1-1');
    expect(searches[1]).toContain(keyPattern(['001'])!);
    expect(searches[2]).toContain(keyPattern(['SP-001'])!);
    expect(records(book, 'Metadata')).toHaveLength(22); // spool event, 20 union events, 1 batch summary
  });

  it('through the Sheets advanced service: a failed write changes nothing and is logged', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book, NOW, 'sheetsApi');
    const before = ['Uniones', 'Operaciones'].map((s) => book.sheet(s).dump());
    book.calls.injectFault({ sheet: SHEETS_API_TARGET, method: 'batchUpdate' });
    expect(() => finishWork(env.ports(), request(3, 'req-api-fail'))).toThrow(
      /^INTERNAL: No se pudo guardar/,
    );
    expect(['Uniones', 'Operaciones'].map((s) => book.sheet(s).dump())).toEqual(before);
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['ERROR']);
  });
});

describe.each(BACKENDS)('priced cost of a FINALIZAR of scattered unions (%s)', (backend) => {
  it('reads the same for 1, 10 and 19 unions: writes are exact rectangles, nothing is read back', () => {
    const priced = [1, 10, 19].map((n) => {
      const book = scatteredBook();
      const env = environment(book, NOW, backend);
      env.resetCalls();
      const result = finishWork(env.ports(), request(n, `req-priced-${n}`));
      expect(result.updated).toHaveLength(n);
      return env.price();
    });
    const reads = priced.map((p) => [p.reads, p.cellsRead, p.metadata, p.flushes]);
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    // What still grows is cheap: the cells written (0.01 ms each), and through SpreadsheetApp one buffered
    // setValues (0.5 ms) and getRange (2 ms) per rectangle.
    const besidesWrites = priced.map(
      (p) => p.ms - (p.msByKind.write ?? 0) - (p.msByKind.lookup ?? 0) - (p.msByKind.apiUpdate ?? 0),
    );
    expect(besidesWrites[1]).toBeCloseTo(besidesWrites[0]!, 6);
    expect(besidesWrites[2]).toBeCloseTo(besidesWrites[0]!, 6);
    expect(priced[2]!.cellsWritten).toBeGreaterThan(priced[0]!.cellsWritten);
  });
});
