import { describe, expect, it } from 'vitest';
import { listUnions } from '../../../src/app/listUnions';
import { getMetrics, recomputeAllMetrics } from '../../../src/app/metrics';
import { environment, progressBook, records, tagOf } from '../../support/tracking';

describe('metrics and disponibles over 100 unions in 10 OTs (7 armed, 5 welded each)', () => {
  const book = progressBook({ ots: 10, unionsPerOt: 10, armed: 7, welded: 5 });
  const env = environment(book);

  it('counts 10 / 7 / 5 per spool with the pulgadas of the unions done', () => {
    for (let o = 1; o <= 10; o++) {
      const ot = String(o).padStart(3, '0');
      expect(getMetrics(env.ports(), { ot })).toEqual({
        ot,
        spools: [
          {
            tagSpool: tagOf(ot),
            totalUniones: 10,
            unionesArm: 7,
            unionesSold: 5,
            pulgadasArm: 70.5, // 4.5+6+8+10+12+14+16
            pulgadasSold: 40.5, // 4.5+6+8+10+12
          },
        ],
      });
    }
  });

  it('offers 3 unions for ARM and 2 for SOLD in every OT', () => {
    for (let o = 1; o <= 10; o++) {
      const ot = String(o).padStart(3, '0');
      const arm = listUnions(env.ports(), { ot, operation: 'ARM' });
      const sold = listUnions(env.ports(), { ot, operation: 'SOLD' });
      expect(arm.unions.filter((u) => u.disponible).map((u) => u.nUnion)).toEqual([8, 9, 10]);
      expect(sold.unions.filter((u) => u.disponible).map((u) => u.nUnion)).toEqual([6, 7]);
      expect(arm.pulgadas).toEqual({ total: 132.5, hechas: 70.5, disponibles: 62 });
      expect(sold.pulgadas.disponibles).toBe(30);
    }
  });

  it('explains why a union is not disponible', () => {
    const sold = listUnions(env.ports(), { ot: '001', operation: 'SOLD' });
    const byN = new Map(sold.unions.map((u) => [u.nUnion, u]));
    expect(byN.get(1)!.reason).toBe('Ya soldada por JP(94) el 02-11-2026 09:30:00.');
    expect(byN.get(9)!.reason).toBe('Falta el armado (ARM) de esta unión.');
    expect(byN.get(1)!.arm).toEqual({
      done: true,
      worker: 'MR(93)',
      inicio: '01-11-2026 08:00:00',
      fin: '01-11-2026 09:00:00',
    });
  });

  it('writes the metric columns of every spool in one recompute, and nothing when they are right', () => {
    const first = recomputeAllMetrics(env.ports(), 'recompute-0001');
    expect(first).toEqual({
      spools: 10,
      changed: 10,
      duplicatedTags: [],
      unreadableCells: 0,
      unreadableSpools: [],
      warnings: [],
    });
    for (const row of records(book, 'Operaciones')) {
      expect([row.Total_Uniones, row.Uniones_ARM_Completadas, row.Uniones_SOLD_Completadas]).toEqual([
        10, 7, 5,
      ]);
      expect([row.Pulgadas_ARM, row.Pulgadas_SOLD]).toEqual([70.5, 40.5]);
    }
    const second = recomputeAllMetrics(env.ports(), 'recompute-0002');
    expect(second.changed).toBe(0);
    const events = records(book, 'Metadata').filter((e) => e.Evento_Tipo === 'JOB_METRICAS');
    expect(events).toHaveLength(2);
  });
});
