// --out on a real workbook: a shared formula whose master cell the product overwrites is saved as values
// (exceljs issues #370, #676) with a note in the terminal; a save that fails leaves the previous file whole,
// is shown on the page, and the server goes on serving.

import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPlayground, type Playground, type SaveStatus } from '../../scripts/playground/server';
import { buildDemoWorkbook } from '../../src/memory/demoWorkbook';
import { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { sharedFormulasToValues, writeXlsxFile } from '../../src/memory/xlsxWorkbook';

let playground: Playground | undefined;
afterEach(async () => {
  await playground?.close();
  playground = undefined;
});

const INICIAR = {
  tagSpool: 'MK-1335-CW-25238-001',
  operation: 'ARM',
  workerId: 93,
  requestId: 'intent-0001',
};

const rpc = async (p: Playground, name: string, ...args: unknown[]) =>
  (await (await fetch(`${p.url}rpc/${name}`, { method: 'POST', body: JSON.stringify({ args }) })).json()) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };

const saveStatus = async (p: Playground) =>
  ((await (await fetch(`${p.url}api/workbook`)).json()) as { save: SaveStatus | null }).save;

/**
 * The demo workbook as an .xlsx whose Operaciones `version` column (rows 2–4) is one shared formula with its
 * master in row 2 (the spool INICIAR writes), and whose column CA (rows 2–3) is another shared formula no
 * request touches.
 */
async function workbookWithSharedFormulas(dir: string): Promise<{ path: string; versionCol: number }> {
  const path = join(dir, 'in.xlsx');
  await writeXlsxFile(buildDemoWorkbook(), path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Operaciones')!;
  const header = sheet.getRow(1).values as unknown[];
  const versionCol = header.indexOf('version');
  expect(versionCol).toBeGreaterThan(0);
  const letter = sheet.getColumn(versionCol).letter;
  sheet.getCell(2, versionCol).value = {
    formula: `ROW()-ROW()+1`,
    result: 1,
    shareType: 'shared',
    ref: `${letter}2:${letter}4`,
  } as ExcelJS.CellValue;
  sheet.getCell(3, versionCol).value = { sharedFormula: `${letter}2`, result: 1 } as ExcelJS.CellValue;
  sheet.getCell(4, versionCol).value = { sharedFormula: `${letter}2`, result: 1 } as ExcelJS.CellValue;
  sheet.getCell('CA2').value = {
    formula: 'A2&""',
    result: 'x',
    shareType: 'shared',
    ref: 'CA2:CA3',
  } as ExcelJS.CellValue;
  sheet.getCell('CA3').value = { sharedFormula: 'CA2', result: 'y' } as ExcelJS.CellValue;
  await workbook.xlsx.writeFile(path);
  return { path, versionCol };
}

describe('sharedFormulasToValues', () => {
  it('turns the clones of an overwritten master into their results, and leaves intact shared formulas', () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hoja');
    sheet.getCell('B1').value = {
      formula: 'A1*2',
      result: 2,
      shareType: 'shared',
      ref: 'B1:B3',
    } as ExcelJS.CellValue;
    sheet.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellValue;
    sheet.getCell('B3').value = { sharedFormula: 'B1', result: 6 } as ExcelJS.CellValue;
    sheet.getCell('B3').numFmt = '0.00';
    sheet.getCell('C1').value = {
      formula: 'A1',
      result: 1,
      shareType: 'shared',
      ref: 'C1:C2',
    } as ExcelJS.CellValue;
    sheet.getCell('C2').value = { sharedFormula: 'C1', result: 2 } as ExcelJS.CellValue;
    expect(sharedFormulasToValues(workbook)).toEqual([]);
    sheet.getCell('B1').value = 99;
    expect(sharedFormulasToValues(workbook)).toEqual([
      'Hoja!B1: se escribió sobre el maestro de una fórmula compartida; sus copias (B2, B3) se guardan como valores (su último resultado)',
    ]);
    expect([sheet.getCell('B2').value, sheet.getCell('B3').value, sheet.getCell('B3').numFmt]).toEqual([
      4,
      6,
      '0.00',
    ]);
    expect(sheet.getCell('C2').value).toEqual({ sharedFormula: 'C1', result: 2 });
  });
});

