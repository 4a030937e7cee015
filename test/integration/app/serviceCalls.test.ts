import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { SHEETS_API_TARGET } from '../../../src/memory/fakeSheetsApi';
import { environment, NOW, progressBook, records } from '../../support/tracking';

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
    for (const sheet of ['Uniones', 'Operaciones', 'Trabajadores', 'Roles']) {
      expect(counts[0]![sheet], sheet).toBeLessThanOrEqual(7);
    }
  });

  it('through the Sheets advanced service: one read and one write, plus where the log ends', () => {
    const book = progressBook({ ots: 3, unionsPerOt: 20, armed: 0, welded: 0 });
    const env = environment(book, NOW, 'sheetsApi');
    book.calls.keepLog = true;
    book.calls.reset();
    finishWork(env.ports(), request(20, 'req-api-1'));
    // Where the audit log ends comes from SpreadsheetApp at constant cost (the API has no such lookup).
    expect(book.calls.log).toEqual([
      `${SHEETS_API_TARGET}.get`,
      'Metadata.getSheetByName',
      'Metadata.getLastRow',
      'Metadata.getMaxRows',
      `${SHEETS_API_TARGET}.batchUpdate`,
    ]);
    expect(records(book, 'Metadata')).toHaveLength(21);
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
