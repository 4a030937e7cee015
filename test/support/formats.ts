// A shop formats columns by hand: the helper the format tests share.
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';

/** Every row below the header of each named column of `sheet` gets `format`; the call log starts afresh. */
export function formatColumns(
  book: FakeSpreadsheet,
  sheet: string,
  names: readonly string[],
  format: string,
): void {
  const target = book.sheet(sheet);
  const header = target.dump()[0]!.map(String);
  for (const name of names) {
    const col = header.indexOf(name) + 1;
    if (col === 0) throw new Error(`no column ${name}`);
    target.getRange(2, col, target.dimensions.maxRows - 1, 1).setNumberFormat(format);
  }
  book.calls.reset();
}
