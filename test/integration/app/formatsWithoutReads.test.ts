// Text goes in as plain text without a read of the formats first (issue 15: three reads of 120 ms were a
// fifth of a FINALIZAR); only a cell whose undo holds a number or a Date beside text still has its format read.
import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { startWork } from '../../../src/app/startWork';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { formatColumns } from '../../support/formats';
import { armRequest, environment, rowOf, tagOf, trackingBook } from '../../support/tracking';

const UUID = (n: number) => `6f1c2a9e-4b7d-4e21-9c3a-${String(n).padStart(12, '0')}`;

/** OT 001, one spool of four unions none armed; versions as production holds them (UUID text, design §2). */
function book(version: (n: number) => string | number = UUID): FakeSpreadsheet {
  return trackingBook({
    spools: [{ ot: '001', tag: tagOf('001'), version: version(0) }],
    unions: [1, 2, 3, 4].map((n) => ({ ot: '001', n, version: version(n) })),
  });
}

const formatReads = (target: FakeSpreadsheet) =>
  target.calls.calls.filter((c) => c.method === 'getNumberFormats').length;

const formatOf = (target: FakeSpreadsheet, sheet: string, row: number, column: string) => {
  const grid = target.sheet(sheet);
  const col = grid.dump()[0]!.map(String).indexOf(column) + 1;
  return grid.getRange(row, col).getNumberFormats()[0]![0];
};

const UNION_COLUMNS = ['ARM_FECHA_INICIO', 'ARM_FECHA_FIN', 'ARM_WORKER', 'version'];
const SPOOL_COLUMNS = ['Fecha_Ocupacion', 'Ocupado_Por', 'Estado_Detalle', 'version'];

describe('text written without reading formats first (SpreadsheetApp path)', () => {
  it.each(['@', 'dd-mm-yyyy hh:mm:ss', '0.00', ''])(
    'INICIAR and FINALIZAR in columns formatted %j read no format and store the text meant',
    (format) => {
      const shop = book();
      formatColumns(shop, 'Uniones', UNION_COLUMNS, format);
      formatColumns(shop, 'Operaciones', SPOOL_COLUMNS, format);
      const env = environment(shop);
      startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-nf-1' });
      expect(formatReads(shop)).toBe(0);
      expect(rowOf(shop, 'Operaciones', (r) => r.OT === '001').Fecha_Ocupacion).toBe('22-11-2026 10:00:00');

      shop.calls.reset();
      env.clock.advance(30 * 60_000);
      finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-nf-2'));
      expect(formatReads(shop)).toBe(0);
      const union = rowOf(shop, 'Uniones', (r) => r.N_UNION === 1);
      expect([union.ARM_FECHA_INICIO, union.ARM_FECHA_FIN, union.ARM_WORKER]).toEqual([
        '22-11-2026 10:00:00',
        '22-11-2026 10:30:00',
        'MR(93)',
      ]);
      // The cells written are plain text now; those not written keep the shop's format.
      expect(formatOf(shop, 'Uniones', 2, 'ARM_FECHA_FIN')).toBe('@');
      expect(formatOf(shop, 'Uniones', 4, 'ARM_FECHA_FIN')).toBe(
        format === '' ? formatOf(shop, 'Uniones', 5, 'ARM_FECHA_FIN') : format,
      );
    },
  );

  it.each(['dd-mm-yyyy hh:mm:ss', ''])(
    'a failed FINALIZAR in columns formatted %j puts every value back as it was',
    (format) => {
      const shop = book();
      formatColumns(shop, 'Uniones', UNION_COLUMNS, format);
      formatColumns(shop, 'Operaciones', SPOOL_COLUMNS, format);
      const env = environment(shop);
      startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-nf-3' });
      const before = ['Operaciones', 'Uniones'].map((s) => shop.sheet(s).dump());
      shop.calls.injectFault({ sheet: 'Operaciones', method: 'setValues' });
      failure(() => finishWork(env.ports(), armRequest(['001+1'], 'req-nf-4')));
      expect(['Operaciones', 'Uniones'].map((s) => shop.sheet(s).dump())).toEqual(before);
      expect(rowOf(shop, 'Operaciones', (r) => r.OT === '001').Fecha_Ocupacion).toBe('22-11-2026 10:00:00');
    },
  );

  it('a number or a Date under text we write has its format read, and a failed commit restores both', () => {
    // Versions as numbers and a start time the other system wrote as a Date, in a date-formatted column.
    const shop = book((n) => n + 1);
    const started = new Date(Date.UTC(2026, 10, 22, 12, 0, 0));
    const uniones = shop.sheet('Uniones');
    const header = uniones.dump()[0]!.map(String);
    const inicio = header.indexOf('ARM_FECHA_INICIO') + 1;
    uniones.getRange(2, inicio).setNumberFormat('dd/mm/yyyy hh:mm');
    uniones.getRange(2, inicio).setValue(started);
    const version = header.indexOf('version') + 1;
    uniones.getRange(2, version, 4, 1).setNumberFormat('0');
    shop.calls.reset();
    const env = environment(shop);
    const before = uniones.dump();
    shop.calls.injectFault({ sheet: 'Operaciones', method: 'setValues' });
    failure(() => finishWork(env.ports(), armRequest(['001+1'], 'req-nf-5')));
    expect(formatReads(shop)).toBeGreaterThan(0);
    expect(uniones.dump()).toEqual(before);
    expect(uniones.dump()[1]![inicio - 1]).toBeInstanceOf(Date);
    expect(formatOf(shop, 'Uniones', 2, 'ARM_FECHA_INICIO')).toBe('dd/mm/yyyy hh:mm');
    expect(formatOf(shop, 'Uniones', 2, 'version')).toBe('0');
  });
});
