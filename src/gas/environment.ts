// The only module that reads Apps Script's global services; everything else receives ports.

import type { Ports, TriggersPort, UiPort } from '../ports';
import type { SpreadsheetLike } from './appsScriptShapes';
import { lockAdapter, propertiesAdapter, systemClock, triggersAdapter, uiAdapter } from './services';
import { AppsScriptSpreadsheet } from './spreadsheetAdapter';

export function activeSpreadsheet(): SpreadsheetLike {
  return SpreadsheetApp.getActive() as unknown as SpreadsheetLike;
}

/** Fresh ports for one request (the spreadsheet adapter caches sheet handles for that request only). */
export function requestPorts(): Ports {
  return {
    spreadsheet: new AppsScriptSpreadsheet(activeSpreadsheet()),
    lock: lockAdapter(LockService.getDocumentLock()),
    properties: propertiesAdapter(PropertiesService.getDocumentProperties()),
    clock: systemClock,
  };
}

export function triggers(): TriggersPort {
  return triggersAdapter(ScriptApp as never);
}

export function ui(): UiPort {
  return uiAdapter(SpreadsheetApp.getUi() as never);
}

export function menuBuilder(title: string): GoogleAppsScript.Base.Menu {
  void title;
  return SpreadsheetApp.getUi().createAddonMenu();
}

export function showHtml(file: string, title: string, asSidebar: boolean): void {
  const output = HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  if (asSidebar) SpreadsheetApp.getUi().showSidebar(output);
  else SpreadsheetApp.getUi().showModalDialog(output, title);
}

export function showDialogText(html: string, title: string): void {
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(480), title);
}
