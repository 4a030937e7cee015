// A union (weld) of a spool: identity OT+N_UNION, the ARM and SOLD records, and a version token.

export interface Union {
  /** 1-based row in Uniones. */
  rowNumber: number;
  /** `OT+N_UNION`, e.g. `001+5`: the ID cell is unreliable in production. */
  key: string;
  id: string;
  ot: string;
  nUnion: number;
  tagSpool: string;
  dn: number;
  tipo: string;
  armInicio: number | null;
  armFin: number | null;
  armWorker: string;
  solInicio: number | null;
  solFin: number | null;
  solWorker: string;
  /** Opaque token (UUID text in production, written by the other system too): compared, never parsed. */
  version: string;
}

export const unionKey = (ot: string, nUnion: number) => `${ot}+${nUnion}`;

export const N_UNION_MIN = 1;
export const N_UNION_MAX = 20;

/**
 * A token that changes when the union's row changes, by us (version) or by hand (the recorded fields):
 * the client sends it back so a concurrent change becomes a CONFLICT instead of a lost update.
 */
export function unionToken(union: Union): string {
  const text = [
    union.armInicio,
    union.armFin,
    union.armWorker,
    union.solInicio,
    union.solFin,
    union.solWorker,
  ].join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${union.version}-${(hash >>> 0).toString(36)}`;
}
