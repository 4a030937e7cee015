// What the sidebar needs to start: workers with their roles, operations, settings, the sheet's time zone.

import { SHEETS } from '../data/productionHeaders';
import { OPERATIONS, OPERATION_LABEL, type Operation } from '../domain/operation';
import type { Settings } from '../domain/settings';
import { workerDisplay } from '../domain/worker';
import type { Ports } from '../ports';
import { openRequest } from './request';

export interface BootstrapResult {
  workers: Array<{ id: number; display: string; nombre: string; roles: string[] }>;
  operations: Array<{ id: Operation; label: string }>;
  settings: Pick<Settings, 'armOnlyTypes' | 'requireArmBeforeSold'>;
  timeZone: string;
  /** What went wrong beside the answer (e.g. the cache could not keep a copy): nothing is lost by it. */
  warnings: string[];
}

export function bootstrap(ports: Ports): BootstrapResult {
  const scope = openRequest(ports);
  scope.uow.prefetch([SHEETS.trabajadores, SHEETS.roles]);
  const workers = scope.workers.active();
  const timeZone = scope.timeZone;
  scope.uow.saveCache();
  return {
    workers: workers
      .filter((w) => w.roles.length > 0)
      .sort((a, b) => a.nombre.localeCompare(b.nombre))
      .map((w) => ({
        id: w.id,
        display: workerDisplay(w),
        nombre: `${w.nombre} ${w.apellido}`.trim(),
        roles: w.roles,
      })),
    operations: OPERATIONS.map((id) => ({ id, label: OPERATION_LABEL[id] })),
    settings: {
      armOnlyTypes: scope.settings.armOnlyTypes,
      requireArmBeforeSold: scope.settings.requireArmBeforeSold,
    },
    timeZone,
    warnings: scope.warnings,
  };
}
