// The server functions the sidebar calls, with their request and response types taken from the server's
// own code (src/gas/main.ts and src/app/*) as they survive JSON: renaming a field there fails the type check.

import type { FinishWorkRequest } from '../app/finishWork';
import type { ListUnionsRequest } from '../app/listUnions';
import type { ReleaseSpoolRequest } from '../app/panel/releaseSpool';
import type { SpoolHistoryRequest } from '../app/panel/spoolHistory';
import type { WorkerDayRequest } from '../app/panel/workerDay';
import type { StartWorkRequest } from '../app/startWork';
import type * as Server from '../gas/main';
import type { Jsonified } from './jsonified';

/** Request of each server function the sidebar calls (`undefined`: called without an argument). */
export interface ServerRequests {
  apiBootstrap: undefined;
  apiListUnions: ListUnionsRequest;
  apiStartWork: StartWorkRequest;
  apiFinishWork: FinishWorkRequest;
  apiRunJobStep: { kind: 'metrics' };
  apiJobStatus: undefined;
  apiCancelJob: { kind: 'metrics' };
  apiOccupiedSpools: undefined;
  apiReleaseSpool: ReleaseSpoolRequest;
  apiWorkerDay: WorkerDayRequest;
  apiSpoolHistory: SpoolHistoryRequest;
  apiRefreshSummary: undefined;
  apiLastCapacity: undefined;
}

export type ServerFunction = keyof ServerRequests;

/** What each function's handler receives: its return value after the JSON round trip. */
export type ServerResponse<K extends ServerFunction> = Jsonified<ReturnType<(typeof Server)[K]>>;

export type Bootstrap = ServerResponse<'apiBootstrap'>;
export type BootWorker = Bootstrap['workers'][number];
export type UnionList = ServerResponse<'apiListUnions'>;
export type SpoolView = UnionList['spools'][number];
/** A union as listed; `dn` may be null for a row whose DN_UNION cell could not be read. */
/**
 * A union as the sidebar keeps it: an unreadable row has no key on the server (`key: null`); the client
 * names it `fila N` so it can be listed (never selected: it is never disponible).
 */
export type UnionItem = Omit<UnionList['unions'][number], 'dn' | 'key'> & { dn: number | null; key: string };

/** The server's union with a key the sidebar can use (see UnionItem). */
export function toUnionItem(union: UnionList['unions'][number]): UnionItem {
  return { ...union, key: union.key ?? 'fila ' + union.rowNumber };
}
export type StartResult = ServerResponse<'apiStartWork'>;
export type FinishResult = ServerResponse<'apiFinishWork'>;
export type JobStatusView = ServerResponse<'apiRunJobStep'>;
export type OccupiedList = ServerResponse<'apiOccupiedSpools'>;
export type OccupiedSpoolView = OccupiedList['spools'][number];
export type ReleaseResult = ServerResponse<'apiReleaseSpool'>;
export type WorkerDayView = ServerResponse<'apiWorkerDay'>;
export type SpoolHistoryView = ServerResponse<'apiSpoolHistory'>;
/** A Resumen refresh's answer; the Panel shows its capacity line (issue 16 §8). */
export type SummaryView = ServerResponse<'apiRefreshSummary'>;
/** The capacity line the last refresh wrote on Resumen, read when the Panel opens (no rewrite). */
export type LastCapacityView = ServerResponse<'apiLastCapacity'>;
