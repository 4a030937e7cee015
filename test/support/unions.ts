// One builder of decoded unions for domain tests: union n of spool SP-001 of OT 001, changed by `over`.

import type { Union } from '../../src/domain/union';

export function unionOf(n: number, over: Partial<Union> = {}): Union {
  return {
    rowNumber: n + 1,
    key: `001+${n}`,
    id: '',
    ot: '001',
    nUnion: n,
    tagSpool: 'SP-001',
    dn: 4,
    tipo: 'BW',
    armInicio: null,
    armFin: null,
    armWorker: '',
    solInicio: null,
    solFin: null,
    solWorker: '',
    version: 'v1',
    ...over,
  };
}
