// The playground without a browser: google.script.run through the shim, the failure modes, the sheet view,
// reset, and --out written back with the untouched cells as they were.

import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOGLE_SCRIPT_SHIM, withShim } from '../../scripts/playground/shim';
import { startPlayground, type Playground } from '../../scripts/playground/server';

let playground: Playground | undefined;
afterEach(async () => {
  await playground?.close();
  playground = undefined;
});

interface Answer {
  ok: boolean;
  value?: unknown;
  error?: unknown;
  userObject?: unknown;
}

/** A window with the shim installed, whose fetch reaches the playground (as the sidebar's page does). */
function shimmedWindow(base: string) {
  const window: Record<string, unknown> = {
    Proxy,
    JSON,
    Error,
    console,
    setTimeout,
    location: { origin: base },
    fetch: (url: string, init: RequestInit) => fetch(new URL(url, `${base}sidebar`), init),
  };
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(GOOGLE_SCRIPT_SHIM.replace(/^<script>|<\/script>$/g, ''), context);
  const run = (window.google as { script: { run: Record<string, unknown> } }).script.run;
  return (name: string, ...args: unknown[]) =>
    new Promise<Answer>((resolve) => {
      const runner = run as unknown as {
        withSuccessHandler(f: (v: unknown, u: unknown) => void): typeof runner;
        withFailureHandler(f: (e: unknown, u: unknown) => void): typeof runner;
        withUserObject(o: unknown): typeof runner;
      } & Record<string, (...a: unknown[]) => void>;
      runner
        .withSuccessHandler((value, userObject) => resolve({ ok: true, value, userObject }))
        .withFailureHandler((error, userObject) => resolve({ ok: false, error, userObject }))
        .withUserObject('intent-1')[name]!(...args);
    });
}

const workbookView = async (p: Playground) =>
  (await (await fetch(`${p.url}api/workbook`)).json()) as {
    sheets: Array<{ name: string; rows: string[][] }>;
  };

