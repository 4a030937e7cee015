import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayValue } from '../../../src/memory/displayValues';
import { readXlsxFile, writeXlsxFile } from '../../../src/memory/xlsxWorkbook';

const TZ = 'America/Santiago';

/** An export of a real sheet: a serial date-time, a date-only cell, a number, text "001", a formatted OT. */
async function exportedSheet(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Uniones');
  sheet.addRow(['OT', 'ID', 'ARM_FECHA_FIN', 'Fecha', 'DN_UNION', 'Nota']);
  sheet.addRow([
    8,
    '001',
    new Date(Date.UTC(2026, 4, 13, 11, 33, 48)),
    new Date(Date.UTC(2026, 2, 4)),
    4.5,
    'x',
  ]);
  sheet.getCell('A2').numFmt = '000';
  sheet.getCell('C2').numFmt = 'dd-mm-yyyy hh:mm:ss';
  sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
  sheet.getCell('E2').numFmt = '0.00';
  sheet.getCell('F2').font = { bold: true };
  await workbook.xlsx.writeFile(path);
}

const shown = (book: Awaited<ReturnType<typeof readXlsxFile>>['book'], row: number, col: number) =>
  displayValue(
    book.sheet('Uniones').dump()[row - 1]![col - 1]!,
    book.sheet('Uniones').formatAt(row, col),
    TZ,
  );

describe('xlsxWorkbook', () => {
  it('reads an export as the sheet shows it: dates on their day and time, 008, text 001, 4,50', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'in.xlsx');
    await exportedSheet(path);
    const { book } = await readXlsxFile(path);
    expect([1, 2, 3, 4, 5].map((c) => shown(book, 2, c))).toEqual([
      '008',
      '001',
      '13-05-2026 11:33:48',
      '04/03/2026',
      '4,50',
    ]);
    const [row] = book.sheet('Uniones').dump().slice(1);
    expect(row![1]).toBe('001');
    // getValues gives the date-formatted cell as the instant of that wall time in Santiago (UTC-4 in May).
    expect((row![2] as Date).toISOString()).toBe('2026-05-13T15:33:48.000Z');
  });

  it('writes back only the cells the product changed; every other cell keeps value, type and format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    await exportedSheet(join(dir, 'in.xlsx'));
    const { book, workbook } = await readXlsxFile(join(dir, 'in.xlsx'));
    expect(await writeXlsxFile(book, join(dir, 'same.xlsx'), workbook)).toBe(0);

    // What FINALIZAR does to a row: a typed date-time string, a worker, a number with a format.
    const sheet = book.sheet('Uniones');
    sheet.getRange(2, 7, 1, 2).setValues([['05-03-2026 10:30:00', 'JP(94)']]);
    sheet.getRange(2, 9).setValue(18.5);
    sheet.getRange(2, 9).setNumberFormat('0.0');
    expect(await writeXlsxFile(book, join(dir, 'out.xlsx'), workbook)).toBe(3);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(join(dir, 'out.xlsx'));
    const ws = back.getWorksheet('Uniones')!;
    const cell = (a1: string) => ws.getCell(a1);
    expect(cell('A2').value).toBe(8);
    expect(cell('A2').numFmt).toBe('000');
    expect(cell('B2').value).toBe('001');
    expect((cell('C2').value as Date).toISOString()).toBe('2026-05-13T11:33:48.000Z');
    expect(cell('C2').numFmt).toBe('dd-mm-yyyy hh:mm:ss');
    expect((cell('D2').value as Date).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(cell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(cell('E2').value).toBe(4.5);
    expect(cell('E2').numFmt).toBe('0.00');
    expect(cell('F2').value).toBe('x');
    expect(cell('F2').font?.bold).toBe(true);
    // The new date is the wall time typed, in an xlsx date cell; numbers stay numbers with their format.
    expect((cell('G2').value as Date).toISOString()).toBe('2026-03-05T10:30:00.000Z');
    expect(cell('H2').value).toBe('JP(94)');
    expect(cell('I2').value).toBe(18.5);
    expect(cell('I2').numFmt).toBe('0.0');

    const { book: again } = await readXlsxFile(join(dir, 'out.xlsx'));
    expect(shown(again, 2, 7)).toBe('05-03-2026 10:30:00');
  });
});
