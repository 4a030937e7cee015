import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/domain/metrics';
import { unionOf } from '../../support/unions';

const union = (n: number, dn: number, armed: boolean, welded: boolean) =>
  unionOf(n, {
    dn,
    armInicio: armed ? 1 : null,
    armFin: armed ? 2 : null,
    armWorker: armed ? 'MR(93)' : '',
    solInicio: welded ? 3 : null,
    solFin: welded ? 4 : null,
    solWorker: welded ? 'JP(94)' : '',
  });

describe('metrics', () => {
  it('counts unions done and sums their DN to 2 decimals', () => {
    expect(
      computeMetrics([union(1, 4.5, true, true), union(2, 2.25, true, false), union(3, 8, false, false)]),
    ).toEqual({
      totalUniones: 3,
      unionesArm: 2,
      unionesSold: 1,
      pulgadasArm: 6.75,
      pulgadasSold: 4.5,
    });
  });

  it('counts a union on two rows once', () => {
    expect(
      computeMetrics([union(1, 6, true, false), { ...union(1, 6, true, false), rowNumber: 40 }]),
    ).toMatchObject({
      totalUniones: 1,
      unionesArm: 1,
      pulgadasArm: 6,
    });
  });

  it('gives zeros for a spool without unions', () => {
    expect(computeMetrics([])).toEqual({
      totalUniones: 0,
      unionesArm: 0,
      unionesSold: 0,
      pulgadasArm: 0,
      pulgadasSold: 0,
    });
  });
});