describe('writeXlsxFile', () => {
  it('a write exceljs refuses leaves the previous file byte for byte and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-fail-'));
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'previous contents');
    // A clone above its master: exceljs cannot write it, and there is nothing to convert (the master is a formula).
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hoja');
    sheet.getCell('B1').value = { sharedFormula: 'B2', result: 1 } as ExcelJS.CellValue;
    sheet.getCell('B2').value = {
      formula: 'A2',
      result: 1,
      shareType: 'shared',
      ref: 'B1:B2',
    } as ExcelJS.CellValue;
    await expect(writeXlsxFile(new FakeSpreadsheet(), out, workbook)).rejects.toThrow(
      /Shared Formula master/,
    );
    expect(readFileSync(out, 'utf8')).toBe('previous contents');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });
});

describe('the playground with --out on a workbook with shared formulas', () => {
  it('INICIAR over a shared formula master: saved, its clones as values, the other formula kept, a note logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-shared-'));
    const { path, versionCol } = await workbookWithSharedFormulas(dir);
    const out = join(dir, 'out.xlsx');
    const lines: string[] = [];
    playground = await startPlayground({ port: 0, workbook: path, out, log: (line) => lines.push(line) });
    const started = await rpc(playground, 'apiStartWork', INICIAR);
    expect(started.ok).toBe(true);
    expect(await saveStatus(playground)).toMatchObject({ ok: true, file: out });

    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(out);
    const sheet = saved.getWorksheet('Operaciones')!;
    const letter = sheet.getColumn(versionCol).letter;
    const version = sheet.getCell(2, versionCol).value;
    expect(typeof version).toBe('string'); // the token INICIAR wrote, no longer a formula
    expect(version).not.toBe('1');
    expect([sheet.getCell(3, versionCol).value, sheet.getCell(4, versionCol).value]).toEqual([1, 1]);
    expect(sheet.getCell('CA2').value).toMatchObject({ formula: 'A2&""', shareType: 'shared' });
    expect(sheet.getCell('CA3').value).toMatchObject({ sharedFormula: 'CA2' });
    const header = sheet.getRow(1).values as unknown[];
    expect(sheet.getCell(2, header.indexOf('Ocupado_Por')).value).toBe('MR(93)');
    expect(lines).toEqual([
      `--out ${out}: Operaciones!${letter}2: se escribió sobre el maestro de una fórmula compartida; sus copias (${letter}3, ${letter}4) se guardan como valores (su último resultado)`,
    ]);
  });

  it('a save that fails: the page says what was not saved and why, the target is untouched, calls go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-fail-'));
    // A folder where the file should go: the rename over it fails on every save.
    const out = join(dir, 'out.xlsx');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'kept');
    const lines: string[] = [];
    playground = await startPlayground({ port: 0, out, log: (line) => lines.push(line) });
    const first = await saveStatus(playground);
    expect(first).toMatchObject({ ok: false, file: out });
    expect(first!.message).toMatch(
      new RegExp(
        `^no se guardó en ${out}: .+\\. ${out} no se modificó; lo que muestra esta página está solo en memoria\\.$`,
      ),
    );
    const started = await rpc(playground, 'apiStartWork', INICIAR);
    expect(started.ok).toBe(true);
    const listed = await rpc(playground, 'apiListUnions', { ot: '001', operation: 'ARM' });
    expect(listed.ok).toBe(true);
    expect((await saveStatus(playground))!.ok).toBe(false);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.startsWith(`--out ${out}: no se guardó`))).toBe(true);
  });
});
