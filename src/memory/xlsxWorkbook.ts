// Converts between an xlsx workbook (exceljs) and the in-memory spreadsheet, so the playground can run on an
// export of a real sheet and write it back with every cell the product did not touch left as it was.

import ExcelJS from 'exceljs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Cell } from '../domain/cell';
import { isDate } from '../domain/cell';
import { instantToSerial } from '../domain/dates';
import { FakeSpreadsheet, type FakeSheet } from './fakeSpreadsheet';
import { isDateFormat, presentValue } from './typedInput';

/** 1899-12-30 as days before 1970-01-01: xlsx serials and exceljs's UTC-instant dates differ by this. */
const SERIAL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;
/** The format a date written without one gets (what Sheets shows for a typed `DD-MM-YYYY HH:MM:SS`). */
export const DEFAULT_DATE_TIME_FORMAT = 'dd-mm-yyyy hh:mm:ss';

interface LoadedCell {
  value: Cell;
  format: string;
  formula: string;
}

/**
 * exceljs hands a date back as the UTC instant whose clock reads the serial's wall time; the serial itself is
 * kept (with its date format), so the day and time mean the same in any time zone.
 */
const exceljsDateToSerial = (date: Date) => date.getTime() / MS_PER_DAY + SERIAL_EPOCH_OFFSET_DAYS;
const serialToExceljsDate = (serial: number) =>
  new Date(Math.round(((serial - SERIAL_EPOCH_OFFSET_DAYS) * MS_PER_DAY) / 1000) * 1000);

function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return exceljsDateToSerial(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('hyperlink' in value) return String(value.text ?? '');
    if ('error' in value) return String(value.error);
    // A formula's value is its last computed result (what getValues returns).
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined ? '' : plainValue(result as ExcelJS.CellValue);
    }
  }
  return String(value);
}

/** One xlsx cell as the fake stores it: dates as serials with a date format, formulas by their result. */
export function loadCell(cell: ExcelJS.Cell): LoadedCell {
  const raw = cell.value;
  const value = plainValue(raw);
  let format = cell.numFmt ?? '';
  if (isDate(raw) && !isDateFormat(format)) format = DEFAULT_DATE_TIME_FORMAT;
  const formula = typeof raw === 'object' && raw !== null && 'formula' in raw ? `=${raw.formula}` : '';
  return { value, format, formula };
}

/**
 * The in-memory spreadsheet holding every worksheet of `workbook` (values, number formats, formula text).
 * `timeZone` is the spreadsheet's (America/Santiago by default): serials are wall times in it.
 */
export function spreadsheetFromXlsx(
  workbook: ExcelJS.Workbook,
  options: { timeZone?: string; name?: string } = {},
): FakeSpreadsheet {
  const book = new FakeSpreadsheet({
    timeZone: options.timeZone ?? 'America/Santiago',
    name: options.name ?? 'Libro xlsx',
  });
  for (const worksheet of workbook.worksheets) {
    // A sheet's grid is at least what a new Google sheet has (1000 × 26), as an imported file gets.
    const sheet = book.addSheet(worksheet.name, [], {
      maxColumns: Math.max(26, worksheet.columnCount),
      extraEmptyRows: Math.max(1000, worksheet.rowCount),
    });
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const loaded = loadCell(cell);
        // Formula cells load as their result: the product reads values and never writes over formulas.
        if (loaded.value !== '') sheet.putCell(rowNumber, colNumber, loaded.value);
        if (loaded.format) sheet.writeFormats(rowNumber, colNumber, 1, 1, () => loaded.format);
      });
    });
  }
  return book;
}

const sameCell = (a: Cell, b: Cell) => (isDate(a) && isDate(b) ? a.getTime() === b.getTime() : a === b);

/**
 * Writes into `workbook` every cell of `book` that differs from what the workbook holds (value as getValues
 * reads it, number format, formula), adding missing worksheets; untouched cells keep their value, type and
 * style. Returns how many cells were written.
 */
