import { describe, expect, it } from 'vitest';
import { summaryService } from '../../../src/app/resumen/summaryJob';
import { saveSettings } from '../../../src/data/settingsRepository';
import { charts, dailyTable, notes, otherSheets, workerTable } from '../../support/resumen';
import { environment, records, trackingBook, type UnionSpec } from '../../support/tracking';

/** A week at the shop (today is 22-11-2026): MR(93) arms two unions on the 20th, JP(94) welds and arms. */
const WEEK: UnionSpec[] = [
  {
    ot: '001',
    n: 1,
    dn: 4.5,
    ARM_FECHA_FIN: '20-11-2026 09:00:00',
    ARM_WORKER: 'MR(93)',
    SOL_FECHA_FIN: '21-11-2026 15:00:00',
    SOL_WORKER: 'JP(94)',
  },
  { ot: '001', n: 2, dn: 6, ARM_FECHA_FIN: '20-11-2026 11:00:00', ARM_WORKER: 'MR(93)' },
  { ot: '001', n: 3, dn: 8, ARM_FECHA_FIN: '22-11-2026 08:00:00', ARM_WORKER: 'JP(94)' },
  { ot: '001', n: 4, dn: 10, ARM_FECHA_FIN: '10-11-2026 16:00:00', ARM_WORKER: 'MR(93)' },
  { ot: '001', n: 5, dn: 12 },
];

function shop(summaryDays = 7) {
  const book = trackingBook({ spools: [{ ot: '001', tag: 'SP-001' }], unions: WEEK });
  const env = environment(book);
  saveSettings(env.ports().properties, { summaryDays });
  const refresh = () => summaryService(env.ports()).refresh('menu');
  return { book, env, refresh };
}

const DAILY_HEADER = ['Fecha', 'Uniones ARM', 'Pulgadas ARM', 'Uniones SOLD', 'Pulgadas SOLD'];
const WEEK_DAILY = [
  DAILY_HEADER,
  ['16-11-2026', '0', '0.00', '0', '0.00'],
  ['17-11-2026', '0', '0.00', '0', '0.00'],
  ['18-11-2026', '0', '0.00', '0', '0.00'],
  ['19-11-2026', '0', '0.00', '0', '0.00'],
  ['20-11-2026', '2', '10.50', '0', '0.00'],
  ['21-11-2026', '0', '0.00', '1', '4.50'],
  ['22-11-2026', '1', '8.00', '0', '0.00'],
];
const WEEK_WORKERS = [
  ['Fecha', 'Trabajador', 'Operación', 'Uniones', 'Pulgadas'],
  ['20-11-2026', 'MR(93)', 'ARM', '2', '10.50'],
  ['21-11-2026', 'JP(94)', 'SOLD', '1', '4.50'],
  ['22-11-2026', 'JP(94)', 'ARM', '1', '8.00'],
];

