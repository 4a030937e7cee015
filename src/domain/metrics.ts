// The five metric columns of a spool, computed from its unions (design §3).

import { round2 } from './numbers';
import type { Union } from './union';

export interface SpoolMetrics {
  totalUniones: number;
  unionesArm: number;
  unionesSold: number;
  pulgadasArm: number;
  pulgadasSold: number;
}

/** A union on several rows (same OT+N_UNION) counts once: the first row read. */
export function computeMetrics(unions: readonly Union[]): SpoolMetrics {
  let pulgadasArm = 0;
  let pulgadasSold = 0;
  let unionesArm = 0;
  let unionesSold = 0;
  const seen = new Set<string>();
  for (const u of unions) {
    if (seen.has(u.key)) continue;
    seen.add(u.key);
    if (u.armFin !== null) {
      unionesArm += 1;
      pulgadasArm += u.dn;
    }
    if (u.solFin !== null) {
      unionesSold += 1;
      pulgadasSold += u.dn;
    }
  }
  return {
    totalUniones: seen.size,
    unionesArm,
    unionesSold,
    pulgadasArm: round2(pulgadasArm),
    pulgadasSold: round2(pulgadasSold),
  };
}

export function sumPulgadas(unions: readonly Pick<Union, 'dn'>[]): number {
  return round2(unions.reduce((sum, u) => sum + u.dn, 0));
}
