// Runs build/Code.js as Apps Script does: each call a fresh global scope holding only the services, over one
// in-memory spreadsheet whose document properties and lock outlive the call (the bundle test and playground).

import vm from 'node:vm';
import { createFakeAppsScript, type FakeAppsScript } from './appsScriptGlobals';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import { FakeSheetsApi } from './fakeSheetsApi';

/** Node globals Apps Script does not have: a bundle that needs one would fail in production. */
export const NODE_ONLY_GLOBALS = [
  'require',
  'process',
  'setTimeout',
  'TextEncoder',
  'Buffer',
  'module',
  'fetch',
];

export interface AppsScriptRuntimeOptions {
  /** The built Code.js text. */
  code: string;
  /** HTML files pushed beside Code.js, by name without extension (e.g. `{Sidebar: '<!doctype html>…'}`). */
  htmlFiles?: Record<string, string>;
  /** Also installs the Sheets advanced service, as a SUT_SHEETS_API=1 manifest would. */
  sheetsApi?: boolean;
}

export interface AppsScriptExecution {
  /** The execution's global scope (Code.js's top-level functions live here). */
  scope: Record<string, unknown>;
  /** Calls a top-level function with google.script.run's JSON round trip on arguments and result. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

export interface AppsScriptRuntime {
  /** The services every execution shares (properties, lock, triggers, ui), as one project and document. */
  apps: FakeAppsScript;
  /** A new execution: Code.js evaluated in a fresh global scope, as each google.script.run call gets. */
  execution(): AppsScriptExecution;
}

/** JSON round trip: what google.script.run carries (Dates become strings, undefined fields vanish). */
export function jsonTrip<T>(value: T): T {
  return (value === undefined ? undefined : JSON.parse(JSON.stringify(value))) as T;
}

export function createAppsScriptRuntime(
  spreadsheet: FakeSpreadsheet,
  options: AppsScriptRuntimeOptions,
): AppsScriptRuntime {
  const apps = createFakeAppsScript(spreadsheet, { htmlFiles: options.htmlFiles ?? {} });
  const script = new vm.Script(options.code, { filename: 'Code.js' });
  const execution = (): AppsScriptExecution => {
    const scope = vm.createContext({
      ...apps.globals,
      ...(options.sheetsApi ? { Sheets: new FakeSheetsApi(spreadsheet) } : {}),
    }) as Record<string, unknown>;
    script.runInContext(scope);
    const call = <T>(name: string, ...args: unknown[]): T => {
      const fn = scope[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return jsonTrip(fn(...args.map((a) => jsonTrip(a)))) as T;
    };
    return { scope, call };
  };
  return { apps, execution };
}
