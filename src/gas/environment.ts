// The only module that reads Apps Script's global services; everything else receives ports (wired by
// the composition root).

import type { Ports, TriggersPort, UiPort } from '../ports';
import { compose, type AppsScriptServices, type Composition } from './compositionRoot';

/** The real global services, handed to the composition root. */
function globalServices(): AppsScriptServices {
  return {
    SpreadsheetApp,
    PropertiesService,
    LockService,
    ScriptApp,
    Utilities,
    CacheService,
    ...(typeof Sheets === 'undefined' ? {} : { Sheets }),
    ...(typeof Charts === 'undefined' ? {} : { Charts }),
  } as unknown as AppsScriptServices;
}

/** One execution's services, wired by the composition root (adapters cache for this execution only). */
export function services(): Composition {
  return compose(globalServices());
}

/** Fresh ports for one request. */
export function requestPorts(): Ports {
  return services().ports;
}

export function triggers(): TriggersPort {
  return services().triggers;
}

export function ui(): UiPort {
  return services().ui();
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
