// The built sidebar in headless Chromium on the playground's demo: the answer to FINALIZAR is brought into
// view and focused (it stayed scrolled where the dialog was, cut at the top), and a spool whose unions are all
// armed says "Spool completo en ARM", not "Seleccionadas 0/0". 300 px screenshots in build/test-output/browser/.

import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../scripts/playground/server';
import { hasChromium, openPlayground, SHOTS } from '../support/browser';
import { demoTag } from '../../src/memory/demoWorkbook';

describe.skipIf(!hasChromium)('the answer in view, in Chromium on the playground', { timeout: 60000 }, () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let side: FrameLocator;

  const sideShot = (name: string) =>
    page.getByTitle('Barra lateral').screenshot({ path: join(SHOTS, `${name}.png`) });

  /** Whether the element is wholly inside the sidebar's visible area, and whether it has the focus. */
  const placement = (locator: ReturnType<FrameLocator['locator']>) =>
    locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return {
        inView: box.top >= 0 && box.bottom <= window.innerHeight,
        focused: el === document.activeElement,
      };
    });

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, log: () => {} });
    ({ browser, page, side } = await openPlayground(playground));
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it("FINALIZAR of OT 001's ten unions: the answer whole in view and focused, then 'Spool completo en ARM'", async () => {
    await side.getByRole('textbox', { name: 'OT' }).fill('001');
    await side.getByRole('button', { name: 'Buscar' }).click();
    await side.getByRole('button', { name: `INICIAR ${demoTag(1)}` }).click();
    await expect.poll(() => side.getByRole('status').textContent()).toMatch(/INICIAR ARM/);
    // INICIAR's button is gone once the spool is taken: the focus is on its answer, not lost.
    await expect.poll(() => placement(side.getByRole('status'))).toEqual({ inView: true, focused: true });
    await side.getByRole('button', { name: 'Seleccionar disponibles' }).click();
    await side.getByRole('button', { name: 'FINALIZAR' }).click();
    const dialog = side.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/COMPLETAR/);
    await dialog.getByRole('button', { name: 'Confirmar y registrar' }).click();
    const status = side.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/ARM 10\/10 \(132,5 pulg\.\)/);
    // The answer starts in view (it was cut at the top: the page stayed scrolled where the dialog was).
    await expect.poll(() => placement(status)).toEqual({ inView: true, focused: true });
    expect(await status.textContent()).toMatch(/^FINALIZAR ARM de la OT 001/);
    await sideShot('answer-1-finalizar-en-vista-300px');

    const actions = side.locator('.actions');
    expect(await actions.textContent()).toContain('Spool completo en ARM');
    expect(await actions.textContent()).not.toMatch(/Seleccionadas 0\/0|Marque al menos una unión/);
    const finish = side.getByRole('button', { name: 'FINALIZAR' });
    expect(await finish.isDisabled()).toBe(true);
    const why = await finish.getAttribute('aria-describedby');
    expect(await side.locator(`#${why}`).textContent()).toBe('No queda ninguna unión por registrar.');
    await actions.scrollIntoViewIfNeeded();
    await sideShot('answer-2-spool-completo-300px');
  });

  it('an error is brought into view and focused too', async () => {
    await page.getByRole('combobox', { name: /Próxima llamada/i }).selectOption('before');
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    await frame.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await side.getByRole('button', { name: 'Recalcular métricas' }).click();
    const alert = side.getByRole('alert').filter({ hasText: /./ }).first();
    await alert.waitFor();
    await expect.poll(() => placement(alert)).toEqual({ inView: true, focused: true });
    await sideShot('answer-3-error-en-vista-300px');
  });
});
