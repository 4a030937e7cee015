// Shared builders of in-memory workbooks for tests: one place, scenarios a supervisor would recognise.

import type { Cell } from '../../src/domain/cell';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { AppsScriptSpreadsheet } from '../../src/gas/spreadsheetAdapter';
import { PRODUCTION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';

export const TZ = 'America/Santiago';

/** A row of Operaciones given by header name; every other column ''. */
export function operacionesRow(header: readonly string[], values: Record<string, Cell>): Cell[] {
  return header.map((name) => values[name] ?? '');
}

/** Production-shaped Operaciones: the 75-column header, spools by name, then blank rows as given. */
export function productionBook(
  spools: Array<Record<string, Cell>>,
  options: { header?: readonly string[]; extraEmptyRows?: number } = {},
): FakeSpreadsheet {
  const header = options.header ?? PRODUCTION_OPERACIONES_HEADER;
  const book = new FakeSpreadsheet({ timeZone: TZ });
  book.addSheet('Operaciones', [[...header], ...spools.map((s) => operacionesRow(header, s))], {
    extraEmptyRows: options.extraEmptyRows ?? 0,
  });
  return book;
}

export function adapterFor(book: FakeSpreadsheet): AppsScriptSpreadsheet {
  return new AppsScriptSpreadsheet(book);
}

/** Header with `name` inserted before `before` (a column added mid-sheet without notice). */
export function withInsertedColumn(header: readonly string[], name: string, before: string): string[] {
  const copy = [...header];
  copy.splice(copy.indexOf(before), 0, name);
  return copy;
}
