import { describe, expect, it } from 'vitest';
import { occupiedSpools } from '../../../../src/app/panel/occupiedSpools';
import { PRODUCTION_OPERACIONES_HEADER } from '../../../../src/data/productionHeaders';
import { saveSettings } from '../../../../src/data/settingsRepository';
import { instantToSerial } from '../../../../src/domain/dates';
import { failure } from '../../../support/failure';
import { opsCell } from '../../../support/panel';
import { BACKENDS, NOW, TZ, environment, trackingBook } from '../../../support/tracking';

const HOUR = 3_600_000;

/** Six spools: four held (text, Date, serial and unreadable Fecha_Ocupacion), one free, one held without an id. */
function shop() {
  return trackingBook({
    spools: [
      {
        ot: '001',
        tag: 'SP-001',
        Ocupado_Por: 'MR(93)',
        Fecha_Ocupacion: "'22-11-2026 08:00:00",
        Estado_Detalle: 'MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)',
      },
      { ot: '002', tag: 'SP-002' },
      {
        ot: '003',
        tag: 'SP-003',
        Ocupado_Por: 'JP(94)',
        Fecha_Ocupacion: new Date(NOW - 20 * HOUR),
        Estado_Detalle: 'JP(94) trabajando SOLD (ARM completado, SOLD en progreso)',
      },
      {
        ot: '004',
        tag: 'SP-004',
        Ocupado_Por: 'CD(98)',
        Fecha_Ocupacion: 'ayer en la tarde',
        Estado_Detalle: 'CD(98) trabajando ARM (ARM pausado, SOLD pendiente)',
      },
      {
        ot: '005',
        tag: 'SP-005',
        Ocupado_Por: 'Juan',
        Fecha_Ocupacion: instantToSerial(NOW - 12 * HOUR, TZ),
        Estado_Detalle: 'ARM en curso - Juan',
      },
      { ot: '006', tag: 'SP-006', Ocupado_Por: '   ', Fecha_Ocupacion: '' },
    ],
    unions: [],
  });
}

describe.each(BACKENDS)('apiOccupiedSpools (%s)', (backend) => {
  it('lists every held spool oldest first, the unreadable Fecha_Ocupacion last with its cell named', () => {
    const env = environment(shop(), NOW, backend);
    const result = occupiedSpools(env.ports());
    expect(result.staleAfterHours).toBe(12);
    expect(result.spools).toEqual([
      {
        tagSpool: 'SP-003',
        ot: '003',
        ocupadoPor: 'JP(94)',
        workerId: 94,
        operation: 'SOLD',
        since: '21-11-2026 14:00:00',
        hours: 20,
        stale: true,
      },
      {
        tagSpool: 'SP-005',
        ot: '005',
        ocupadoPor: 'Juan',
        workerId: null,
        operation: 'ARM',
        since: '21-11-2026 22:00:00',
        hours: 12,
        stale: true,
      },
      {
        tagSpool: 'SP-001',
        ot: '001',
        ocupadoPor: 'MR(93)',
        workerId: 93,
        operation: 'ARM',
        since: '22-11-2026 08:00:00',
        hours: 2,
        stale: false,
      },
      {
        tagSpool: 'SP-004',
        ot: '004',
        ocupadoPor: 'CD(98)',
        workerId: 98,
        operation: 'ARM',
        since: null,
        hours: null,
        stale: false,
      },
    ]);
    expect(result.warnings).toEqual([
      `${opsCell('Fecha_Ocupacion', 5)} (Fecha_Ocupacion): no se reconoce la fecha "ayer en la tarde" ` +
        '(se espera DD-MM-AAAA [HH:MM:SS]) — el spool SP-004 se lista al final, sin hora de inicio.',
    ]);
  });

  it('takes staleAfterHours from the settings, and hours to one decimal', () => {
    const env = environment(shop(), NOW + 0.25 * HOUR, backend);
    saveSettings(env.ports().properties, { staleAfterHours: 24 });
    const result = occupiedSpools(env.ports());
    expect(result.staleAfterHours).toBe(24);
    expect(result.spools.map((s) => [s.tagSpool, s.hours, s.stale])).toEqual([
      ['SP-003', 20.3, false],
      ['SP-005', 12.3, false],
      ['SP-001', 2.3, false],
      ['SP-004', null, false],
    ]);
  });

  it('answers an empty list when nobody holds a spool', () => {
    const env = environment(
      trackingBook({ spools: [{ ot: '001', tag: 'SP-001' }], unions: [] }),
      NOW,
      backend,
    );
    expect(occupiedSpools(env.ports())).toEqual({ spools: [], staleAfterHours: 12, warnings: [] });
  });
});

describe('what apiOccupiedSpools costs (SpreadsheetApp)', () => {
  it('one TextFinder search on Ocupado_Por and a read of the rows it finds, never the column', () => {
    const book = shop();
    const env = environment(book);
    occupiedSpools(env.ports()); // warms the document cache (headers)
    book.calls.reset();
    occupiedSpools(env.ports());
    const sheetCalls = book.calls.calls.filter((c) => c.target === 'Operaciones');
    expect(sheetCalls.filter((c) => c.method === 'findAll')).toHaveLength(1);
    const reads = sheetCalls.filter((c) => c.method === 'getValues');
    const width = book.sheet('Operaciones').lastColumn();
    // Row 1 (the cached header checked) with rows 2–6, the held spools' block: never the 10 empty rows below.
    expect(reads.map((r) => r.cells)).toEqual([6 * width]);
  });
});

describe('an Operaciones sheet without Ocupado_Por', () => {
  it('is a SCHEMA error naming the column, never "nobody holds a spool"', () => {
    const header = PRODUCTION_OPERACIONES_HEADER.filter((h) => h !== 'Ocupado_Por');
    const env = environment(
      trackingBook({ spools: [{ ot: '001', tag: 'SP-001' }], unions: [], operacionesHeader: header }),
    );
    expect(failure(() => occupiedSpools(env.ports())).message).toBe(
      'SCHEMA: A la hoja "Operaciones" le falta la columna Ocupado_Por. Ejecute Extensiones → Spool Union Tracker → Migrar esquema…: agrega las columnas que puede y dice cómo agregar las demás.',
    );
  });
});
