// A small Uniones workbook and a cache for the unit tests of src/data/uow/.

import { SheetCache } from '../../../../src/data/sheetCache';
import { FakeCache } from '../../../../src/memory/fakeServices';
import { FakeSpreadsheet } from '../../../../src/memory/fakeSpreadsheet';
import { AppsScriptSpreadsheet } from '../../../../src/gas/spreadsheetAdapter';

export const HEADER = ['OT', 'N_UNION', 'ARM'];
export const SPEC = { sheet: 'Uniones', required: ['OT', 'N_UNION', 'ARM'], keys: ['OT'] };

/** Uniones with `rows` unions (OT "001", N_UNION 1..rows, ARM blank), every call logged. */
export function unionesBook(rows = 6) {
  const book = new FakeSpreadsheet({ timeZone: 'America/Santiago' });
  book.addSheet('Uniones', [HEADER, ...Array.from({ length: rows }, (_, i) => ['001', i + 1, ''])]);
  book.calls.keepLog = true;
  return { book, port: new AppsScriptSpreadsheet(book, { flush: () => book.flush() }) };
}

/** A cache over a FakeCache that may hold the Uniones header (counted on `book`'s call log). */
export function cacheFor(book: FakeSpreadsheet, store = new FakeCache(() => 0, book.calls)): SheetCache {
  return new SheetCache(store, { headers: ['Uniones'], grids: [] });
}
