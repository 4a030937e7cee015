// Builders of what the server sends the sidebar (bootstrap, union lists, results), shaped by the client's
// own response types so a renamed server field breaks these too.

import type { Bootstrap, FinishResult, UnionList } from '../../src/client/serverApi';

/** A union as the server lists it (an unreadable row may have no key). */
export type ServerUnion = UnionList['unions'][number];
import type { ScreenState } from '../../src/client/state';
import { initialState, withBootstrap, withLoadedList } from '../../src/client/state';

export function boot(): Bootstrap {
  return {
    workers: [
      { id: 93, display: 'MR(93)', nombre: 'Mauricio Rodriguez', roles: ['Armador'] },
      { id: 94, display: 'JP(94)', nombre: 'Juan Pérez', roles: ['Soldador'] },
      { id: 95, display: 'AS(95)', nombre: 'Ana Silva', roles: ['Ayudante'] },
      { id: 96, display: 'PS(96)', nombre: 'Pedro Soto', roles: ['Metrologia'] },
    ],
    operations: [
      { id: 'ARM', label: 'Armado' },
      { id: 'SOLD', label: 'Soldadura' },
    ],
    settings: { armOnlyTypes: ['FW', 'MIT'], requireArmBeforeSold: true },
    timeZone: 'America/Santiago',
    warnings: [],
  };
}

const record = (done: boolean, worker = '') => ({
  done,
  worker,
  inicio: '',
  fin: done ? '13-05-2026 11:33:48' : '',
});

export function union(
  key: string,
  tagSpool: string,
  dn: number | null,
  over: Partial<ServerUnion> = {},
): ServerUnion {
  const [, n] = key.split('+');
  return {
    key,
    rowNumber: Number(n) + 1,
    readable: dn !== null,
    nUnion: Number(n),
    tagSpool,
    dn,
    tipo: 'BW',
    arm: record(false),
    sol: record(false),
    disponible: true,
    reason: '',
    version: 'v-' + key,
    ...over,
  };
}

export const done = (worker: string) => record(true, worker);

export function list(unions: ServerUnion[], over: Partial<UnionList> = {}): UnionList {
  const tags = [...new Set(unions.map((u) => u.tagSpool))];
  return {
    ot: '002',
    operation: 'ARM',
    spools: tags.map((tagSpool) => ({
      tagSpool,
      ocupadoPor: '',
      fechaOcupacion: '',
      estadoDetalle: '',
      repetido: false,
    })),
    unions,
    pulgadas: { total: 0, hechas: 0, disponibles: 0 },
    warnings: [],
    ...over,
  };
}

/** OT 002 for ARM: SP-A with 002+1..6 (002+1 done), SP-B with 002+7..10 (002+10 unreadable DN): 8 disponibles. */
export function otTwo(): UnionList {
  return list([
    union('002+1', 'SP-A', 2, { arm: done('MR(93)'), disponible: false }),
    union('002+2', 'SP-A', 4.5),
    union('002+3', 'SP-A', 6),
    union('002+4', 'SP-A', 8),
    union('002+5', 'SP-A', 2),
    union('002+6', 'SP-A', 3),
    union('002+7', 'SP-B', 10),
    union('002+8', 'SP-B', 12),
    union('002+9', 'SP-B', 1),
    union('002+10', 'SP-B', null, { disponible: false, reason: 'Celda ilegible Uniones!E81' }),
  ]);
}

/** A screen with workers loaded, ARM, worker MR(93), and OT 002 listed. */
export function loadedScreen(unionList: UnionList = otTwo(), workerId: number | null = 93): ScreenState {
  const withBoot = withBootstrap(initialState('es'), boot(), workerId);
  return withLoadedList({ ...withBoot, otInput: unionList.ot }, unionList);
}

export function finishResult(over: Partial<FinishResult> = {}): FinishResult {
  return {
    ot: '002',
    operation: 'ARM',
    spools: [
      {
        tagSpool: 'SP-A',
        action: 'PAUSAR',
        metrics: { totalUniones: 6, unionesArm: 3, unionesSold: 0, pulgadasArm: 12.5, pulgadasSold: 0 },
      },
    ],
    updated: ['002+2', '002+3'],
    skipped: [{ key: '002+4', reason: 'Falta ARM' }],
    pulgadas: 10.5,
    eventsWritten: 3,
    warnings: [],
    replayed: false,
    ...over,
  };
}
