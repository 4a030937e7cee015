import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { recomputeAllMetrics } from '../../../src/app/metrics';
import { PRODUCTION_OPERACIONES_HEADER } from '../../../src/data/productionHeaders';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { armRequest, BACKENDS, environment, progressBook } from '../../support/tracking';

// Spool 001 is on row 2 of Operaciones; 10 unions, 7 armed and 5 welded: 10 / 7 / 5 / 70.5 / 40.5.
const ROW = 2;
const col = (name: string) => PRODUCTION_OPERACIONES_HEADER.indexOf(name) + 1;
const METRICS: Array<[string, number, string]> = [
  ['Total_Uniones', 10, '0'],
  ['Uniones_ARM_Completadas', 7, '0'],
  ['Uniones_SOLD_Completadas', 5, '0'],
  ['Pulgadas_ARM', 70.5, '0.00'],
  ['Pulgadas_SOLD', 40.5, '0.00'],
];

/** Spool 001 with every metric right, formatted right, except `Uniones_ARM_Completadas` set as a date. */
function bookWithDateFormattedSeven(): FakeSpreadsheet {
  const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
  const sheet = book.sheet('Operaciones');
  for (const [name, value, format] of METRICS) {
    sheet.putCell(ROW, col(name), value);
    sheet.writeFormats(ROW, col(name), 1, 1, () => format);
  }
  sheet.writeFormats(ROW, col('Uniones_ARM_Completadas'), 1, 1, () => 'yyyy-mm-dd');
  return book;
}

const cellOf = (book: FakeSpreadsheet, name: string) =>
  book.sheet('Operaciones').dump()[ROW - 1]![col(name) - 1];
const formatOf = (book: FakeSpreadsheet, name: string) => book.sheet('Operaciones').formatAt(ROW, col(name));

describe.each(BACKENDS)('metric cells that heal (%s)', (backend) => {
  it('a right 7 in a date-formatted cell ends up as 7 formatted 0, counted as corrected once', () => {
    const book = bookWithDateFormattedSeven();
    expect(cellOf(book, 'Uniones_ARM_Completadas')).toBeInstanceOf(Date); // 1900-01-06 as the sheet shows it
    const env = environment(book, undefined, backend);

    const first = recomputeAllMetrics(env.ports(), 'recompute-format-1');

    expect(first.changed).toBe(1);
    expect(cellOf(book, 'Uniones_ARM_Completadas')).toBe(7);
    expect(formatOf(book, 'Uniones_ARM_Completadas')).toBe('0');
    for (const [name, value, format] of METRICS) {
      expect([name, cellOf(book, name), formatOf(book, name)]).toEqual([name, value, format]);
    }
    expect(recomputeAllMetrics(env.ports(), 'recompute-format-2').changed).toBe(0);
  });

  it('FINALIZAR writes the metric cells with their number formats', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const sheet = book.sheet('Operaciones');
    for (const [name] of METRICS) sheet.writeFormats(ROW, col(name), 1, 1, () => 'd/M/yyyy');
    const env = environment(book, undefined, backend);

    finishWork(env.ports(), armRequest(['001+8'], `req-format-${backend}`));

    expect(METRICS.map(([name]) => [name, cellOf(book, name), formatOf(book, name)])).toEqual([
      ['Total_Uniones', 10, '0'],
      ['Uniones_ARM_Completadas', 8, '0'],
      ['Uniones_SOLD_Completadas', 5, '0'],
      ['Pulgadas_ARM', 88.5, '0.00'],
      ['Pulgadas_SOLD', 40.5, '0.00'],
    ]);
  });
});

describe('a recompute whose commit fails (SpreadsheetApp)', () => {
  it('puts back the values and the number formats it had read', () => {
    const book = bookWithDateFormattedSeven();
    const sheet = book.sheet('Operaciones');
    sheet.putCell(ROW, col('Total_Uniones'), 3); // wrong: 10
    const before = sheet.dump();
    const formats = METRICS.map(([name]) => formatOf(book, name));
    const env = environment(book);
    book.calls.injectFault({ sheet: 'Metadata', method: 'setValues' });

    failure(() => recomputeAllMetrics(env.ports(), 'recompute-format-fail'));

    expect(sheet.dump()).toEqual(before);
    expect(METRICS.map(([name]) => formatOf(book, name))).toEqual(formats);
    expect(formatOf(book, 'Uniones_ARM_Completadas')).toBe('yyyy-mm-dd');
  });
});
