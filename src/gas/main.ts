// Apps Script entry points: each one line of wiring. The build adds a top-level forwarder for every
// function exported here (Apps Script only sees top-level functions).

import { toAppError } from '../domain/errors';
import { menuBuilder, showHtml } from './environment';
import { addMenu } from './menu';

export { MENU_ITEMS } from './menu';

export function onOpen(e?: unknown): void {
  void e;
  addMenu(menuBuilder('Uniones'));
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  showHtml('Sidebar', 'Registro de uniones', true);
}

const notYet = (name: string) => () => {
  throw toAppError(new Error(`${name} aún no está disponible`));
};

export const onMetricsTrigger = notYet('onMetricsTrigger');
export const apiBootstrap = notYet('apiBootstrap');
export const apiListUnions = notYet('apiListUnions');
export const apiStartWork = notYet('apiStartWork');
export const apiFinishWork = notYet('apiFinishWork');
export const apiGetMetrics = notYet('apiGetMetrics');
export const apiMigrateSchema = notYet('apiMigrateSchema');
export const apiRunJobStep = notYet('apiRunJobStep');
export const apiJobStatus = notYet('apiJobStatus');
export const menuRecomputeMetrics = notYet('menuRecomputeMetrics');
export const menuShowJobStatus = notYet('menuShowJobStatus');
export const menuEnableMetricsTrigger = notYet('menuEnableMetricsTrigger');
export const menuDisableMetricsTrigger = notYet('menuDisableMetricsTrigger');
export const menuMigrateSchema = notYet('menuMigrateSchema');