describe('Resumen de producción: the refresh', () => {
  it('creates Resumen with both tables and one column chart; a second refresh keeps one chart and the same values', () => {
    const { book, refresh } = shop();
    const before = otherSheets(book);
    const first = refresh();
    expect(first).toMatchObject({
      created: true,
      chart: 'created',
      days: 7,
      from: '16-11-2026',
      to: '22-11-2026',
      totals: { ARM: { unions: 3, pulgadas: 18.5 }, SOLD: { unions: 1, pulgadas: 4.5 } },
      workerRows: 3,
      unreadable: { count: 0, cells: [] },
    });
    // The menu's Spanish message writes decimals with a comma: 18,5 pulgadas, not 18.5.
    expect(first.message).toContain(
      'ARM 3 uniones / 18,5 pulgadas, SOLD 1 unión / 4,5 pulgadas. Capacidad: ',
    );
    expect(first.message).not.toMatch(/\d\.\d pulgadas/);
    expect(dailyTable(book)).toEqual(WEEK_DAILY);
    expect(workerTable(book)).toEqual(WEEK_WORKERS);
    // Fecha is a real date (the day's first instant in Santiago), pulgadas real numbers.
    const sheet = book.sheet('Resumen');
    expect(sheet.readBlock(6, 1, 1, 3)[0]).toEqual([new Date('2026-11-20T03:00:00Z'), 2, 10.5]);
    expect(sheet.formatAt(6, 1)).toBe('dd-mm-yyyy');
    expect(sheet.formatAt(6, 3)).toBe('0.00');
    const chart = charts(book);
    expect(chart).toEqual([
      {
        id: expect.any(Number),
        type: 'COLUMN',
        ranges: ['A1:A8', 'C1:C8', 'E1:E8'],
        title: 'Pulgadas ARM y SOLD por día (7 días)',
        anchor: [notes(book).length + 2, 13, 0, 0],
        size: [null, null],
      },
    ]);
    expect(sheet.charts.list()[0]!.getNumHeaders()).toBe(1);

    const second = refresh();
    expect(second).toMatchObject({
      created: false,
      chart: 'updated',
      removedCharts: 0,
      totals: first.totals,
    });
    expect(dailyTable(book)).toEqual(WEEK_DAILY);
    expect(workerTable(book)).toEqual(WEEK_WORKERS);
    expect(charts(book)).toEqual(chart);
    // Nothing outside Resumen changed but one audit event per refresh, of our own type.
    expect(otherSheets(book)).toEqual(before);
    expect(records(book, 'Metadata').map((r) => [r.Evento_Tipo, r.Accion])).toEqual([
      ['RESUMEN_PRODUCCION', 'RESUMIR'],
      ['RESUMEN_PRODUCCION', 'RESUMIR'],
    ]);
  });

  it('keeps a chart the user moved and resized where it is, and updates its ranges and title', () => {
    const { book, env, refresh } = shop();
    refresh();
    const [placed] = charts(book);
    book.sheet('Resumen').charts.moveByUser(
      placed!.id!,
      { anchorRow: 40, anchorColumn: 2, offsetX: 15, offsetY: 7 },
      {
        width: 900,
        height: 420,
      },
    );
    saveSettings(env.ports().properties, { summaryDays: 10 });
    expect(refresh().chart).toBe('updated');
    expect(charts(book)).toEqual([
      {
        id: placed!.id,
        type: 'COLUMN',
        ranges: ['A1:A11', 'C1:C11', 'E1:E11'],
        title: 'Pulgadas ARM y SOLD por día (10 días)',
        anchor: [40, 2, 15, 7],
        size: [900, 420],
      },
    ]);
  });

  it('clears the rows a longer earlier table left, in both tables', () => {
    const { book, env, refresh } = shop(14);
    refresh();
    expect(dailyTable(book)).toHaveLength(15);
    // 14 days reach the 10th: MR(93)'s ARM of union 4 is a fourth worker row.
    expect(workerTable(book)[1]).toEqual(['10-11-2026', 'MR(93)', 'ARM', '1', '10.00']);
    saveSettings(env.ports().properties, { summaryDays: 7 });
    const shorter = refresh();
    expect(shorter.clearedRows).toBeGreaterThanOrEqual(7);
    expect(dailyTable(book)).toEqual(WEEK_DAILY);
    expect(workerTable(book)).toEqual(WEEK_WORKERS);
    // Below the tables every cell of their columns is empty (not only the first blank row).
    const sheet = book.sheet('Resumen');
    expect(
      sheet
        .readBlock(9, 1, 7, 5)
        .flat()
        .every((c) => c === ''),
    ).toBe(true);
    expect(
      sheet
        .readBlock(5, 7, 11, 5)
        .flat()
        .every((c) => c === ''),
    ).toBe(true);
  });

  it('leaves exactly one chart when the sheet holds copies of it', () => {
    const { book, refresh } = shop();
    refresh();
    const sheet = book.sheet('Resumen');
    const copy = sheet.charts.list()[0]!;
    sheet.charts.insert(copy);
    sheet.charts.insert(copy);
    const result = refresh();
    expect(result).toMatchObject({ chart: 'updated', removedCharts: 2 });
    expect(charts(book)).toHaveLength(1);
    expect(result.message).toContain('Se quitaron 2 gráficos de más.');
  });

  it('reads 5 columns of Uniones and nothing of Operaciones, and the header of Metadata only', () => {
    const { book, env, refresh } = shop();
    env.resetCalls();
    refresh();
    const reads = book.calls.calls.filter((c) => c.kind === 'read');
    expect(reads.filter((c) => c.target === 'Operaciones')).toEqual([]);
    // Uniones: its header, then DN_UNION, ARM_FECHA_FIN:ARM_WORKER and SOL_FECHA_FIN:SOL_WORKER over
    // rows 1–6 (header and 5 unions).
    expect(reads.filter((c) => c.target === 'Uniones').map((c) => c.cells)).toEqual([17, 6, 12, 12]);
    expect(reads.filter((c) => c.target === 'Metadata').map((c) => c.cells)).toEqual([11]);
    expect(book.calls.calls.filter((c) => c.target === 'Resumen' && c.method === 'insertChart')).toHaveLength(
      1,
    );
  });

  it('turns the capacity line into a warning with what to do at 80 % of the 10,000,000 cells', () => {
    const { book, refresh } = shop();
    // A sheet whose grid alone holds 8,060,026 cells (26 columns × 310,001 rows).
    book.addSheet('Archivo', [['x']], { extraEmptyRows: 310_000, maxColumns: 26 });
    const result = refresh();
    expect(result.capacity).toMatchObject({ warning: true, cellLimit: 10_000_000 });
    expect(result.capacity.cellsUsed).toBeGreaterThanOrEqual(8_060_026 + 26_000);
    expect(result.capacity.share).toBeGreaterThanOrEqual(0.8);
    const lines = notes(book);
    expect(lines[2]).toMatch(/^ATENCIÓN: Capacidad: 8\.\d{3}\.\d{3} de 10\.000\.000 celdas \(8\d,\d %\); /);
    expect(lines[3]).toBe(
      'Archive las OT terminadas en otra planilla antes de llegar al límite (una planilla llena no acepta más ' +
        'registros): vea docs/archive.md.',
    );
    expect(result.message).toContain('docs/archive.md');
  });
});

describe('Resumen de producción: a failed write', () => {
  it('says the sheet may be half rewritten, and the next refresh rewrites it whole', () => {
    const { book, refresh } = shop();
    refresh();
    book.calls.injectFault({ sheet: 'Resumen', method: 'setValues', after: 1 });
    expect(() => refresh()).toThrow(
      /^INTERNAL: No se pudo escribir la hoja Resumen \(.*\); puede haber quedado a medio actualizar\. Vuelva a intentarlo: cada actualización la rehace entera\.$/,
    );
    book.calls.clearFaults();
    expect(refresh().chart).toBe('updated');
    expect(dailyTable(book)).toEqual(WEEK_DAILY);
    expect(charts(book)).toHaveLength(1);
  });
});
