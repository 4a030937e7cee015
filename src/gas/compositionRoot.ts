// The composition root: the one place that wires settings → spreadsheet port → repositories → services,
// from Apps Script's global services passed in (environment.ts passes the real ones, tests the fakes).

import { triggerKey } from '../app/jobTriggers';
import { MetricsJobService } from '../app/metricsJob';
import { SummaryJobService } from '../app/resumen/summaryJob';
import { JobRepository } from '../data/jobRepository';
import { loadSettings } from '../data/settingsRepository';
import type { Settings } from '../domain/settings';
import type { Ports, SpreadsheetPort, TriggersPort, UiPort } from '../ports';
import type { SpreadsheetLike } from './appsScriptShapes';
import {
  cacheAdapter,
  lockAdapter,
  propertiesAdapter,
  systemClock,
  triggersAdapter,
  uiAdapter,
} from './services';
import type { SheetsApiLike } from './sheetsApiShapes';
import { SheetsApiSpreadsheet } from './sheetsApiSpreadsheet';
import { AppsScriptSpreadsheet } from './spreadsheetAdapter';
import { AppsScriptSummarySheet } from './summarySheetAdapter';
import type { OwnedSpreadsheetLike } from './summarySheetShapes';

/** The Apps Script services the product uses, as globals name them (typed loosely: real or fake). */
export interface AppsScriptServices {
  SpreadsheetApp: {
    getActive(): unknown;
    getUi(): unknown;
    flush(): void;
    Direction: { UP: unknown };
    ProtectionType?: { SHEET: unknown; RANGE: unknown };
  };
  PropertiesService: { getDocumentProperties(): unknown; getUserProperties(): unknown };
  LockService: { getDocumentLock(): unknown };
  ScriptApp: unknown;
  Utilities: { getUuid(): string };
  /** The document cache holds headers and the small sheets for a minute (issue 9). */
  CacheService?: { getDocumentCache(): unknown };
  /** The Sheets advanced service, when the manifest enables it. */
  Sheets?: unknown;
  /** The chart types (Charts.ChartType) the Resumen sheet's chart is built with. */
  Charts?: { ChartType: { COLUMN: unknown } };
}

/** Everything one execution works with, wired once. */
export interface Composition {
  settings: Settings;
  ports: Ports;
  jobs: JobRepository;
  /** This user's triggers in this document. */
  triggers: TriggersPort;
  /** The UI, built when first asked for: a trigger's execution has none (getUi throws there). */
  ui(): UiPort;
  metricsJob: MetricsJobService;
  /** The Resumen sheet's refresh (menu, API, and the hourly trigger's second step). */
  summaryJob: SummaryJobService;
}

interface ActiveSpreadsheet extends SpreadsheetLike {
  getId(): string;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

/**
 * Wires one execution: document properties → settings → the spreadsheet port the settings choose (the
 * Sheets API when enabled and wanted, else SpreadsheetApp) → lock, clock, ids → repositories → services.
 * Nothing is read from the spreadsheet here; the UI is only built when asked for.
 */
export function compose(services: AppsScriptServices): Composition {
  const properties = propertiesAdapter(services.PropertiesService.getDocumentProperties() as never);
  const settings = loadSettings(properties);
  const document = services.SpreadsheetApp.getActive() as ActiveSpreadsheet;
  const { ProtectionType } = services.SpreadsheetApp;
  const direction = {
    directionUp: services.SpreadsheetApp.Direction.UP,
    ...(ProtectionType ? { protectionTypes: ProtectionType } : {}),
  };
  const spreadsheet: SpreadsheetPort =
    services.Sheets && settings.useSheetsApi
      ? new SheetsApiSpreadsheet(
          services.Sheets as SheetsApiLike,
          document.getId(),
          // TextFinder searches and where appends go (after the log's last event), at constant cost.
          new AppsScriptSpreadsheet(document, direction),
        )
      : new AppsScriptSpreadsheet(document, { ...direction, flush: () => services.SpreadsheetApp.flush() });
  const cache = cacheAdapter((services.CacheService?.getDocumentCache() ?? null) as never);
  const ports: Ports = {
    spreadsheet,
    // Charts exist on SpreadsheetApp only: Resumen is written there whatever the settings choose.
    summarySheet: new AppsScriptSummarySheet(document as unknown as OwnedSpreadsheetLike, {
      columnChart: services.Charts?.ChartType.COLUMN,
      flush: () => services.SpreadsheetApp.flush(),
      ...(ProtectionType ? { protectionTypes: ProtectionType } : {}),
    }),
    ...(cache ? { cache } : {}),
    lock: lockAdapter(services.LockService.getDocumentLock() as never),
    properties,
    clock: systemClock,
    ids: { uuid: () => services.Utilities.getUuid() },
  };
  const jobs = new JobRepository(properties, cache ?? undefined);
  const triggers = triggersAdapter(services.ScriptApp as never, document);
  let ui: UiPort | null = null;
  const uiPort = () => (ui ??= uiAdapter(services.SpreadsheetApp.getUi() as never, document));
  // Jobs only toast, through the spreadsheet: a trigger's execution has one (and no getUi), a user sees it.
  const toastOnly: UiPort = {
    alert: () => undefined,
    confirm: () => false,
    toast: (title, message) => document.toast(message, title, 8),
  };
  return {
    settings,
    ports,
    jobs,
    triggers,
    ui: uiPort,
    metricsJob: new MetricsJobService({
      ports,
      jobs,
      triggers,
      // Triggers are each user's; document properties are every user's: the record is kept per user.
      triggerRecord: () => ({
        properties: propertiesAdapter(services.PropertiesService.getUserProperties() as never),
        key: triggerKey(document.getId()),
      }),
      ui: toastOnly,
    }),
    summaryJob: new SummaryJobService({ ports, jobs, triggers }),
  };
}
