// The built sidebar's Panel in headless Chromium on the playground, over the demo workbook with its recent
// events (src/memory/demoEvents.ts), driven only by accessible names: Mi día, Ocupados (a release with its
// reason and confirmation, the list read again, the sheet's Ocupado_Por cleared) and Historial; 300 px
// screenshots into build/test-output/browser/.

import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../scripts/playground/server';
import { hasChromium, openPlayground, SHOTS } from '../support/browser';
import { formatDate } from '../../src/domain/dates';
import { buildDemoWorkbook, demoTag } from '../../src/memory/demoWorkbook';
import { writeXlsxFile } from '../../src/memory/xlsxWorkbook';

const TZ = 'America/Santiago';
const HOUR = 3_600_000;

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
  const grid = await page
    .getByRole('table', { name: sheetName })
    .getByRole('row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const [header = [], ...data] = grid.filter((cells) => cells.length > 0);
  return data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

describe.skipIf(!hasChromium)('the Panel in Chromium, on the playground', { timeout: 60000 }, () => {
  const now = Date.now();
  let dir: string;
  let input: string;
  let out: string;
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let side: FrameLocator;

  /** The server calls `run` made. */
  async function callsOf(run: () => Promise<void>): Promise<string[]> {
    const before = playground.calls.length;
    await run();
    return playground.calls.slice(before).map((c) => c.name);
  }

  /** The 300 px sidebar alone, scrolled to `focus`. */
  async function sideShot(name: string, focus?: ReturnType<FrameLocator['locator']>): Promise<void> {
    if (focus) await focus.scrollIntoViewIfNeeded();
    await page.getByTitle('Barra lateral').screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'panel-browser-'));
    input = join(dir, 'in.xlsx');
    out = join(dir, 'out.xlsx');
    await writeXlsxFile(buildDemoWorkbook({ events: { now } }), input);
    playground = await startPlayground({ port: 0, workbook: input, out });
    ({ browser, page, side } = await openPlayground(playground));
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it("Mi día: MR(93)'s ARM of spool 004 with its pulgadas, the date field at today; another day is empty", async () => {
    const card = side.getByRole('region', { name: 'Capacidad de la planilla' });
    const calls = await callsOf(async () => {
      await side.getByRole('tab', { name: 'Panel' }).click();
      await side.getByRole('heading', { name: /^MR\(93\) · / }).waitFor();
      // Beside the day, the capacity the last refresh wrote: the demo has no Resumen yet, and says so.
      await card.getByText(/^Aún no hay hoja Resumen/).waitFor();
    });
    expect(calls.sort()).toEqual(['apiLastCapacity', 'apiWorkerDay']);
    expect(await side.getByRole('tab', { name: 'Mi día' }).getAttribute('aria-selected')).toBe('true');
    const today = formatDate(now, TZ);
    // One date format on the screen: the field shows DD-MM-YYYY like the heading and the sheet.
    const date = side.getByRole('textbox', { name: 'Fecha' });
    expect(await date.inputValue()).toBe(today);
    expect(await date.getAttribute('placeholder')).toBe('DD-MM-AAAA');
    // The demo's session by MR(93) ended 3.5 hours ago: past midnight in Santiago it is yesterday's.
    const sessionDay = formatDate(now - 3.5 * HOUR, TZ);
    if (sessionDay !== today) {
      await date.fill(sessionDay);
      await side.getByRole('button', { name: 'Ver día' }).click();
    }
    await side.getByRole('heading', { name: `MR(93) · ${sessionDay}` }).waitFor();
    const unions = (await xlsxRows(input, 'Uniones')).filter((u) => u.TAG_SPOOL === demoTag(4));
    const inches = [3, 4, 5].reduce(
      (sum, n) => sum + Number(unions.find((u) => u.N_UNION === n)!.DN_UNION),
      0,
    );
    const shown = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 2 }).format(inches);
    const entry = side.getByRole('listitem').filter({ hasText: demoTag(4) });
    expect(await entry.textContent()).toContain(`Uniones 3, 4, 5 · ${shown} pulgadas`);
    expect(await side.getByRole('region', { name: 'Totales del día' }).textContent()).toContain(
      `ARM: 3 uniones · ${shown} pulgadas`,
    );
    await sideShot('panel-1-mi-dia-300px');
    await sideShot('panel-1b-capacidad-sin-resumen-300px', card);

    // Not a day: said next to the field (announced), nothing asked; typed with slashes it is read.
    await date.fill('31-02-2026');
    const refused = await callsOf(async () => {
      await date.press('Enter');
      await side.getByRole('alert').filter({ hasText: 'no es una fecha' }).waitFor();
    });
    expect(refused).toEqual([]);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await sideShot('panel-2a-fecha-invalida-300px', date);
    await date.fill('1/1/2026');
    const empty = await callsOf(async () => {
      await side.getByRole('button', { name: 'Ver día' }).click();
      await side.getByText('Sin registros este día.').waitFor();
    });
    expect(empty).toEqual(['apiWorkerDay']);
    expect(await date.inputValue()).toBe('01-01-2026');
    await side.getByRole('heading', { name: 'MR(93) · 01-01-2026' }).waitFor();
    await sideShot('panel-2-mi-dia-vacio-300px');
  });

  it('Ocupados: oldest first, the stale one said in words; Liberar with a reason and a confirmation frees it', async () => {
    const listed = await callsOf(async () => {
      await side.getByRole('tab', { name: 'Ocupados' }).click();
      await side.getByRole('heading', { name: '2 spools ocupados' }).waitFor();
    });
    expect(listed).toEqual(['apiOccupiedSpools']);
    const cards = side.getByRole('listitem');
    expect(await cards.nth(0).textContent()).toContain(demoTag(8));
    expect(await cards.nth(0).textContent()).toMatch(/Lleva 30 h: probablemente quedó tomado/);
    expect(await cards.nth(1).textContent()).toContain(demoTag(5));
    expect(await cards.nth(1).textContent()).not.toMatch(/Lleva/);
    // Stale in colour too: the card's left border is the alarm red.
    const border = await cards.nth(0).evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(border).toBe('rgb(180, 35, 24)');
    await sideShot('panel-3-ocupados-300px');

    await side.getByRole('button', { name: `Liberar ${demoTag(8)}` }).click();
    const reason = side.getByRole('textbox', { name: 'Motivo de la liberación' });
    expect(await side.getByRole('button', { name: 'Continuar' }).isDisabled()).toBe(true);
    await reason.fill('Quedó tomado desde ayer; JP(94) no está en turno');
    await sideShot('panel-4-motivo-300px', reason);
    await side.getByRole('button', { name: 'Continuar' }).click();
    const dialog = side.getByRole('dialog', { name: `Liberar el spool ${demoTag(8)}` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Lo tiene JP\(94\) desde/);
    expect(await dialog.textContent()).toMatch(/Motivo: Quedó tomado desde ayer/);
    await sideShot('panel-5-confirmar-liberacion-300px');
    const released = await callsOf(async () => {
      await dialog.getByRole('button', { name: 'Confirmar liberación' }).click();
      await expect
        .poll(() => side.getByRole('status').textContent())
        .toMatch(/liberado \(lo tenía JP\(94\)\)/);
      await side.getByRole('heading', { name: '1 spool ocupado' }).waitFor();
    });
    expect(released).toEqual(['apiReleaseSpool', 'apiOccupiedSpools']);
    expect(await side.getByRole('listitem').count()).toBe(1);
    await sideShot('panel-6-liberado-300px');

    // The sheet: Ocupado_Por and Fecha_Ocupacion cleared in the view and in the --out file, the event logged.
    const row = (await viewRows(page, 'Operaciones')).find((r) => r.TAG_SPOOL === demoTag(8))!;
    expect(row.Ocupado_Por).toBe('');
    expect(row.Fecha_Ocupacion).toBe('');
    const written = (await xlsxRows(out, 'Operaciones')).find((r) => r.TAG_SPOOL === demoTag(8))!;
    expect(written.Ocupado_Por ?? null).toBeNull();
    expect(String(written.Estado_Detalle)).toMatch(/^Disponible/);
    const event = (await xlsxRows(out, 'Metadata')).find(
      (e) => e.TAG_SPOOL === demoTag(8) && e.Evento_Tipo === 'SPOOL_CANCELADO',
    )!;
    expect(event.Accion).toBe('CANCELAR');
    expect(JSON.parse(String(event.Metadata_JSON))).toMatchObject({
      released_by: 'MR(93)',
      former_holder: 'JP(94)',
      reason: 'Quedó tomado desde ayer; JP(94) no está en turno',
    });
  });

  it("Historial: an occupied spool's open session, and a spool typed with its paused sessions", async () => {
    const opened = await callsOf(async () => {
      await side.getByRole('button', { name: `Historial de ${demoTag(5)}` }).click();
      await side.getByRole('heading', { name: `Historial de ${demoTag(5)}` }).waitFor();
    });
    expect(opened).toEqual(['apiSpoolHistory']);
    expect(await side.getByRole('tab', { name: 'Historial' }).getAttribute('aria-selected')).toBe('true');
    const sessions = side.getByRole('region', { name: 'Sesiones de trabajo' });
    expect(await sessions.textContent()).toMatch(/ARM · CD\(98\) · abierta/);
    await sideShot('panel-7-historial-ocupado-300px');

    const field = side.getByRole('textbox', { name: 'Spool' });
    await field.fill(demoTag(4));
    const typed = await callsOf(async () => {
      await field.press('Enter');
      await side.getByRole('heading', { name: `Historial de ${demoTag(4)}` }).waitFor();
    });
    expect(typed).toEqual(['apiSpoolHistory']);
    // MR(93) twice: the add-on's sessions of two days, each INICIAR to its PAUSAR.
    expect((await sessions.textContent())!.match(/ARM · MR\(93\) · pausada/g)).toHaveLength(2);
    const events = side.getByRole('region', { name: 'Eventos, el más reciente primero' });
    // The codes in words: "Pausa", not PAUSAR_SPOOL.
    expect(await events.textContent()).toMatch(/Pausa · ARM · MR\(93\) · uniones 3, 4, 5/);
    expect(await events.textContent()).not.toMatch(/PAUSAR_SPOOL|INICIAR_SPOOL/);
    await sideShot('panel-8-historial-300px', events);

    // 008, released above: who freed it and why, not "cancelada" and SPOOL_CANCELADO.
    await field.fill(demoTag(8));
    await field.press('Enter');
    await side.getByRole('heading', { name: `Historial de ${demoTag(8)}` }).waitFor();
    const reason = 'Quedó tomado desde ayer; JP(94) no está en turno';
    expect(await sessions.textContent()).toContain(`· liberada por MR(93): ${reason}`);
    expect(await sessions.textContent()).not.toMatch(/cancelada/);
    expect(await events.textContent()).toContain(`Liberado por MR(93) · SOLD · motivo: ${reason}`);
    expect(await events.textContent()).not.toMatch(/SPOOL_CANCELADO/);
    await sideShot('panel-8b-historial-liberado-300px', sessions);
  });

  it('the menu creates Resumen while the Panel says there is none: opening the Panel again reads its line', async () => {
    const card = side.getByRole('region', { name: 'Capacidad de la planilla' });
    expect(await card.textContent()).toMatch(/Aún no hay hoja Resumen/);
    await side.getByRole('tab', { name: 'Registrar' }).click();
    await page.getByRole('button', { name: 'Menú: Resumen de producción' }).click();
    await page.getByRole('table', { name: 'Resumen' }).waitFor();
    const calls = await callsOf(async () => {
      await side.getByRole('tab', { name: 'Panel' }).click();
      await card.getByText(/^Capacidad: [\d.]+ de 10\.000\.000 celdas/).waitFor();
    });
    // One cheap read of the line beside the section's own call; nothing rewritten.
    expect(calls.filter((c) => c === 'apiLastCapacity')).toHaveLength(1);
    expect(calls).not.toContain('apiRefreshSummary');
    expect(await card.textContent()).toMatch(/Medida en la última actualización de Resumen: \d{2}:\d{2}\./);
    await sideShot('panel-8c-capacidad-tras-menu-300px', card);
  });

  it('Actualizar Resumen: the capacity line under the Panel, the Resumen sheet written', async () => {
    const calls = await callsOf(async () => {
      await side.getByRole('button', { name: 'Actualizar Resumen' }).click();
      // The line read when the Panel opened is already shown: wait for the refresh's own note.
      await side.getByText(/^Hoja Resumen actualizada a las \d{2}:\d{2}/).waitFor();
    });
    expect(calls).toEqual(['apiRefreshSummary']);
    const card = side.getByRole('region', { name: 'Capacidad de la planilla' });
    expect(await card.textContent()).toMatch(/Hoja Resumen actualizada a las \d{2}:\d{2}/);
    await sideShot('panel-9-capacidad-300px', card);
    expect((await viewRows(page, 'Resumen')).length).toBeGreaterThan(0);
  });

  it('the tabs answer the keyboard: arrows move the focus, Enter shows the tab', async () => {
    const panelTab = side.getByRole('tab', { name: 'Historial' });
    await panelTab.focus();
    await panelTab.press('ArrowLeft');
    const focused = side.getByRole('tab', { name: 'Ocupados' });
    expect(await focused.evaluate((el) => el === document.activeElement)).toBe(true);
    const calls = await callsOf(async () => {
      await focused.press('Enter');
      await side.getByRole('heading', { name: /spools? ocupados?/ }).waitFor();
    });
    expect(calls).toEqual(['apiOccupiedSpools']);
    await side.getByRole('tab', { name: 'Registrar' }).click();
    await side.getByRole('textbox', { name: 'OT' }).waitFor();
  });

  it('a new sidebar: the Panel shows the line the last refresh wrote, with its time, without rewriting Resumen', async () => {
    const resumen = await viewRows(page, 'Resumen');
    await page.reload();
    side = page.getByTitle('Barra lateral').contentFrame();
    const worker = side.getByRole('combobox', { name: 'Trabajador' });
    await worker.getByRole('option').nth(1).waitFor({ state: 'attached' });
    const card = side.getByRole('region', { name: 'Capacidad de la planilla' });
    const calls = await callsOf(async () => {
      await side.getByRole('tab', { name: 'Panel' }).click();
      await card.getByText(/^Capacidad: [\d.]+ de 10\.000\.000 celdas/).waitFor();
    });
    expect(calls).toContain('apiLastCapacity');
    expect(calls).not.toContain('apiRefreshSummary');
    expect(await card.textContent()).toMatch(/Medida en la última actualización de Resumen: \d{2}:\d{2}\./);
    expect(await viewRows(page, 'Resumen')).toEqual(resumen);
    await sideShot('panel-10-capacidad-al-abrir-300px', card);
  });

  it('Mi día with no worker chosen says to choose one in Registrar, not an empty "Mi día"', async () => {
    // A sidebar that remembers no worker (a first use on this device).
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    await frame.evaluate(() => localStorage.clear());
    await page.reload();
    side = page.getByTitle('Barra lateral').contentFrame();
    const worker = side.getByRole('combobox', { name: 'Trabajador' });
    await worker.getByRole('option').nth(1).waitFor({ state: 'attached' });
    expect(await worker.inputValue()).toBe('');
    const calls = await callsOf(async () => {
      await side.getByRole('tab', { name: 'Panel' }).click();
      await side.getByRole('heading', { name: 'Elija un trabajador en Registrar' }).waitFor();
    });
    expect(calls).toEqual(['apiLastCapacity']);
    const show = side.getByRole('button', { name: 'Ver día' });
    expect(await show.isDisabled()).toBe(true);
    expect(await show.getAttribute('aria-describedby')).toBe('day-heading');
    await sideShot('panel-11-mi-dia-sin-trabajador-300px');
  });
});
