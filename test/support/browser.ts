// What the browser tests share: Debian's Chromium through playwright-core, the playground's page at
// 1400 × 900, its sidebar frame with a worker chosen, and where screenshots go.

import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import type { Playground } from '../../scripts/playground/server';

export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = 'build/test-output/browser';
/** Without Debian's Chromium the browser tests say so and are skipped (`.ci/run` installs it). */
export const hasChromium = existsSync(CHROMIUM);

export interface PlaygroundPage {
  browser: Browser;
  page: Page;
  /** The sidebar's frame (`Barra lateral`). */
  side: FrameLocator;
}

/**
 * Opens `playground` in headless Chromium (the flags this machine needs), the sidebar loaded and the worker
 * whose option contains `worker` chosen. Close `browser` when done. Throws what playwright throws.
 */
export async function openPlayground(playground: Playground, worker = 'MR(93)'): Promise<PlaygroundPage> {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10000);
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${playground.port}/`);
  const side = page.getByTitle('Barra lateral').contentFrame();
  const workers = side.getByRole('combobox', { name: 'Trabajador' });
  await workers.getByRole('option').nth(1).waitFor({ state: 'attached' });
  const labels = await workers.getByRole('option').allTextContents();
  await workers.selectOption({ label: labels.find((l) => l.includes(worker))! });
  return { browser, page, side };
}
