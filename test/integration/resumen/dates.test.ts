import { describe, expect, it } from 'vitest';
import { summaryService } from '../../../src/app/resumen/summaryJob';
import { saveSettings } from '../../../src/data/settingsRepository';
import { dailyTable, notes, workerTable } from '../../support/resumen';
import { environment, trackingBook, type UnionSpec } from '../../support/tracking';

function refreshOn(unions: UnionSpec[], now?: number, summaryDays = 3) {
  const book = trackingBook({ spools: [{ ot: '001', tag: 'SP-001' }], unions });
  const env = environment(book, now);
  saveSettings(env.ports().properties, { summaryDays });
  return { book, result: summaryService(env.ports()).refresh('menu') };
}

describe('Resumen: which day a union counts on', () => {
  it('counts unions the other system recorded, whatever form their dates and DN take', () => {
    const { book, result } = refreshOn([
      // A serial number (21-11-2026 09:36), a Date object, ISO text without zone, D/M/YYYY, a decimal comma.
      { ot: '001', n: 1, dn: 6, ARM_FECHA_FIN: 46347.4, ARM_WORKER: 'MR(93)' },
      {
        ot: '001',
        n: 2,
        dn: '2,5',
        ARM_FECHA_FIN: new Date('2026-11-21T12:00:00Z'),
        ARM_WORKER: 'MR(93)',
        SOL_FECHA_FIN: '2026-11-22T08:15:00',
        SOL_WORKER: 'JP(94)',
      },
      {
        ot: '001',
        n: 3,
        dn: 8,
        ARM_FECHA_FIN: '21/11/2026',
        version: '6f1c2a7e-0b4d-4e8a-9c3f-1a2b3c4d5e6f',
      },
    ]);
    expect(result.totals).toEqual({ ARM: { unions: 3, pulgadas: 16.5 }, SOLD: { unions: 1, pulgadas: 2.5 } });
    expect(dailyTable(book).slice(1)).toEqual([
      ['20-11-2026', '0', '0.00', '0', '0.00'],
      ['21-11-2026', '3', '16.50', '0', '0.00'],
      ['22-11-2026', '0', '0.00', '1', '2.50'],
    ]);
    expect(workerTable(book).slice(1)).toEqual([
      ['21-11-2026', '(sin trabajador)', 'ARM', '1', '8.00'],
      ['21-11-2026', 'MR(93)', 'ARM', '2', '8.50'],
      ['22-11-2026', 'JP(94)', 'SOLD', '1', '2.50'],
    ]);
  });

  it('names a date cell it cannot read (Uniones!H79), on the sheet and in the answer, and counts it nowhere', () => {
    const unions: UnionSpec[] = [];
    for (let i = 0; i < 80; i++) {
      unions.push({
        ot: '001',
        n: (i % 20) + 1,
        dn: 6,
        ARM_FECHA_FIN: '22-11-2026 08:00:00',
        ARM_WORKER: 'MR(93)',
      });
    }
    // Rows 79–81: an impossible date, a TRUE where SOL_FECHA_FIN goes, a DN that is a word.
    unions[77]!.ARM_FECHA_FIN = '31-02-2026 10:00';
    unions[78]!.SOL_FECHA_FIN = true;
    unions[79]!.dn = 'seis';
    const { book, result } = refreshOn(unions);
    expect(result.unreadable.cells).toEqual(['Uniones!H79', 'Uniones!K80', 'Uniones!E81']);
    expect(result.unreadable.details[0]).toBe(
      'Uniones!H79 (ARM_FECHA_FIN): fecha inválida "31-02-2026 10:00"',
    );
    // Row 79's ARM and row 81's union are counted nowhere; row 80's ARM still counts.
    expect(result.totals.ARM).toEqual({ unions: 78, pulgadas: 468 });
    expect(result.totals.SOLD).toEqual({ unions: 0, pulgadas: 0 });
    expect(dailyTable(book)[3]).toEqual(['22-11-2026', '78', '468.00', '0', '0.00']);
    expect(result.message).toContain(
      '3 celda(s) ilegibles no contadas: Uniones!H79, Uniones!K80, Uniones!E81.',
    );
    const lines = notes(book);
    const at = lines.indexOf('Celdas que no se pudieron leer (3); lo que dependía de ellas no se contó:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1)).toEqual([
      'Uniones!H79 (ARM_FECHA_FIN): fecha inválida "31-02-2026 10:00"',
      'Uniones!K80 (SOL_FECHA_FIN): se esperaba una fecha y hay true',
      expect.stringMatching(/^Uniones!E81 \(DN_UNION\): /),
    ]);
  });

  it('steps over the day America/Santiago skips its midnight (06-09-2026, 23 hours) as one day', () => {
    const { book, result } = refreshOn(
      [
        { ot: '001', n: 1, dn: 4.5, ARM_FECHA_FIN: '05-09-2026 23:30:00', ARM_WORKER: 'MR(93)' },
        // 01:10 on the 6th, the day's first hour (00:00–01:00 does not exist).
        { ot: '001', n: 2, dn: 6, ARM_FECHA_FIN: new Date('2026-09-06T04:10:00Z'), ARM_WORKER: 'MR(93)' },
        // A serial at 23:50 on the 6th, and an ARM before the window.
        {
          ot: '001',
          n: 3,
          dn: 8,
          ARM_FECHA_FIN: '04-09-2026 10:00:00',
          SOL_FECHA_FIN: 46271 + 23 / 24 + 50 / 1440,
          SOL_WORKER: 'JP(94)',
        },
        { ot: '001', n: 4, dn: 10, ARM_FECHA_FIN: '07-09-2026 00:30:00', ARM_WORKER: 'JP(94)' },
      ],
      Date.UTC(2026, 8, 7, 15),
    );
    expect(dailyTable(book).slice(1)).toEqual([
      ['05-09-2026', '1', '4.50', '0', '0.00'],
      ['06-09-2026', '1', '6.00', '1', '8.00'],
      ['07-09-2026', '1', '10.00', '0', '0.00'],
    ]);
    // Each Fecha holds its day's first instant: 01:00 on the 6th, midnight on the others.
    expect(book.sheet('Resumen').readBlock(2, 1, 3, 1).flat()).toEqual([
      new Date('2026-09-05T04:00:00Z'),
      new Date('2026-09-06T04:00:00Z'),
      new Date('2026-09-07T03:00:00Z'),
    ]);
    expect(result.from).toBe('05-09-2026');
  });

  it('keeps both 23:30s of the 25-hour day (04-04-2026) on that day, and 00:30 after it on the next', () => {
    const { book } = refreshOn(
      [
        { ot: '001', n: 1, dn: 4.5, ARM_FECHA_FIN: new Date('2026-04-05T02:30:00Z'), ARM_WORKER: 'MR(93)' },
        { ot: '001', n: 2, dn: 6, ARM_FECHA_FIN: new Date('2026-04-05T03:30:00Z'), ARM_WORKER: 'MR(93)' },
        { ot: '001', n: 3, dn: 8, ARM_FECHA_FIN: new Date('2026-04-05T04:30:00Z'), ARM_WORKER: 'MR(93)' },
      ],
      Date.UTC(2026, 3, 6, 16),
    );
    expect(dailyTable(book).slice(1)).toEqual([
      ['04-04-2026', '2', '10.50', '0', '0.00'],
      ['05-04-2026', '1', '8.00', '0', '0.00'],
      ['06-04-2026', '0', '0.00', '0', '0.00'],
    ]);
    expect(workerTable(book).slice(1)).toEqual([
      ['04-04-2026', 'MR(93)', 'ARM', '2', '10.50'],
      ['05-04-2026', 'MR(93)', 'ARM', '1', '8.00'],
    ]);
  });
});
