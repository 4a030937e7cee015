// Loads build/ the way Apps Script runs it (gas-local: every script file in one global scope with the
// services and no Node globals). Every call is its own execution, in a fresh global scope over the same
// in-memory services, as Apps Script runs each call (and as the playground does): state a module keeps
// between calls is lost, here as in production.

import { createAppsScriptRuntime, NODE_ONLY_GLOBALS } from '../../src/memory/appsScriptRuntime';
import type { FakeAppsScript } from '../../src/memory/appsScriptGlobals';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';

export { NODE_ONLY_GLOBALS };

export interface LoadedBundle {
  /** The global scope of a new execution, each time it is read (to inspect, or call without JSON). */
  readonly scope: Record<string, unknown>;
  /** The services every execution shares (properties, lock, triggers, ui). */
  apps: FakeAppsScript;
  /** Calls a top-level function of Code.js as Apps Script would: in a new execution, with a JSON trip. */
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
  return {
    get scope() {
      return runtime.execution().scope;
    },
    apps: runtime.apps,
    call: <T>(name: string, ...args: unknown[]): T => runtime.execution().call<T>(name, ...args),
  };
}
