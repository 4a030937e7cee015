import { describe, expect, it } from 'vitest';
import { buildDemoWorkbook } from '../../../src/memory/demoWorkbook';
import { readMetadataRow } from '../../support/sharedSheetReader';
import { records } from '../../support/tracking';

describe('the demo workbook with recent events (the Panel)', () => {
  const now = Date.UTC(2026, 10, 22, 15);

  it("writes events the shop's other system reads, ours with text timestamps and its own with Dates", () => {
    const rows = records(buildDemoWorkbook({ events: { now } }), 'Metadata');
    expect(rows.length).toBe(26); // five sessions (5 + 4 + 4 + 6 + 5 rows) and two INICIAR of the held spools
    expect(rows.map(readMetadataRow).filter((e) => e.kind === 'rejected')).toEqual([]);
    const kinds = new Set(rows.map((r) => (r.Timestamp instanceof Date ? 'Date' : typeof r.Timestamp)));
    expect(kinds).toEqual(new Set(['Date', 'string']));
    expect(
      rows.filter((r) => r.Worker_ID === '').every((r) => /\(\d+\)$/.test(String(r.Worker_Nombre))),
    ).toBe(true);
  });

  it('holds spools 005 and 008, and leaves the demo without events untouched', () => {
    const held = records(buildDemoWorkbook({ events: { now } }), 'Operaciones').filter(
      (r) => r.Ocupado_Por !== '',
    );
    expect(held.map((r) => [r.OT, r.Ocupado_Por, r.Fecha_Ocupacion])).toEqual([
      ['005', 'CD(98)', '22-11-2026 10:30:00'],
      ['008', 'JP(94)', '21-11-2026 06:00:00'],
    ]);
    const plain = buildDemoWorkbook();
    expect(records(plain, 'Metadata')).toEqual([]);
    expect(records(plain, 'Operaciones').filter((r) => r.Ocupado_Por !== '')).toEqual([]);
  });
});
