// The built sidebar in headless Chromium on the playground, driven only by its accessible names: SOLD of
// three unions, INICIAR then CANCELAR, a worker named like markup, a lost answer retried without a double write.

import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../scripts/playground/server';
import { formatDate } from '../../src/domain/dates';
import { buildDemoWorkbook } from '../../src/memory/demoWorkbook';
import { writeXlsxFile } from '../../src/memory/xlsxWorkbook';

const CHROMIUM = '/usr/bin/chromium';
const TZ = 'America/Santiago';
const SHOTS = 'build/test-output/browser';
const XSS_NAME = '<img src=x onerror=window.__xss=1>';
const TAG = (n: number) => `MK-1335-CW-25238-${String(n).padStart(3, '0')}`;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! BROWSER TEST SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium).\n${'!'.repeat(78)}\n`,
  );
}

/** The demo workbook plus a Soldador whose name is markup, exported to xlsx as a real sheet would be. */
async function testWorkbook(path: string): Promise<void> {
  const book = buildDemoWorkbook();
  const workers = book.sheet('Trabajadores');
  workers.insertRowsAfter(workers.getLastRow(), 1);
  workers.getRange(workers.getLastRow() + 1, 1, 1, 4).setValues([[99, XSS_NAME, 'Prueba', 'SI']]);
  const roles = book.sheet('Roles');
  roles.insertRowsAfter(roles.getLastRow(), 1);
  roles.getRange(roles.getLastRow() + 1, 1, 1, 3).setValues([[99, 'Soldador', 'SI']]);
  await writeXlsxFile(book, path);
}

/** A sheet of an xlsx file as rows of header-keyed cells (exceljs values). */
async function xlsxRows(path: string, sheetName: string): Promise<Array<Record<string, ExcelJS.CellValue>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(sheetName)!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]).filter(([h]) => h)));
  });
  return rows;
}

/** The page's view of one sheet (clicking its tab), as header-keyed rows of the shown text. */
async function viewRows(page: Page, sheetName: string): Promise<Array<Record<string, string>>> {
  await page.getByRole('tab', { name: sheetName, exact: true }).click();
  const table = page.getByRole('table', { name: sheetName });
  const grid = await table
    .getByRole('row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const [header = [], ...data] = grid.filter((cells) => cells.length > 0);
  return data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

const union = <T extends Record<string, unknown>>(rows: T[], ot: string, n: number) =>
  rows.find((r) => String(r.TAG_SPOOL) === TAG(Number(ot)) && Number(r.N_UNION) === n);
const spoolRow = <T extends Record<string, unknown>>(rows: T[], ot: string) =>
  rows.find((r) => String(r.TAG_SPOOL) === TAG(Number(ot)));
/** "98,50" or "1.234,5" as shown in an es-CL sheet, back to a number. */
const shownNumber = (text: string | undefined) => Number((text ?? '').replace(/\./g, '').replace(',', '.'));

describe.skipIf(!hasChromium)('the sidebar in Chromium, on the playground', { timeout: 60000 }, () => {
  let dir: string;
  let out: string;
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let side: FrameLocator;
  const perAction: Array<{ action: string; calls: string[] }> = [];
  /** Every request of the page or the sidebar answered 404 (a missing favicon logs one in the console). */
  const notFound: string[] = [];

  /** Runs a user action and records the server calls it made (one per action is the target). */
  async function action(name: string, run: () => Promise<void>): Promise<void> {
    const before = playground.calls.length;
    await run();
    perAction.push({ action: name, calls: playground.calls.slice(before).map((c) => c.name) });
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  /** The 300 px sidebar alone, scrolled to `focus` (what a worker sees of it). */
  async function sideShot(name: string, focus?: ReturnType<FrameLocator['locator']>): Promise<void> {
    if (focus) await focus.scrollIntoViewIfNeeded();
    await page.getByTitle('Barra lateral').screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  /** The next google.script.run call fails as Google fails it (the failure handler gets `message`). */
  async function failNextCallWith(message: string): Promise<void> {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    await frame.evaluate((text) => {
      const script = (window as unknown as { google: { script: { run: unknown } } }).google.script;
      const real = script.run;
      const failing = (failure: ((e: unknown) => void) | null): unknown =>
        new Proxy(
          {},
          {
            get: (_t, name) => {
              if (name === 'withSuccessHandler') return () => failing(failure);
              if (name === 'withFailureHandler') return (f: (e: unknown) => void) => failing(f);
              return () => {
                script.run = real; // only this call fails
                setTimeout(() => failure?.(new Error(text)), 0);
              };
            },
          },
        );
      script.run = failing(null);
    }, message);
  }

  async function pick(operation: 'ARM' | 'SOLD', worker: string, ot: string): Promise<void> {
    await side
      .getByRole('radiogroup', { name: 'Operación' })
      .getByRole('radio', { name: operation, exact: true })
      .check();
    const combobox = side.getByRole('combobox', { name: 'Trabajador' });
    const labels = await combobox.getByRole('option').allTextContents();
    const label = labels.find((l) => l.includes(worker));
    expect(label, `worker ${worker} among ${labels.join(' | ')}`).toBeDefined();
    await combobox.selectOption({ label: label! });
    await side.getByRole('textbox', { name: 'OT' }).fill(ot);
    await action(`cargar OT ${ot}`, async () => {
      await side.getByRole('button', { name: 'Buscar' }).click();
      await expect.poll(() => side.getByRole('checkbox').count()).toBeGreaterThan(0);
    });
  }

  async function finalizar(confirmText: RegExp): Promise<void> {
    await side.getByRole('button', { name: 'FINALIZAR' }).click();
    const dialog = side.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(confirmText);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'sidebar-browser-'));
    out = join(dir, 'out.xlsx');
    await testWorkbook(join(dir, 'in.xlsx'));
    playground = await startPlayground({ port: 0, workbook: join(dir, 'in.xlsx'), out });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // A missing element fails within seconds with Playwright's own message, not the test's timeout.
    page.setDefaultTimeout(10000);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    page.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await action('abrir', async () => {
      await page.goto(`http://127.0.0.1:${playground.port}/`);
      side = page.getByTitle('Barra lateral').contentFrame();
      await side
        .getByRole('combobox', { name: 'Trabajador' })
        .getByRole('option')
        .nth(1)
        .waitFor({ state: 'attached' });
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    if (perAction.length > 0) {
      console.log('\nLlamadas al servidor por acción del usuario (objetivo: 1):');
      for (const a of perAction)
        console.log(`  ${a.action.padEnd(24)} ${a.calls.length}  ${a.calls.join(', ')}`);
      console.log(`Sidebar.html: ${(statSync('build/Sidebar.html').size / 1024).toFixed(1)} KB\n`);
    }
  });

  it('SOLD of three armed unions: the status, the sheet view and the --out file show them', async () => {
    await pick('SOLD', 'JP(94)', '003');
    for (const key of ['003+5', '003+7', '003+8'])
      await side.getByRole('checkbox', { name: new RegExp(`^${key.replace('+', '\\+')}\\b`) }).check();
    await finalizar(/PAUSAR/);
    // JP(94) took no spool: nothing to release, so the dialog does not say so.
    expect(await side.getByRole('dialog').textContent()).not.toMatch(/queda libre/);
    expect(await side.getByRole('dialog').getByRole('button', { name: 'Volver' }).count()).toBe(1);
    await shot('1-sold-confirm');
    await action('FINALIZAR', async () => {
      await side.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
      await expect.poll(() => side.getByRole('status').textContent()).toMatch(/003\+5, 003\+7, 003\+8/);
    });
    const status = (await side.getByRole('status').textContent()) ?? '';
    expect(status).toMatch(/46,5/); // 18 + 24 + 4,5 pulgadas
    // SOLD against the 8 unions that need it (003+4 is FW, 003+6 MIT: ARM-only); 003+1..3 were welded.
    expect(status).toMatch(/ARM 10\/10 \(132,5 pulg\.\) · SOLD 6\/8 \(82,5 pulg\.\)/);
    await shot('1-sold-result');

    const today = formatDate(Date.now(), TZ);
    await expect
      .poll(async () => union(await viewRows(page, 'Uniones'), '003', 5)?.SOL_WORKER)
      .toBe('JP(94)');
    const shown = await viewRows(page, 'Uniones');
    for (const n of [5, 7, 8]) {
      expect(union(shown, '003', n)?.SOL_WORKER).toBe('JP(94)');
      expect(union(shown, '003', n)?.SOL_FECHA_FIN).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`));
    }
    expect(union(shown, '003', 6)?.SOL_WORKER).toBe('');
    const spools = await viewRows(page, 'Operaciones');
    expect(shownNumber(spoolRow(spools, '003')?.Uniones_SOLD_Completadas)).toBe(6);
    expect(shownNumber(spoolRow(spools, '003')?.Pulgadas_SOLD)).toBe(82.5); // 10 + 12 + 14 + 46,5
    await shot('1-sold-sheet-view');

    const written = await xlsxRows(out, 'Uniones');
    for (const n of [5, 7, 8]) {
      const row = union(written, '003', n)!;
      expect(row.SOL_WORKER).toBe('JP(94)');
      // The product writes dates as text the shop's web app parses: today in Santiago.
      expect(row.SOL_FECHA_FIN).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`));
    }
    // Untouched cells keep their type: text dates stay text, OT "003" stays text, numbers stay numbers.
    const untouched = union(written, '003', 6)!;
    expect(untouched.SOL_WORKER).toBeNull();
    expect(untouched.ARM_FECHA_FIN).toBe('04-03-2026 06:15:00');
    expect(untouched.OT).toBe('003');
    expect(untouched.DN_UNION).toBe(20);
    const spool = spoolRow(await xlsxRows(out, 'Operaciones'), '003')!;
    expect(spool.Uniones_SOLD_Completadas).toBe(6);
    expect(spool.Pulgadas_SOLD).toBe(82.5);
    // One audit event per union recorded (the ones carrying N_UNION).
    const events = (await xlsxRows(out, 'Metadata')).filter(
      (e) => e.TAG_SPOOL === TAG(3) && e.Operacion === 'SOLD' && e.N_UNION !== null,
    );
    expect(events.map((e) => e.N_UNION).sort()).toEqual([5, 7, 8]);
  });

  it('INICIAR, then FINALIZAR with nothing selected cancels and frees the spool', async () => {
    await pick('ARM', 'MR(93)', '001');
    await action('INICIAR', async () => {
      await side.getByRole('button', { name: `INICIAR ${TAG(1)}` }).click();
      await expect.poll(() => side.getByRole('status').textContent()).toMatch(/INICIAR/);
    });
    await expect
      .poll(async () => spoolRow(await viewRows(page, 'Operaciones'), '001')?.Ocupado_Por)
      .toBe('MR(93)');
    await shot('2-iniciar');
    await finalizar(new RegExp(`CANCELAR[\\s\\S]*queda libre: ${TAG(1)}`));
    await shot('2-cancelar-confirm');
    await action('FINALIZAR (CANCELAR)', async () => {
      await side.getByRole('dialog').getByRole('button', { name: 'Confirmar CANCELAR' }).click();
      await expect.poll(() => side.getByRole('status').textContent()).toMatch(/CANCELAR/);
    });
    await expect.poll(async () => spoolRow(await viewRows(page, 'Operaciones'), '001')?.Ocupado_Por).toBe('');
    await shot('2-cancelar-result');
    expect(spoolRow(await xlsxRows(out, 'Operaciones'), '001')!.Ocupado_Por).toBeNull();
    const events = (await xlsxRows(out, 'Metadata')).filter((e) => e.TAG_SPOOL === TAG(1));
    expect(events.map((e) => e.Accion)).toEqual(['INICIAR', 'CANCELAR']);
  });

  it('a spool tag reads in one piece beside INICIAR in the 300 px sidebar', async () => {
    await pick('ARM', 'MR(93)', '005');
    await side.getByRole('button', { name: `INICIAR ${TAG(5)}` }).waitFor();
    const lines = await side.locator('.tag').evaluateAll((tags) =>
      tags.map((tag) => {
        const range = document.createRange();
        range.selectNodeContents(tag);
        return [tag.textContent, range.getClientRects().length];
      }),
    );
    expect(lines).toEqual([[TAG(5), 1]]);
    await shot('6-layout-tag');
  });

  it('OT 010 (its tag twice in Operaciones) lists its unions once; an unknown OT clears the list', async () => {
    // Not counted as user actions of the per-action table (that table lists its own scenario).
    await side.getByRole('textbox', { name: 'OT' }).fill('010');
    await side.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/OT 010 · uniones: 10/);
    expect(await side.getByRole('checkbox').count()).toBe(10);
    expect(await side.locator('article.spool').count()).toBe(1);
    expect(await side.getByRole('button', { name: /^INICIAR/ }).count()).toBe(0);
    const pill = side.locator('.pill', { hasText: 'Spool repetido en Operaciones' });
    expect(await pill.count()).toBe(1);
    // Not the green of "libre" (#e8f5eb).
    expect(await pill.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(232, 245, 235)');
    await shot('7-ot-010-repetido');

    await side.getByRole('textbox', { name: 'OT' }).fill('999');
    await side.getByRole('button', { name: 'Buscar' }).click();
    const alert = side.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/No existe la OT 999/);
    expect(await alert.getByRole('button', { name: 'Reintentar' }).count()).toBe(0);
    expect(await side.getByRole('checkbox').count()).toBe(0);
    expect(await side.getByRole('button', { name: 'FINALIZAR' }).isDisabled()).toBe(true);
    await shot('7-ot-999');
  });

  it('in English the result names the spool actions in English', async () => {
    await side.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await side.getByRole('textbox', { name: 'Work order' }).fill('007');
    await side.getByRole('button', { name: 'Search' }).click();
    await side.getByRole('button', { name: `START ${TAG(7)}` }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/START ARM/);
    await side.getByRole('button', { name: 'FINISH' }).click();
    await side.getByRole('dialog').getByRole('button', { name: 'Confirm CANCEL' }).click();
    await expect
      .poll(() => side.getByRole('status').textContent())
      .toMatch(new RegExp(`${TAG(7)}: CANCEL(?!AR)`));
    expect(await side.getByRole('status').textContent()).not.toMatch(/CANCELAR|PAUSAR|COMPLETAR/);
    await shot('8-english-result');
    // The sheet's own words (a server error) stay Spanish: the sidebar says so, in English.
    await side.getByRole('textbox', { name: 'Work order' }).fill('999');
    await side.getByRole('button', { name: 'Search' }).click();
    const alert = side.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /No existe la OT 999[\s\S]*messages \(results, reasons, errors\) are in Spanish/,
    );
    await sideShot('8-english-server-text-300px', alert);
    await alert.getByRole('button', { name: 'Close' }).click();
    await side.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await side.getByRole('combobox', { name: 'Idioma' }).waitFor();
  });

  it('a worker named like markup shows as text and runs nothing', async () => {
    await side
      .getByRole('radiogroup', { name: 'Operación' })
      .getByRole('radio', { name: 'SOLD', exact: true })
      .check();
    const combobox = side.getByRole('combobox', { name: 'Trabajador' });
    const labels = await combobox.getByRole('option').allTextContents();
    const label = labels.find((l) => l.includes(XSS_NAME));
    expect(label, labels.join(' | ')).toBeDefined();
    await combobox.selectOption({ label: label! });
    await shot('3-xss-worker');
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    expect(await frame.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await frame.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    // The page's own sheet view renders the cell as text too.
    await page.getByRole('tab', { name: 'Trabajadores', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: XSS_NAME, exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    await shot('3-xss-sheet-view');
  });

  it('a lost answer shows a Spanish alert, and Reintentar records once', async () => {
    await pick('ARM', 'CD(98)', '008');
    for (const key of ['008+3', '008+4'])
      await side.getByRole('checkbox', { name: new RegExp(`^${key.replace('+', '\\+')}\\b`) }).check();
    await finalizar(/PAUSAR/);
    await page
      .getByRole('combobox', { name: 'Próxima llamada' })
      .selectOption({ label: 'se ejecuta y se pierde la respuesta' });
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${playground.url}api/workbook`)).json()) as { control: { failNext: string } })
            .control.failNext,
      )
      .toBe('lost');
    await side.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
    const alert = side.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).not.toMatch(/\[object|undefined|^\s*Error:|\bat \S+:\d+/);
    // Plain Spanish, not the browser's "NetworkError: Connection failure due to HTTP 0".
    expect(text).not.toMatch(/NetworkError|HTTP 0|inesperado/);
    expect(text).toMatch(/Se perdió la conexión/);
    expect(text).toMatch(/\b(del|de la|no se|intente|servidor|conexión|respuesta)\b/i);
    await shot('4-lost-answer-alert');
    await action('Reintentar', async () => {
      await alert.getByRole('button', { name: 'Reintentar' }).click();
      await expect.poll(() => side.getByRole('status').textContent()).toMatch(/008\+3, 008\+4/);
    });
    await shot('4-retry-result');

    const finishes = playground.calls.filter((c) => c.name === 'apiFinishWork').slice(-2);
    expect(finishes).toHaveLength(2);
    const ids = finishes.map((c) => (c.args[0] as { requestId?: string }).requestId);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    const events = (await xlsxRows(out, 'Metadata')).filter(
      (e) => e.TAG_SPOOL === TAG(8) && e.Operacion === 'ARM' && e.N_UNION !== null,
    );
    expect(events.map((e) => e.N_UNION).sort()).toEqual([3, 4]);
    const unions = await xlsxRows(out, 'Uniones');
    expect(union(unions, '008', 3)!.ARM_WORKER).toBe('CD(98)');
    expect(union(unions, '008', 5)!.ARM_WORKER).toBeNull();
  });

  it('a spool MR(93) holds, loaded by AS(95): its unions cannot be ticked, and the card says why', async () => {
    await pick('ARM', 'MR(93)', '001');
    await side.getByRole('button', { name: `INICIAR ${TAG(1)}` }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/INICIAR ARM: MR\(93\) tomó/);
    const combobox = side.getByRole('combobox', { name: 'Trabajador' });
    const labels = await combobox.getByRole('option').allTextContents();
    await combobox.selectOption({ label: labels.find((l) => l.includes('AS(95)'))! });
    await side.getByRole('button', { name: 'Buscar' }).click();
    // Nothing is disponible to AS(95): the spool is MR(93)'s.
    await expect
      .poll(() => side.getByRole('status').textContent())
      .toMatch(/OT 001 · uniones: 10 · disponibles para ARM: 0/);
    const boxes = side.getByRole('checkbox');
    expect(await boxes.count()).toBe(10);
    expect(
      await boxes.evaluateAll((all) => all.filter((b) => !(b as HTMLInputElement).disabled).length),
    ).toBe(0);
    const card = side.locator('article.spool');
    expect(await card.textContent()).toMatch(/ocupado por MR\(93\) desde \d{2}:\d{2}(?!:)/);
    expect(await card.textContent()).toMatch(/Lo tiene MR\(93\): sus uniones no se pueden marcar/);
    expect(await side.getByRole('button', { name: 'Seleccionar disponibles' }).isDisabled()).toBe(true);
    expect(await side.getByRole('button', { name: 'FINALIZAR' }).isDisabled()).toBe(true);
    await sideShot('9-held-by-other-300px', card.locator('header'));
    // MR(93) takes the spool back for CANCELAR, so later tests meet it free.
    await combobox.selectOption({ label: labels.find((l) => l.includes('MR(93)'))! });
    await side.getByRole('button', { name: 'FINALIZAR' }).click();
    await side.getByRole('dialog').getByRole('button', { name: 'Confirmar CANCELAR' }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/CANCELAR/);
  });

  it('OT 002 (a DN typed 3/4, now a date): the dialog promises PAUSAR, the answer warns, in amber', async () => {
    await pick('ARM', 'MR(93)', '002');
    expect(await side.locator('.spools .warnings').textContent()).toMatch(/Uniones!E12 \(DN_UNION\)/);
    await side.getByRole('button', { name: 'Seleccionar disponibles' }).click();
    await finalizar(/PAUSAR · uniones: 7[\s\S]*no se completa/);
    expect(await side.getByRole('dialog').textContent()).not.toMatch(/COMPLETAR/);
    await sideShot('10-unreadable-confirm-300px');
    await side.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
    const status = side.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/uniones registradas: 7/);
    expect(await status.textContent()).toMatch(new RegExp(`${TAG(2)}: PAUSAR`));
    expect(await status.textContent()).toMatch(/Avisos:.*Uniones!E12/);
    // Amber (#fff4dc), not the green of a plain success (#e8f5eb).
    expect(await status.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 244, 220)');
    await sideShot('10-unreadable-result-300px', status);
    expect(spoolRow(await xlsxRows(out, 'Operaciones'), '002')!.Fecha_Armado).toBeNull();
  });

  it('several Google accounts: a Spanish explanation and no Reintentar; a lost search saves nothing', async () => {
    for (const message of [
      'PERMISSION_DENIED',
      "We're sorry, a server error occurred. Please wait a bit and try again.",
      'Authorization is required to perform that action.',
    ]) {
      await failNextCallWith(message);
      await side.getByRole('textbox', { name: 'OT' }).fill('003');
      await side.getByRole('button', { name: 'Buscar' }).click();
      const alert = side.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text, message).toMatch(/varias cuentas de Google/);
      expect(text).toMatch(/una sola cuenta/);
      expect(text).not.toMatch(/PERMISSION_DENIED|We're sorry|Authorization/);
      expect(await alert.getByRole('button', { name: 'Reintentar' }).count()).toBe(0);
      expect(await alert.getByRole('button', { name: 'Recargar' }).count()).toBe(0);
      if (message === 'PERMISSION_DENIED') await sideShot('11-accounts-300px', alert);
      await alert.getByRole('button', { name: 'Cerrar' }).click();
    }

    await page
      .getByRole('combobox', { name: 'Próxima llamada' })
      .selectOption({ label: 'se ejecuta y se pierde la respuesta' });
    await side.getByRole('button', { name: 'Buscar' }).click();
    const alert = side.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Una búsqueda no guarda nada/);
    expect(await alert.textContent()).not.toMatch(/Puede que la operación se haya guardado/);
    await sideShot('12-lost-search-300px', alert);
    await alert.getByRole('button', { name: 'Reintentar' }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/OT 003 · uniones: 10/);
  });

  it('Recalcular métricas shows its progress bar, one server call per job step', async () => {
    await action('Recalcular métricas', async () => {
      await side.getByRole('button', { name: 'Recalcular métricas' }).click();
      const bar = side.getByRole('progressbar');
      await bar.waitFor();
      await expect
        .poll(async () => {
          const now = await bar.getAttribute('aria-valuenow');
          const max = await bar.getAttribute('aria-valuemax');
          return now !== null && now === max;
        })
        .toBe(true);
    });
    await shot('5-job');
    const job = perAction[perAction.length - 1]!;
    expect(job.calls.length).toBeGreaterThan(0);
    expect(job.calls.every((name) => name === 'apiRunJobStep' || name === 'apiJobStatus')).toBe(true);
  });

  it('makes one server call per user action (open, load an OT, FINALIZAR, Reintentar, a job step; INICIAR two)', () => {
    expect(perAction.map((a) => a.action)).toEqual([
      'abrir',
      'cargar OT 003',
      'FINALIZAR',
      'cargar OT 001',
      'INICIAR',
      'FINALIZAR (CANCELAR)',
      'cargar OT 005',
      'cargar OT 008',
      'Reintentar',
      'cargar OT 001',
      'cargar OT 002',
      'Recalcular métricas',
    ]);
    // INICIAR reads the spool's unions again after it (another tab may have recorded some: issue 14 §8).
    expect(perAction.find((a) => a.action === 'INICIAR')!.calls).toEqual(['apiStartWork', 'apiListUnions']);
    for (const a of perAction.filter((x) => x.action !== 'Recalcular métricas' && x.action !== 'INICIAR'))
      expect(a.calls, a.action).toHaveLength(1);
  });

  it('no request of the page or the sidebar was answered 404 (the favicon included)', () => {
    expect(notFound).toEqual([]);
  });
});
