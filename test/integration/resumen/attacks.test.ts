// Review attacks on the Resumen refresh (issue 16 §6–7): a Resumen sheet made by hand, the window's bounds
// (summaryDays 1 and 366), and messages in correct Spanish.

import { describe, expect, it } from 'vitest';
import { summaryService } from '../../../src/app/resumen/summaryJob';
import { saveSettings } from '../../../src/data/settingsRepository';
import { failure } from '../../support/failure';
import { charts, dailyTable } from '../../support/resumen';
import { environment, records, trackingBook } from '../../support/tracking';

function shop(summaryDays = 7) {
  const book = trackingBook({
    spools: [{ ot: '001', tag: 'SP-001' }],
    unions: [{ ot: '001', n: 1, dn: 4.5, ARM_FECHA_FIN: '22-11-2026 09:00:00', ARM_WORKER: 'MR(93)' }],
  });
  const env = environment(book);
  saveSettings(env.ports().properties, { summaryDays });
  return { book, env, refresh: () => summaryService(env.ports()).refresh('menu') };
}

describe('Resumen de producción under attack', () => {
  it('a Resumen sheet made by hand with other content is refused, its cells and charts untouched', () => {
    const { book, refresh } = shop();
    const own = book.addSheet(
      'Resumen',
      [
        ['Presupuesto', 'Monto'],
        ['Cañería', 1200],
      ],
      { maxColumns: 26 },
    );
    own.charts.insert(
      own
        .newChart()
        .setChartType('PIE')
        .addRange(own.getRange(1, 1, 2, 2))
        .build(),
    );
    const before = { cells: own.dump(), charts: charts(book) };
    const logBefore = records(book, 'Metadata').length;
    expect(failure(refresh).message).toBe(
      'CONFLICT: La hoja "Resumen" ya existe y no es la del resumen de producción (su A1 dice "Presupuesto"): ' +
        'cámbiele el nombre o bórrela y vuelva a intentarlo; no se cambió nada en ella.',
    );
    expect(own.dump()).toEqual(before.cells);
    expect(charts(book)).toEqual(before.charts);
    expect(records(book, 'Metadata').length).toBeGreaterThanOrEqual(logBefore);
  });

  it('an empty Resumen made by hand is taken over', () => {
    const { book, refresh } = shop();
    book.addSheet('Resumen', [[]], { maxColumns: 26 });
    expect(refresh().chart).toBe('created');
    expect(dailyTable(book)).toHaveLength(8);
  });

  it('summaryDays 1 is today alone, 366 a year and a day back', () => {
    const one = shop(1);
    expect(one.refresh()).toMatchObject({ days: 1, from: '22-11-2026', to: '22-11-2026' });
    expect(dailyTable(one.book)).toEqual([
      ['Fecha', 'Uniones ARM', 'Pulgadas ARM', 'Uniones SOLD', 'Pulgadas SOLD'],
      ['22-11-2026', '1', '4.50', '0', '0.00'],
    ]);
    const year = shop(366);
    expect(year.refresh()).toMatchObject({ days: 366, from: '22-11-2025', to: '22-11-2026' });
    expect(dailyTable(year.book)).toHaveLength(367);
    expect(charts(year.book)[0]!.ranges).toEqual(['A1:A367', 'C1:C367', 'E1:E367']);
  });

  it('says "1 gráfico de más" and "2 gráficos de más", never "gráfico(s)"', () => {
    const { book, refresh } = shop();
    refresh();
    const sheet = book.sheet('Resumen');
    const ours = sheet.charts.list()[0]!;
    sheet.charts.insert(ours);
    expect(refresh().message).toContain('Se quitó 1 gráfico de más.');
    sheet.charts.insert(ours);
    sheet.charts.insert(ours);
    const message = refresh().message;
    expect(message).toContain('Se quitaron 2 gráficos de más.');
    expect(message).not.toContain('(s)');
  });
});
