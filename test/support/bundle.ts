// Loads build/Code.js the way Apps Script runs it: one global scope with the services and no Node globals.

import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createFakeAppsScript, type FakeAppsScript } from '../../src/memory/appsScriptGlobals';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { FakeSheetsApi } from '../../src/memory/fakeSheetsApi';

export const NODE_ONLY_GLOBALS = [
  'require',
  'process',
  'setTimeout',
  'TextEncoder',
  'Buffer',
  'module',
  'fetch',
];

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
  const code = readFileSync('build/Code.js', 'utf8');
  const apps = createFakeAppsScript(spreadsheet, {
    htmlFiles: { Sidebar: readFileSync('build/Sidebar.html', 'utf8') },
  });
  const scope = vm.createContext({
    ...apps.globals,
    ...(options.sheetsApi ? { Sheets: new FakeSheetsApi(spreadsheet) } : {}),
  });
  vm.runInContext(code, scope, { filename: 'Code.js' });
  const call = <T>(name: string, ...args: unknown[]): T => {
    const fn = (scope as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
    // JSON round trip: what google.script.run carries in and out.
    const result = fn(...args.map((a) => JSON.parse(JSON.stringify(a))));
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  };
  return { scope: scope as Record<string, unknown>, apps, call };
}
