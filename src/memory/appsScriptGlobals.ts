// The Apps Script global services over one in-memory spreadsheet: what build/Code.js finds at top level
// in the bundle test and the playground.

import { FAKE_CHARTS } from './fakeEmbeddedChart';
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
  type UserTriggersBehaviour,
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
  options: {
    htmlFiles?: Record<string, string>;
    userEmail?: string;
    logs?: string[];
    /** Whether getUserTriggers(spreadsheet) lists the add-on's time-driven triggers (default: lists). */
    userTriggers?: UserTriggersBehaviour;
  } = {},
): FakeAppsScript {
  const ui = new FakeUi();
  const lockService = new FakeLockService();
  const propertiesService = new FakePropertiesService();
  const scriptApp = new FakeScriptApp(undefined, {
    documentId: spreadsheet.idUncounted,
    ...(options.userEmail ? { user: options.userEmail } : {}),
    ...(options.userTriggers ? { userTriggers: options.userTriggers } : {}),
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
      Charts: FAKE_CHARTS,
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
