// Runs a built Apps Script project (build/) as Apps Script does, through the npm package gas-local: each
// execution loads every script file of the folder into a fresh global scope holding only the services, over
// one in-memory spreadsheet whose document properties and lock outlive the call (bundle tests, playground).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import vm from 'node:vm';
import gasLocal from 'gas-local';
import { createFakeAppsScript, type FakeAppsScript } from './appsScriptGlobals';
import type { FakeSpreadsheet } from './fakeSpreadsheet';
import { FakeSheetsApi } from './fakeSheetsApi';

/**
 * Node globals Apps Script's V8 does not have: a bundle that needs one would fail in production. (A `vm`
 * context has none of them; `console` it has, as Apps Script does, and the runtime replaces it.)
 */
export const NODE_ONLY_GLOBALS = [
  'require',
  'process',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'queueMicrotask',
  'structuredClone',
  'TextEncoder',
  'TextDecoder',
  'Buffer',
  'module',
  'exports',
  'global',
  '__dirname',
  'fetch',
  'URL',
  'atob',
];

export interface AppsScriptRuntimeOptions {
  /**
   * The project folder clasp pushes (`build/`): every `.js`/`.gs` file in it (subfolders included, none
   * under `node_modules` or a dot-folder) is loaded, in directory order; every `.html` file at its top is
   * what HtmlService serves by name without extension (`Sidebar.html` → `Sidebar`).
   */
  folder: string;
  /** Also installs the Sheets advanced service, as a SUT_SHEETS_API=1 manifest would. */
  sheetsApi?: boolean;
}

export interface AppsScriptExecution {
  /** The execution's global scope (the project's top-level functions live here). */
  scope: Record<string, unknown>;
  /** Calls a top-level function with google.script.run's JSON round trip on arguments and result. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

export interface AppsScriptRuntime {
  /** The services every execution shares (properties, lock, triggers, ui), as one project and document. */
  apps: FakeAppsScript;
  /** A new execution: the project loaded by gas-local into a fresh global scope, as each call gets. */
  execution(): AppsScriptExecution;
}

/** JSON round trip: what google.script.run carries (Dates become strings, undefined fields vanish). */
export function jsonTrip<T>(value: T): T {
  return (value === undefined ? undefined : JSON.parse(JSON.stringify(value))) as T;
}

/** Whether clasp would push `path` as a script file (gas-local's filter; it loads only what passes). */
export function isProjectScript(folder: string, path: string): boolean {
  const parts = relative(folder, path).split(sep);
  if (parts.some((part) => part === 'node_modules' || part.startsWith('.'))) return false;
  return /\.(js|gs)$/.test(path);
}

/** The names in NODE_ONLY_GLOBALS that code running in `scope` (a vm context) can reach, by `typeof`. */
export function reachableNodeGlobals(scope: Record<string, unknown>): string[] {
  if (!vm.isContext(scope)) throw new Error('reachableNodeGlobals needs a vm context');
  return NODE_ONLY_GLOBALS.filter((name) => vm.runInContext(`typeof ${name}`, scope) !== 'undefined');
}

function htmlFilesOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder))
    if (name.endsWith('.html'))
      files[name.slice(0, -'.html'.length)] = readFileSync(join(folder, name), 'utf8');
  return files;
}

/**
 * The runtime of the project in `options.folder` over `spreadsheet`. Each execution reads the folder again
 * (a rebuild shows on the next call, as a push does). Throws what the project's top-level code throws.
 */
export function createAppsScriptRuntime(
  spreadsheet: FakeSpreadsheet,
  options: AppsScriptRuntimeOptions,
): AppsScriptRuntime {
  const { folder } = options;
  const apps = createFakeAppsScript(spreadsheet, { htmlFiles: htmlFilesOf(folder) });
  const execution = (): AppsScriptExecution => {
    // A new object each time: gas-local makes the context from it, so nothing survives between executions.
    const globals: Record<string, unknown> = {
      ...apps.globals,
      ...(options.sheetsApi ? { Sheets: new FakeSheetsApi(spreadsheet) } : {}),
    };
    const scope = gasLocal.require(folder, globals, { filter: (path) => isProjectScript(folder, path) });
    const call = <T>(name: string, ...args: unknown[]): T => {
      const fn = scope[name];
      if (typeof fn !== 'function') throw new Error(`the project has no top-level function ${name}`);
      return jsonTrip(fn(...args.map((a) => jsonTrip(a)))) as T;
    };
    return { scope, call };
  };
  return { apps, execution };
}