export function writeBackToXlsx(book: FakeSpreadsheet, workbook: ExcelJS.Workbook): number {
  const timeZone = book.timeZoneUncounted;
  let written = 0;
  for (const name of book.sheetNames()) {
    const sheet = book.sheet(name);
    const worksheet = workbook.getWorksheet(name) ?? workbook.addWorksheet(name);
    const values = sheet.dump();
    const rows = Math.max(values.length, worksheet.rowCount);
    const cols = Math.max(values[0]?.length ?? 0, worksheet.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const value: Cell = values[r - 1]?.[c - 1] ?? '';
        const format = sheet.formatAt(r, c);
        const formula = sheet.formulaAt(r, c);
        if (value === '' && !format && !formula && worksheet.findCell(r, c) === undefined) continue;
        const cell = worksheet.getCell(r, c);
        const held = loadCell(cell);
        const heldValue = presentValue(held.value, held.format, timeZone);
        const sameFormula = formula === '' || held.formula === formula;
        if (sameCell(heldValue, value) && held.format === format && sameFormula) continue;
        writeCell(sheet, cell, r, c, { value, format, formula }, timeZone);
        written++;
      }
    }
  }
  return written;
}

function writeCell(
  sheet: FakeSheet,
  cell: ExcelJS.Cell,
  row: number,
  col: number,
  next: LoadedCell,
  timeZone: string,
): void {
  if (next.formula) {
    cell.value = { formula: next.formula.slice(1) } as ExcelJS.CellFormulaValue;
  } else if (isDate(next.value)) {
    cell.value = serialToExceljsDate(instantToSerial(next.value.getTime(), timeZone));
    if (!isDateFormat(next.format)) {
      // Keep the fake in step so the next comparison sees the cell as written.
      sheet.writeFormats(row, col, 1, 1, () => DEFAULT_DATE_TIME_FORMAT);
      cell.numFmt = DEFAULT_DATE_TIME_FORMAT;
      return;
    }
  } else {
    cell.value = next.value === '' ? null : next.value;
  }
  if (next.format && cell.numFmt !== next.format) cell.numFmt = next.format;
}

/** Reads an xlsx file into a spreadsheet; keeps the exceljs workbook for writing back. */
export async function readXlsxFile(
  path: string,
  options: { timeZone?: string } = {},
): Promise<{ book: FakeSpreadsheet; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const name = path.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  return { book: spreadsheetFromXlsx(workbook, { ...options, name }), workbook };
}

/**
 * Turns into plain values the clones of every shared formula whose master cell no longer holds a formula (the
 * product wrote a value over it): exceljs cannot write such a clone (exceljs issues #370, #676: "Shared
 * Formula master must exist above and or left of clone"). Each clone keeps its last result and its format.
 * Returns one Spanish note per master, naming the cells converted.
 */
export function sharedFormulasToValues(workbook: ExcelJS.Workbook): string[] {
  const notes: string[] = [];
  for (const worksheet of workbook.worksheets) {
    const orphans = new Map<string, string[]>();
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value as { sharedFormula?: unknown; result?: unknown } | null;
        if (typeof value !== 'object' || value === null || typeof value.sharedFormula !== 'string') return;
        const master = worksheet.getCell(value.sharedFormula).value;
        if (typeof master === 'object' && master !== null && 'formula' in master) return;
        cell.value = (value.result ?? null) as ExcelJS.CellValue;
        orphans.set(value.sharedFormula, [...(orphans.get(value.sharedFormula) ?? []), cell.address]);
      });
    });
    for (const [master, cells] of orphans) {
      const shown =
        cells.length > 10 ? `${cells.slice(0, 10).join(', ')} y ${cells.length - 10} más` : cells.join(', ');
      notes.push(
        `${worksheet.name}!${master}: se escribió sobre el maestro de una fórmula compartida; ` +
          `sus copias (${shown}) se guardan como valores (su último resultado)`,
      );
    }
  }
  return notes;
}

let temporaryFiles = 0;

/**
 * Writes `book` to `path` over `workbook` (a fresh one when absent); returns the cells written. The file is
 * written beside `path` under a temporary name and then renamed over it, so a failed write (an exceljs
 * error) leaves the previous file whole and no temporary file behind; the error is thrown. Shared formulas
 * exceljs cannot write back become values first, each conversion passed to `onNote`.
 */
export async function writeXlsxFile(
  book: FakeSpreadsheet,
  path: string,
  workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
  options: { onNote?: (note: string) => void } = {},
): Promise<number> {
  const written = writeBackToXlsx(book, workbook);
  for (const note of sharedFormulasToValues(workbook)) options.onNote?.(note);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${++temporaryFiles}.tmp`);
  try {
    // Into memory first: exceljs's writeFile opens its stream before it fails, and would leave a file behind.
    const bytes = await workbook.xlsx.writeBuffer();
    await writeFile(temporary, new Uint8Array(bytes as ArrayBuffer));
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return written;
}
