// The only module that reads Apps Script's global services; everything else receives ports.

import type { Ports, TriggersPort, UiPort } from '../ports';
import type { SpreadsheetLike } from './appsScriptShapes';
import {
  cacheAdapter,
  lockAdapter,
  propertiesAdapter,
  systemClock,
  triggersAdapter,
  uiAdapter,
} from './services';
import { AppsScriptSpreadsheet } from './spreadsheetAdapter';
import { loadSettings } from '../data/settingsRepository';
import type { SheetsApiLike } from './sheetsApiShapes';
import { SheetsApiSpreadsheet } from './sheetsApiSpreadsheet';

export function activeSpreadsheet(): SpreadsheetLike {
  return SpreadsheetApp.getActive() as unknown as SpreadsheetLike;
}

/**
 * Fresh ports for one request (adapters cache sheet handles and properties for that request only).
 * The Sheets advanced service is used when the setting asks for it and the manifest enabled it.
 */
export function requestPorts(): Ports {
  const properties = propertiesAdapter(PropertiesService.getDocumentProperties());
  const api = typeof Sheets === 'undefined' ? undefined : Sheets;
  const spreadsheet =
    api && loadSettings(properties).useSheetsApi
      ? new SheetsApiSpreadsheet(
          api as unknown as SheetsApiLike,
          SpreadsheetApp.getActive().getId(),
          // TextFinder searches and where appends go (after the log's last event), at constant cost.
          new AppsScriptSpreadsheet(activeSpreadsheet(), { directionUp: SpreadsheetApp.Direction.UP }),
        )
      : new AppsScriptSpreadsheet(activeSpreadsheet(), {
          directionUp: SpreadsheetApp.Direction.UP,
          flush: () => SpreadsheetApp.flush(),
        });
  const cache = cacheAdapter(CacheService.getDocumentCache() as never);
  return {
    spreadsheet,
    ...(cache ? { cache } : {}),
    lock: lockAdapter(LockService.getDocumentLock()),
    properties,
    clock: systemClock,
    ids: { uuid: () => Utilities.getUuid() },
  };
}

export function triggers(): TriggersPort {
  return triggersAdapter(ScriptApp as never);
}

export function ui(): UiPort {
  return uiAdapter(SpreadsheetApp.getUi() as never);
}

/** Add-ons get their menu under Extensions; its title is the add-on's name. */
export function addonMenu(): GoogleAppsScript.Base.Menu {
  return SpreadsheetApp.getUi().createAddonMenu();
}

/** A menu of its own in the menu bar: for a script bound to the spreadsheet. */
export function topLevelMenu(title: string): GoogleAppsScript.Base.Menu {
  return SpreadsheetApp.getUi().createMenu(title);
}

export function showHtml(file: string, title: string, asSidebar: boolean): void {
  const output = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  if (asSidebar) SpreadsheetApp.getUi().showSidebar(output);
  else SpreadsheetApp.getUi().showModalDialog(output, title);
}
