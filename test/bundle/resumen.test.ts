import { describe, expect, it } from 'vitest';
import { buildDemoWorkbook } from '../../src/memory/demoWorkbook';
import { loadBundle } from '../support/bundle';
import { charts, dailyTable, workerTable } from '../support/resumen';
import { records } from '../support/tracking';

describe('Resumen de producción through build/Code.js', () => {
  it('the menu item runs menuRefreshSummary: Resumen with its tables and one chart, twice, and an alert', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    bundle.call('onOpen', { authMode: 'FULL' });
    const item = bundle.apps.ui.menus[0]!.items.find(
      (i) => i !== 'separator' && i.caption === 'Resumen de producción',
    );
    expect(item).toEqual({ caption: 'Resumen de producción', functionName: 'menuRefreshSummary' });
    expect(typeof bundle.scope.menuRefreshSummary).toBe('function');

    bundle.call('menuRefreshSummary');
    expect(bundle.apps.ui.alerts.at(-1)!.title).toBe('Resumen de producción');
    expect(bundle.apps.ui.alerts.at(-1)!.message).toMatch(/^Hoja Resumen creada: 30 días \(/);
    expect(dailyTable(book)).toHaveLength(31);
    expect(dailyTable(book)[0]).toEqual([
      'Fecha',
      'Uniones ARM',
      'Pulgadas ARM',
      'Uniones SOLD',
      'Pulgadas SOLD',
    ]);
    expect(workerTable(book)[0]).toEqual(['Fecha', 'Trabajador', 'Operación', 'Uniones', 'Pulgadas']);
    // The Fecha written by Code.js is a real date shown dd-mm-yyyy, not the text of a Date.
    expect(book.sheet('Resumen').readBlock(2, 1, 1, 1)[0]![0]).toBeInstanceOf(Date);
    expect(dailyTable(book)[30]![0]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const [chart] = charts(book);
    expect(chart).toMatchObject({ type: 'COLUMN', ranges: ['A1:A31', 'C1:C31', 'E1:E31'] });

    bundle.call('menuRefreshSummary');
    expect(bundle.apps.ui.alerts.at(-1)!.message).toMatch(/^Hoja Resumen actualizada: 30 días/);
    expect(charts(book)).toEqual([chart]);
    expect(records(book, 'Metadata').filter((r) => r.Evento_Tipo === 'RESUMEN_PRODUCCION')).toHaveLength(2);
  });

  it('apiRefreshSummary answers JSON with the capacity line; the hourly trigger refreshes Resumen too', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    const answer = bundle.call<{
      sheet: string;
      days: number;
      capacity: { cellLimit: number; line: string; warning: boolean };
      unreadable: { count: number };
    }>('apiRefreshSummary');
    expect(answer).toMatchObject({
      sheet: 'Resumen',
      days: 30,
      capacity: { cellLimit: 10_000_000, warning: false },
    });
    expect(answer.capacity.line).toMatch(/^Capacidad: [\d.]+ de 10\.000\.000 celdas \(\d+,\d %\); /);
    const before = records(book, 'Metadata').length;
    bundle.call('onMetricsTrigger', { triggerUid: '7' });
    const logged = records(book, 'Metadata')
      .slice(before)
      .map((r) => r.Evento_Tipo);
    expect(logged).toEqual(['JOB_METRICAS', 'RESUMEN_PRODUCCION']);
    expect(charts(book)).toHaveLength(1);
  });

  it('a missing Uniones sheet is an alert that says so, and no Resumen is made', () => {
    const book = buildDemoWorkbook();
    const uniones = book.sheet('Uniones');
    book.deleteSheet(uniones);
    const bundle = loadBundle(book);
    bundle.call('menuRefreshSummary');
    expect(bundle.apps.ui.alerts.at(-1)!.message).toMatch(/^No existe la hoja "Uniones"/);
    expect(book.hasSheet('Resumen')).toBe(false);
  });
});
