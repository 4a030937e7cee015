// Loads build/ the way Apps Script runs it (gas-local: every script file in one global scope with the
// services and no Node globals).

import { createAppsScriptRuntime, NODE_ONLY_GLOBALS } from '../../src/memory/appsScriptRuntime';
import type { FakeAppsScript } from '../../src/memory/appsScriptGlobals';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';

export { NODE_ONLY_GLOBALS };

export interface LoadedBundle {
  scope: Record<string, unknown>;
  apps: FakeAppsScript;
  /** Calls a top-level function of Code.js as Apps Script would. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

/** `sheetsApi` also installs the Sheets advanced service, as a SUT_SHEETS_API=1 manifest would. */
export function loadBundle(
  spreadsheet: FakeSpreadsheet,
  options: { sheetsApi?: boolean } = {},
): LoadedBundle {
  const runtime = createAppsScriptRuntime(spreadsheet, {
    folder: 'build',
    sheetsApi: options.sheetsApi ?? false,
  });
  const { scope, call } = runtime.execution();
  return { scope, apps: runtime.apps, call };
}
