// Apps Script entry points: each one line of wiring. The build adds a top-level forwarder for every
// function exported here (Apps Script only sees top-level functions).

import { bootstrap } from '../app/bootstrap';
import { finishWork } from '../app/finishWork';
import { listUnions } from '../app/listUnions';
import { getMetrics } from '../app/metrics';
import { migrateSchema } from '../app/migrateSchema';
import { clearContinuation } from '../app/jobTriggers';
import { runScheduledJobs } from '../app/resumen/scheduledJobs';
import { causeText } from '../domain/errors';
import {
  finishWorkRequest,
  getMetricsRequest,
  listUnionsRequest,
  migrateSchemaRequest,
  parseRequest,
  cancelJobRequest,
  runJobStepRequest,
  startWorkRequest,
} from '../app/requests';
import { startWork } from '../app/startWork';
import { occupiedSpools } from '../app/panel/occupiedSpools';
import { lastCapacity } from '../app/resumen/lastCapacity';
import {
  lastCapacityRequest,
  occupiedSpoolsRequest,
  releaseSpoolRequest,
  spoolHistoryRequest,
  workerDayRequest,
} from '../app/panel/panelRequests';
import { releaseSpool } from '../app/panel/releaseSpool';
import { spoolHistory } from '../app/panel/spoolHistory';
import { workerDay } from '../app/panel/workerDay';
import { addonMenu, requestPorts, services, showHtml, topLevelMenu } from './environment';
import { MENU_TITLE, addMenu, menuKind } from './menu';
import * as menuActions from './menuActions';
import { serve } from './serve';

export { MENU_ITEMS } from './menu';

/** Builds the menu only: no sheet read (onOpen runs on every open, possibly without authorization). */
export function onOpen(e?: unknown): void {
  addMenu(menuKind(e) === 'addon' ? addonMenu() : topLevelMenu(MENU_TITLE));
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

export function showSidebar(): void {
  showHtml('Sidebar', 'Registro de uniones', true);
}

/**
 * The document's one time-driven trigger (Google allows one per user and document): the hourly recompute,
 * or the continuation of an unfinished job that stands in for it (src/app/jobTriggers.ts).
 */
export function onMetricsTrigger(e?: unknown): void {
  void e;
  serve(() => {
    const wired = services();
    return runScheduledJobs({ ...wired, clock: wired.ports.clock }, 'trigger');
  });
}

/**
 * The one-shot continuation made by versions before issue 14: removes its own (fired) trigger, then runs a
 * step as the document's trigger does.
 */
export function onJobContinuation(e?: unknown): void {
  void e;
  serve(() => {
    const wired = services();
    try {
      clearContinuation(wired.triggers);
    } catch (error) {
      // Only an old fired trigger left listed: the step runs all the same.
      console.warn(`No se pudo borrar el disparador de continuación: ${causeText(error)}`);
    }
    return runScheduledJobs({ ...wired, clock: wired.ports.clock }, 'continuation');
  });
}

export const apiBootstrap = () => serve(() => bootstrap(requestPorts()));
export const apiListUnions = (input: unknown) =>
  serve(() => listUnions(requestPorts(), parseRequest(listUnionsRequest, input)));
export const apiStartWork = (input: unknown) =>
  serve(() => startWork(requestPorts(), parseRequest(startWorkRequest, input)));
export const apiFinishWork = (input: unknown) =>
  serve(() => finishWork(requestPorts(), parseRequest(finishWorkRequest, input)));
export const apiGetMetrics = (input: unknown) =>
  serve(() => getMetrics(requestPorts(), parseRequest(getMetricsRequest, input)));
export const apiMigrateSchema = (input: unknown) =>
  serve(() => migrateSchema(requestPorts(), parseRequest(migrateSchemaRequest, input)));
export const apiRunJobStep = (input: unknown) =>
  serve(() => {
    parseRequest(runJobStepRequest, input);
    return services().metricsJob.run('step');
  });
export const apiJobStatus = () => serve(() => ({ jobs: [services().metricsJob.status()] }));
/** Refreshes the Resumen sheet; answers its totals, unreadable cells and the capacity line (for the Panel). */
export const apiRefreshSummary = () => serve(() => services().summaryJob.refresh('api'));
/** The capacity line the last Resumen refresh wrote, read without rewriting the sheet (the Panel, on opening). */
export const apiLastCapacity = (input?: unknown) =>
  serve(() => {
    parseRequest(lastCapacityRequest, input);
    return lastCapacity(requestPorts());
  });
export const apiCancelJob = (input: unknown) =>
  serve(() => {
    parseRequest(cancelJobRequest, input);
    return services().metricsJob.cancel();
  });
// The Panel (issue 16): spools held now, a release, a worker's day, a spool's history.
export const apiOccupiedSpools = (input?: unknown) =>
  serve(() => {
    parseRequest(occupiedSpoolsRequest, input);
    return occupiedSpools(requestPorts());
  });
export const apiReleaseSpool = (input: unknown) =>
  serve(() => releaseSpool(requestPorts(), parseRequest(releaseSpoolRequest, input)));
export const apiWorkerDay = (input: unknown) =>
  serve(() => workerDay(requestPorts(), parseRequest(workerDayRequest, input)));
export const apiSpoolHistory = (input: unknown) =>
  serve(() => spoolHistory(requestPorts(), parseRequest(spoolHistoryRequest, input)));

export const menuRecomputeMetrics = () => menuActions.recomputeMetrics();
export const menuRefreshSummary = () => menuActions.refreshSummary();
export const menuShowJobStatus = () => menuActions.showJobStatus();
export const menuEnableMetricsTrigger = () => menuActions.setMetricsTrigger(true);
export const menuDisableMetricsTrigger = () => menuActions.setMetricsTrigger(false);
export const menuMigrateSchema = () => menuActions.migrateSchema();
export const menuShowHelp = () => menuActions.showHelp();
