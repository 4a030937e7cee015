// The playground's view of the workbook in headless Chromium: the last writing call's cells stay highlighted
// through the sidebar's follow-up read (INICIAR, Liberar), its tabs marked, its ranges listed as buttons that
// open the tab at the cell; the column letters stay on top of a scrolled sheet. Screenshots (vista-*) into
// build/test-output/browser/.

import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../scripts/playground/server';
import { hasChromium, openPlayground, SHOTS } from '../support/browser';
import { demoTag } from '../../src/memory/demoWorkbook';

describe.skipIf(!hasChromium)('the workbook view in Chromium, on the playground', { timeout: 60000 }, () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let side: FrameLocator;

  const changes = () => page.getByRole('group', { name: 'Celdas cambiadas' });
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  /** Names of the sheet tabs that carry the changed-cells marker. */
  const markedTabs = () =>
    page.locator('[role=tab]:has(.mark)').evaluateAll((tabs) => tabs.map((t) => t.firstChild?.textContent));

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, demoEvents: true });
    ({ browser, page, side } = await openPlayground(playground));
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('before any write: no list, no marker, no highlight', async () => {
    expect(await changes().isHidden()).toBe(true);
    expect(await markedTabs()).toEqual([]);
    expect(await page.locator('td.changed').count()).toBe(0);
  });

  it('INICIAR: its cells stay highlighted after the read that follows, its tabs marked, its ranges listed', async () => {
    await side.getByRole('textbox', { name: 'OT' }).fill('001');
    await side.getByRole('button', { name: 'Buscar' }).click();
    await side.getByRole('button', { name: `INICIAR ${demoTag(1)}` }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/INICIAR ARM: MR\(93\) tomó/);
    // The sidebar reads the spool's unions again after INICIAR: that read must not clear the highlight.
    await expect.poll(() => playground.calls.at(-1)?.name).toBe('apiListUnions');
    await expect.poll(() => changes().textContent()).toMatch(/^Cambiadas por apiStartWork:/);
    expect(await markedTabs()).toEqual(['Operaciones', 'Metadata']);
    // The marker is no part of the tab's name.
    expect(await tab('Operaciones').count()).toBe(1);

    const ranges = await changes().getByRole('button').allTextContents();
    expect(ranges.some((r) => /^Operaciones!B[A-Z]2/.test(r))).toBe(true);
    expect(ranges.filter((r) => r.startsWith('Metadata!'))).toHaveLength(1);
    await tab('Operaciones').click();
    // Ocupado_Por of row 2 is among the highlighted cells.
    const occupied = page
      .locator('tbody tr')
      .nth(1)
      .locator('td.changed', { hasText: /^MR\(93\)$/ });
    expect(await occupied.count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'vista-1-iniciar-cambiadas.png') });

    // A far range: its button opens the tab and scrolls its first cell into view, below the sticky header.
    await tab('Uniones').click();
    const far = ranges.find((r) => /^Operaciones!B[A-Z]2/.test(r))!;
    await changes().getByRole('button', { name: far, exact: true }).click();
    expect(await tab('Operaciones').getAttribute('aria-selected')).toBe('true');
    const target = page.locator('td.target');
    expect(await target.count()).toBe(1);
    expect(await target.getAttribute('class')).toMatch(/changed/);
    const cell = (await target.boundingBox())!;
    const panel = (await page.locator('#panel').boundingBox())!;
    const header = (await page.locator('thead th').first().boundingBox())!;
    expect(cell.x).toBeGreaterThanOrEqual(panel.x);
    expect(cell.x + cell.width).toBeLessThanOrEqual(panel.x + panel.width);
    expect(cell.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(cell.y + cell.height).toBeLessThanOrEqual(panel.y + panel.height);
    await page.screenshot({ path: join(SHOTS, 'vista-2-ir-al-rango.png') });
  });

  it('a scrolled sheet shows nothing above its column letters, nor over the row numbers', async () => {
    await tab('Uniones').click();
    await page.locator('#panel').evaluate((panel) => {
      panel.scrollTop = 31; // the header over half a row
      panel.scrollLeft = 80;
    });
    const hits = await page.evaluate(() => {
      // The sticky cells' own boxes (the row under them has scrolled away).
      const header = document.querySelectorAll('thead th')[2]!.getBoundingClientRect();
      const corner = document.querySelector('thead th')!.getBoundingClientRect();
      const rowNumber = document.querySelectorAll('tbody th')[3]!.getBoundingClientRect();
      const at = (x: number, y: number) => {
        const hit = document.elementFromPoint(x, y)!;
        return `${hit.tagName}${hit.closest('thead') ? ' thead' : ''}`;
      };
      return {
        topEdge: at(header.left + 8, header.top + 0.5),
        letters: at(header.left + 8, header.top + header.height / 2),
        corner: at(corner.left + corner.width / 2, corner.top + corner.height / 2),
        rowNumber: at(rowNumber.left + 4, rowNumber.top + rowNumber.height / 2),
      };
    });
    expect(hits).toEqual({ topEdge: 'TH thead', letters: 'TH thead', corner: 'TH thead', rowNumber: 'TH' });
    const panel = (await page.locator('#panel').boundingBox())!;
    await page.screenshot({
      path: join(SHOTS, 'vista-3-cabecera-fija.png'),
      clip: { x: panel.x, y: panel.y - 4, width: 520, height: 90 },
    });
    await page.locator('#panel').evaluate((panel) => panel.scrollTo(0, 0));
  });

  it('Liberar: the cleared cells stay highlighted after the list is read again', async () => {
    await side.getByRole('tab', { name: 'Panel' }).click();
    await side.getByRole('tab', { name: 'Ocupados' }).click();
    await side.getByRole('button', { name: `Liberar ${demoTag(8)}` }).click();
    await side.getByRole('textbox', { name: 'Motivo de la liberación' }).fill('Quedó tomado desde ayer');
    await side.getByRole('button', { name: 'Continuar' }).click();
    await side.getByRole('dialog').getByRole('button', { name: 'Confirmar liberación' }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/liberado/);
    await expect.poll(() => playground.calls.at(-1)?.name).toBe('apiOccupiedSpools');
    await expect.poll(() => changes().textContent()).toMatch(/^Cambiadas por apiReleaseSpool:/);
    expect(await markedTabs()).toEqual(['Operaciones', 'Metadata']);
    await tab('Operaciones').click();
    const header = await page.locator('tbody tr').first().locator('td').allTextContents();
    const row = page.locator('tbody tr', { has: page.getByRole('cell', { name: demoTag(8), exact: true }) });
    const ocupado = row.locator('td').nth(header.indexOf('Ocupado_Por'));
    expect(await ocupado.textContent()).toBe('');
    expect(await ocupado.getAttribute('class')).toBe('changed');
    await page.screenshot({ path: join(SHOTS, 'vista-4-liberar-cambiadas.png') });
  });
});
