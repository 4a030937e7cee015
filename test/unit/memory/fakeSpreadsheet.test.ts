import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

function book() {
  const ss = new FakeSpreadsheet({ timeZone: 'America/Santiago' });
  const sheet = ss.addSheet('Hoja', [
    ['OT', 'DN'],
    ['001', 4.5],
  ]);
  return { ss, sheet };
}

describe('FakeSpreadsheet', () => {
  it('throws like Apps Script for ranges outside the sheet or of the wrong shape', () => {
    const { sheet } = book();
    expect(() => sheet.getRange(0, 1)).toThrow(/too small/);
    expect(() => sheet.getRange(1, 1, 5, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(
      /number of rows in the data does not match.*data has 1 but the range has 2/,
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a']])).toThrow(/number of columns/);
  });

  it('hands out copies: changing a returned array or Date changes nothing', () => {
    const { sheet } = book();
    sheet.getRange(2, 2).setValue(new Date(Date.UTC(2026, 0, 1)));
    const values = sheet.getDataRange().getValues();
    values[1]![0] = 'changed';
    (values[1]![1] as Date).setUTCFullYear(1999);
    const again = sheet.getDataRange().getValues();
    expect(again[1]![0]).toBe('001');
    expect((again[1]![1] as Date).getUTCFullYear()).toBe(2026);
  });

  it('stores typed strings as Sheets does: formulas, apostrophes, numbers, booleans, day-first dates', () => {
    const { sheet } = book();
    sheet.getRange(2, 1, 1, 2).setValues([['=SUM(B1:B2)', "'007"]]);
    expect(sheet.formulaAt(2, 1)).toBe('=SUM(B1:B2)');
    expect(sheet.getRange(2, 1, 1, 2).getFormulas()).toEqual([['=SUM(B1:B2)', '']]);
    expect(sheet.getRange(2, 2).getValue()).toBe('007');
    sheet.getRange(2, 1, 1, 2).setValues([['12', 'true']]);
    expect(sheet.getRange(2, 1, 1, 2).getValues()).toEqual([[12, true]]);
    sheet.getRange(2, 1).setValue('13-05-2026 11:33:48');
    expect(sheet.getRange(2, 1).getValue()).toEqual(new Date(Date.UTC(2026, 4, 13, 15, 33, 48)));
  });

  it('gives a Date for a number cell with a date format', () => {
    const { sheet } = book();
    sheet.getRange(2, 2).setNumberFormat('yyyy-mm-dd');
    const value = sheet.getRange(2, 2).getValue();
    expect(value).toBeInstanceOf(Date);
  });

  it('finds the last row by content, past trailing formatted-but-empty rows', () => {
    const ss = new FakeSpreadsheet();
    const sheet = ss.addSheet('Hoja', [['A'], ['x'], [''], ['y'], [''], ['']], { extraEmptyRows: 50 });
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getMaxRows()).toBeGreaterThan(50);
    expect(sheet.getDataRange().getValues()).toEqual([['A'], ['x'], [''], ['y']]);
  });

  it('counts service calls per sheet and fails the call a fault names', () => {
    const { ss, sheet } = book();
    ss.calls.reset();
    sheet.getDataRange().getValues();
    expect(ss.calls.of('Hoja')).toBe(2);
    ss.calls.injectFault({ sheet: 'Hoja', method: 'setValues', after: 1 });
    sheet.getRange(2, 1).setValues([['ok']]);
    expect(() => sheet.getRange(2, 1).setValues([['boom']])).toThrow(/Service Spreadsheets failed/);
    sheet.getRange(2, 1).setValues([['ok again']]);
    expect(sheet.getRange(2, 1).getValue()).toBe('ok again');
  });

  it('moves cells, formulas and formats when a column is inserted', () => {
    const { sheet } = book();
    sheet.getRange(2, 2).setNumberFormat('0.00');
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.dump()).toEqual([
      ['OT', '', 'DN'],
      ['001', '', 4.5],
    ]);
    expect(sheet.formatAt(2, 3)).toBe('0.00');
  });

  it('getDisplayValues shows each value through its number format, as Sheets does', () => {
    const ss = new FakeSpreadsheet({ timeZone: 'America/Santiago' });
    const sheet = ss.addSheet('Hoja', [[8, 8, 2.5, 46155.48180555556, 'texto', true, 7]], { maxColumns: 7 });
    const formats = ['000', '0', '0.00', 'dd-mm-yyyy hh:mm:ss', '', '', ''];
    formats.forEach((f, i) => f && sheet.getRange(1, i + 1).setNumberFormat(f));
    expect(sheet.getRange(1, 1, 1, 7).getDisplayValues()).toEqual([
      ['008', '8', '2.50', '13-05-2026 11:33:48', 'texto', 'TRUE', '7'],
    ]);
  });

  it('getNextDataCell moves like Ctrl+Arrow', () => {
    const ss = new FakeSpreadsheet({ timeZone: 'America/Santiago' });
    const sheet = ss.addSheet('Hoja', [['ID'], ['a'], ['b'], [''], ['c'], ['']], { extraEmptyRows: 4 });
    const up = (row: number) => sheet.getRange(row, 1).getNextDataCell('UP').getRow();
    expect(up(10)).toBe(5); // from an empty cell: the next filled one
    expect(up(5)).toBe(3); // from a filled cell above a gap: the next filled one
    expect(up(3)).toBe(1); // inside a block: its top
    expect(sheet.getRange(1, 1).getNextDataCell('DOWN').getRow()).toBe(3);
    expect(() => sheet.getRange(1, 1).getNextDataCell('SIDEWAYS')).toThrow(/Invalid argument/);
  });
});

/** A sheet with room for the cells these cases write (C1:H1). */
function wide() {
  const ss = new FakeSpreadsheet({ timeZone: 'America/Santiago' });
  const sheet = ss.addSheet('Hoja', [['OT', 'DN', '', '', '', '', '', '']], { maxColumns: 8 });
  return { ss, sheet };
}

describe('what setValues stores, by the cell format (issue 14 §3)', () => {
  it('a plain-text cell (@) stores what it gets as text: the apostrophe stays, nothing is interpreted', () => {
    const { ss, sheet } = wide();
    sheet.getRange(1, 3, 1, 6).setNumberFormat('@');
    sheet.getRange(1, 3, 1, 6).setValues([["'04-12-2026 14:40:43", '04-12-2026', '=1+1', 7, true, '001']]);
    expect(sheet.getRange(1, 3, 1, 6).getValues()).toEqual([
      ["'04-12-2026 14:40:43", '04-12-2026', '=1+1', '7', 'TRUE', '001'],
    ]);
    expect(sheet.formulaAt(1, 5)).toBe('');
    void ss;
  });

  it('other formats: the apostrophe forces text and goes; typed dates become dates; a date format shows numbers as dates', () => {
    const { sheet } = wide();
    sheet.getRange(1, 3).setNumberFormat('dd-mm-yyyy');
    sheet.getRange(1, 4).setNumberFormat('0.00');
    sheet.getRange(1, 3, 1, 3).setValues([["'04-12-2026", "'04-12-2026", '04-12-2026']]);
    const [[asText, asText2, typed]] = sheet.getRange(1, 3, 1, 3).getValues() as [
      [unknown, unknown, unknown],
    ];
    expect([asText, asText2]).toEqual(['04-12-2026', '04-12-2026']);
    expect(typed).toBeInstanceOf(Date);
    sheet.getRange(1, 3).setValue(7);
    expect(sheet.getRange(1, 3).getValue()).toBeInstanceOf(Date);
  });

  it('a format set after a value does not change what the cell holds', () => {
    const { sheet } = wide();
    sheet.getRange(1, 3).setNumberFormat('@');
    sheet.getRange(1, 3).setValue(5);
    sheet.getRange(1, 3).setNumberFormat('0');
    expect(sheet.getRange(1, 3).getValue()).toBe('5');
  });
});
