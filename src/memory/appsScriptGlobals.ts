// The Apps Script global services over one in-memory spreadsheet: what build/Code.js finds at top level
// in the bundle test and the playground.

import { FakeSpreadsheet } from './fakeSpreadsheet';
import { sequentialIds } from './memoryPorts';
import {
  FakeCacheService,
  FakeHtmlService,
  FakeLockService,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUi,
} from './fakeServices';

export interface FakeAppsScript {
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  lockService: FakeLockService;
  propertiesService: FakePropertiesService;
  cacheService: FakeCacheService;
  scriptApp: FakeScriptApp;
  htmlService: FakeHtmlService;
  /** The globals to install in a scope, named as Apps Script names them. */
  globals: Record<string, unknown>;
}

export function createFakeAppsScript(
  spreadsheet: FakeSpreadsheet,
  options: { htmlFiles?: Record<string, string>; userEmail?: string; logs?: string[] } = {},
): FakeAppsScript {
  const ui = new FakeUi();
  const lockService = new FakeLockService();
  const propertiesService = new FakePropertiesService();
  const scriptApp = new FakeScriptApp(undefined, {
    documentId: spreadsheet.idUncounted,
    ...(options.userEmail ? { user: options.userEmail } : {}),
  });
  const cacheService = new FakeCacheService(() => Date.now());
  const htmlService = new FakeHtmlService(options.htmlFiles);
  const logs = options.logs ?? [];
  const log = (...args: unknown[]) => {
    logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  const spreadsheetApp = {
    getActive: () => spreadsheet,
    getActiveSpreadsheet: () => spreadsheet,
    getUi: () => ui,
    Direction: { UP: 'UP', DOWN: 'DOWN', PREVIOUS: 'PREVIOUS', NEXT: 'NEXT' },
    ProtectionType: { SHEET: 'SHEET', RANGE: 'RANGE' },
    flush: () => spreadsheet.flush(),
  };
  return {
    spreadsheet,
    ui,
    lockService,
    propertiesService,
    cacheService,
    scriptApp,
    htmlService,
    globals: {
      SpreadsheetApp: spreadsheetApp,
      LockService: lockService,
      PropertiesService: propertiesService,
      CacheService: cacheService,
      ScriptApp: scriptApp,
      HtmlService: htmlService,
      Session: new FakeSession(options.userEmail),
      Utilities: { getUuid: sequentialIds().uuid },
      Logger: { log },
      console: { log, info: log, warn: log, error: log },
    },
  };
}