describe('the playground', () => {
  it('injects the shim before the sidebar scripts', () => {
    const html = withShim('<!doctype html><html><head><title>x</title><script>app()</script></head></html>');
    expect(html.indexOf('google.script')).toBeLessThan(html.indexOf('app()'));
    expect(html.indexOf('google.script')).toBeGreaterThan(html.indexOf('<head>'));
  });

  it('answers google.script.run through Code.js: JSON results, coded errors as Error with message', async () => {
    playground = await startPlayground({ port: 0 });
    const call = shimmedWindow(playground.url);
    const boot = await call('apiBootstrap');
    expect(boot.ok).toBe(true);
    expect(boot.userObject).toBe('intent-1');
    expect((boot.value as { workers: Array<{ display: string }> }).workers.map((w) => w.display)).toContain(
      'JP(94)',
    );
    const bad = await call('apiListUnions', { ot: '', operation: 'SOLD' });
    expect(bad.ok).toBe(false);
    expect(bad.error).toBeInstanceOf(Error);
    expect((bad.error as Error).message).toBe('VALIDATION: Solicitud inválida: ot: la OT es obligatoria.');
    const missing = await call('noSuchFunction');
    expect((missing.error as Error).message).toMatch(/noSuchFunction/);
    expect(playground.calls.map((c) => c.name)).toEqual(['apiBootstrap', 'apiListUnions', 'noSuchFunction']);
  });

  it('fails the next call before it runs, or runs it and loses the answer; a replay writes nothing twice', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'playground-')), 'out.xlsx');
    playground = await startPlayground({ port: 0, out });
    const call = shimmedWindow(playground.url);
    const control = (failNext: string) =>
      fetch(`${playground!.url}api/control`, { method: 'POST', body: JSON.stringify({ failNext }) });
    const request = {
      tagSpool: 'MK-1335-CW-25238-001',
      operation: 'ARM',
      workerId: 93,
      requestId: 'intent-0001',
    };

    await control('before');
    const before = await call('apiStartWork', request);
    expect((before.error as Error).message).toMatch(/NetworkError/);
    expect(playground.calls).toHaveLength(0);

    await control('lost');
    const lost = await call('apiStartWork', request);
    expect(lost.ok).toBe(false);
    const retried = await call('apiStartWork', request);
    expect(retried.ok).toBe(true);
    expect(playground.calls.map((c) => [c.name, c.lost])).toEqual([
      ['apiStartWork', true],
      ['apiStartWork', false],
    ]);

    // The sheet view shows Ocupado_Por as the sheet does; Metadata holds one INICIAR.
    const view = await workbookView(playground);
    const operaciones = view.sheets.find((s) => s.name === 'Operaciones')!.rows;
    const col = operaciones[0]!.indexOf('Ocupado_Por');
    expect(operaciones[1]![col]).toBe('MR(93)');
    const metadata = view.sheets.find((s) => s.name === 'Metadata')!.rows;
    expect(metadata.slice(1).filter((r) => r.includes('INICIAR'))).toHaveLength(1);

    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.getWorksheet('Operaciones')!;
    expect(sheet.getCell(2, col + 1).value).toBe('MR(93)');
    expect(sheet.getCell(2, 3).value).toBe('001');

    await fetch(`${playground.url}api/reset`, { method: 'POST' });
    const reset = (await workbookView(playground)).sheets.find((s) => s.name === 'Operaciones')!.rows;
    expect(reset[1]![col] ?? '').toBe('');
  });

  it('the demo as the sheet shows it: serial dates read as dates, ARM-only unions (FW, MIT) never welded', async () => {
    playground = await startPlayground({ port: 0 });
    const [header = [], ...rows] = (await workbookView(playground)).sheets.find(
      (s) => s.name === 'Uniones',
    )!.rows;
    const at = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
    const ofOt = (ot: string) => rows.filter((r) => at(r, 'OT') === ot);
    // OT 002 holds serial numbers (46085.41…) as production's older rows do, with a date format.
    expect(
      ofOt('002')
        .map((r) => at(r, 'ARM_FECHA_FIN'))
        .slice(0, 3),
    ).toEqual(['04-03-2026 09:50:24', '04-03-2026 10:04:48', '04-03-2026 10:19:12']);
    expect(rows.flat().filter((cell) => /^\d{5},\d+$/.test(cell))).toEqual([]);
    const armOnly = rows.filter((r) => ['FW', 'MIT'].includes(at(r, 'TIPO_UNION')));
    expect(armOnly.length).toBeGreaterThan(0);
    expect(armOnly.filter((r) => at(r, 'SOL_WORKER') !== '' || at(r, 'SOL_FECHA_FIN') !== '')).toEqual([]);
    // Other types are still welded where the demo says so (OT 003: unions 1, 2, 3 of its first 4).
    expect(ofOt('003').map((r) => at(r, 'SOL_WORKER'))).toEqual([
      'JP(94)',
      'JP(94)',
      'JP(94)',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it('declares a favicon on its pages, so the browser asks for no /favicon.ico', async () => {
    playground = await startPlayground({ port: 0 });
    for (const path of ['', 'sidebar']) {
      const html = await (await fetch(`${playground.url}${path}`)).text();
      expect(html, path || '/').toMatch(/<link rel="icon" href="data:,">/);
    }
  });

  it('runs the Resumen de producción menu item and shows the Resumen tab, its chart described and the alert', async () => {
    playground = await startPlayground({ port: 0 });
    const answer = (await (
      await fetch(`${playground.url}rpc/menuRefreshSummary`, { method: 'POST', body: '{"args":[]}' })
    ).json()) as Answer;
    expect(answer.ok).toBe(true);
    const view = (await (await fetch(`${playground.url}api/workbook`)).json()) as {
      sheets: Array<{
        name: string;
        rows: string[][];
        charts: Array<{ title: string; ranges: string[]; anchor: string }>;
      }>;
      alert: { title: string; message: string };
    };
    const resumen = view.sheets.find((s) => s.name === 'Resumen')!;
    expect(resumen.rows[0]!.slice(0, 5)).toEqual([
      'Fecha',
      'Uniones ARM',
      'Pulgadas ARM',
      'Uniones SOLD',
      'Pulgadas SOLD',
    ]);
    expect(resumen.rows[1]![0]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(resumen.charts).toEqual([
      {
        title: 'Pulgadas ARM y SOLD por día (30 días)',
        ranges: ['A1:A31', 'C1:C31', 'E1:E31'],
        anchor: expect.stringMatching(/^M\d+$/),
      },
    ]);
    expect(view.alert).toMatchObject({
      title: 'Resumen de producción',
      message: expect.stringMatching(/^Hoja Resumen creada/),
    });
  });

  it("keeps the last writing call's changed cells and ranges until the next writing call; reads and reset", async () => {
    playground = await startPlayground({ port: 0, demoEvents: true });
    const rpc = async (name: string, ...args: unknown[]) =>
      (await (
        await fetch(`${playground!.url}rpc/${name}`, { method: 'POST', body: JSON.stringify({ args }) })
      ).json()) as Answer;
    const change = async () => ((await workbookView(playground!)) as unknown as { change: Change }).change;
    type Change = {
      call: string;
      sheets: Array<{ name: string; cells: number[][]; ranges: string[] }>;
    } | null;

    expect(await change()).toBeNull();
    expect((await rpc('apiBootstrap')).ok).toBe(true);
    expect(await change()).toBeNull();
    const tag = 'MK-1335-CW-25238-001';
    const started = await rpc('apiStartWork', {
      tagSpool: tag,
      operation: 'ARM',
      workerId: 93,
      requestId: 'intent-0001',
    });
    expect(started.ok).toBe(true);
    const afterStart = await change();
    expect(afterStart!.call).toBe('apiStartWork');
    expect(afterStart!.sheets.map((s) => s.name)).toEqual(['Operaciones', 'Metadata']);
    const operaciones = (await workbookView(playground)).sheets[0]!.rows;
    const ocupado = operaciones[0]!.indexOf('Ocupado_Por');
    expect(afterStart!.sheets[0]!.cells).toContainEqual([1, ocupado]);
    // Far to the right of the sheet (BO…), which is why the page lists the ranges.
    expect(afterStart!.sheets[0]!.ranges.join(' ')).toMatch(/Operaciones!B[A-Z]2/);
    expect(afterStart!.sheets[1]!.ranges).toEqual([expect.stringMatching(/^Metadata!A\d+:[A-Z]+\d+$/)]);

    // The sidebar's follow-up read changes nothing: the change of INICIAR stays.
    expect((await rpc('apiListUnions', { ot: '001', operation: 'ARM' })).ok).toBe(true);
    expect(await change()).toEqual(afterStart);

    // Liberar clears cells (Ocupado_Por of spool 008): cleared cells count; the list read after keeps it.
    const released = await rpc('apiReleaseSpool', {
      tagSpool: 'MK-1335-CW-25238-008',
      workerId: 93,
      reason: 'Quedó tomado desde ayer',
      requestId: 'intent-0002',
    });
    expect(released.ok).toBe(true);
    expect((await rpc('apiOccupiedSpools')).ok).toBe(true);
    const afterRelease = await change();
    expect(afterRelease!.call).toBe('apiReleaseSpool');
    const row8 = operaciones.findIndex((r) => r.includes('MK-1335-CW-25238-008'));
    expect(afterRelease!.sheets.find((s) => s.name === 'Operaciones')!.cells).toContainEqual([row8, ocupado]);

    await fetch(`${playground.url}api/reset`, { method: 'POST' });
    expect(await change()).toBeNull();
  });

  it("the demo's metric columns read one way: counts as 0, pulgadas as 0.00, as the add-on writes them", async () => {
    playground = await startPlayground({ port: 0, demoEvents: true });
    const [header = [], ...rows] = (await workbookView(playground)).sheets[0]!.rows;
    const column = (name: string) => rows.map((r) => r[header.indexOf(name)] ?? '').filter((v) => v !== '');
    for (const name of ['Pulgadas_ARM', 'Pulgadas_SOLD']) {
      expect(column(name).length, name).toBeGreaterThan(0);
      expect(
        column(name).filter((v) => !/^\d+,\d{2}$/.test(v)),
        name,
      ).toEqual([]);
    }
    for (const name of ['Total_Uniones', 'Uniones_ARM_Completadas', 'Uniones_SOLD_Completadas'])
      expect(
        column(name).filter((v) => !/^\d+$/.test(v)),
        name,
      ).toEqual([]);
  });
});
