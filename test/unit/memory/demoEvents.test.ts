import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../../src/domain/dates';
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

  it('Uniones carries the story: each union event names the row that holds its worker and time, never twice, SOLD after ARM', () => {
    const book = buildDemoWorkbook({ events: { now } });
    const at = (value: unknown) => {
      const parsed = parseDateCell(value as never, 'America/Santiago');
      return parsed.ok ? parsed.value : null;
    };
    const unions = records(book, 'Uniones');
    const events = records(book, 'Metadata').filter(
      (e) => /^UNION_/.test(String(e.Evento_Tipo)) && e.N_UNION !== '',
    );
    const seen = new Set<string>();
    for (const e of events) {
      const prefix = e.Operacion === 'ARM' ? 'ARM' : 'SOL';
      const key = `${String(e.TAG_SPOOL)}#${String(e.N_UNION)} ${prefix}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      const row = unions.find((u) => u.TAG_SPOOL === e.TAG_SPOOL && u.N_UNION === e.N_UNION)!;
      expect(row[`${prefix}_WORKER`]).toBe(e.Worker_Nombre);
      expect(Math.abs(at(row[`${prefix}_FECHA_FIN`])! - at(e.Timestamp)!)).toBeLessThan(1000);
    }
    for (const u of unions.filter((r) => r.SOL_FECHA_FIN !== '')) {
      expect(
        at(u.ARM_FECHA_FIN)! <= at(u.SOL_FECHA_INICIO)!,
        `${String(u.TAG_SPOOL)}#${String(u.N_UNION)}`,
      ).toBe(true);
    }
    // The spools the sessions touched have the metrics and the free state a PAUSAR leaves.
    const spool = records(book, 'Operaciones').find((r) => r.OT === '004')!;
    expect([spool.Uniones_ARM_Completadas, spool.Pulgadas_ARM, spool.Estado_Detalle]).toEqual([
      5,
      80,
      'Disponible - ARM pausado, SOLD pendiente',
    ]);
  });
});
