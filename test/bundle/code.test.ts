import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parse } from 'acorn';
import gasLocal from 'gas-local';
import { describe, expect, it } from 'vitest';
import { productionBook } from '../support/workbooks';
import { createAppsScriptRuntime, reachableNodeGlobals } from '../../src/memory/appsScriptRuntime';
import { NODE_ONLY_GLOBALS, loadBundle } from '../support/bundle';

// Design §5: the public surface Apps Script must find at top level.
const PUBLIC_SURFACE = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'onMetricsTrigger',
  'apiBootstrap',
  'apiListUnions',
  'apiStartWork',
  'apiFinishWork',
  'apiGetMetrics',
  'apiMigrateSchema',
  'apiRunJobStep',
  'apiJobStatus',
  'apiCancelJob',
  'onJobContinuation',
  'apiRefreshSummary',
  'menuRefreshSummary',
  'apiOccupiedSpools',
  'apiReleaseSpool',
  'apiWorkerDay',
  'apiSpoolHistory',
  'apiLastCapacity',
];

/** Names of the top-level function declarations of a script: what Apps Script exposes. */
function topLevelFunctions(code: string): string[] {
  const program = parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  return program.body.flatMap((node) =>
    node.type === 'FunctionDeclaration' && node.id ? [node.id.name] : [],
  );
}

describe('build/Code.js', () => {
  it('declares every public entry point as a top-level function (build/ loaded by gas-local, no services)', () => {
    const scope = gasLocal.require('build', {});
    for (const name of PUBLIC_SURFACE) expect(typeof scope[name], name).toBe('function');
  });

  it('has every top-level function documented in docs/api.md or docs/sidebar.md (menu handlers)', () => {
    const globals = topLevelFunctions(readFileSync('build/Code.js', 'utf8'));
    expect(globals).toEqual(expect.arrayContaining(PUBLIC_SURFACE));
    const docs = ['docs/api.md', 'docs/sidebar.md'].map((file) => readFileSync(file, 'utf8')).join('\n');
    const undocumented = globals.filter((name) => !new RegExp(`\`${name}[\`(]`).test(docs));
    expect(undocumented).toEqual([]);
  });

  it('runs with no Node-only global reachable, and each execution in a fresh scope', () => {
    const bundle = loadBundle(productionBook([]));
    expect(NODE_ONLY_GLOBALS).toEqual(
      expect.arrayContaining(['require', 'process', 'setTimeout', 'TextEncoder', 'Buffer']),
    );
    expect(reachableNodeGlobals(bundle.scope)).toEqual([]);
    const runtime = createAppsScriptRuntime(productionBook([]), { folder: 'build' });
    const first = runtime.execution();
    first.scope.leftOver = 1;
    const second = runtime.execution();
    expect(second.scope).not.toBe(first.scope);
    expect('leftOver' in second.scope).toBe(false);
    expect(second.scope.onOpen).not.toBe(first.scope.onOpen);
  });

  it('makes each call of a loaded bundle a new execution: a global one execution sets is gone in the next', () => {
    const bundle = loadBundle(productionBook([]));
    const earlier = bundle.scope;
    // Code running in one execution leaves a variable and replaces a top-level function.
    vm.runInContext('leftOver = 1; showSidebar = function () { throw new Error("shared scope"); };', earlier);
    expect(earlier.leftOver).toBe(1);
    expect(() => bundle.call('showSidebar')).not.toThrow();
    expect(bundle.apps.ui.sidebars).toHaveLength(1);
    const later = bundle.scope;
    expect(later).not.toBe(earlier);
    expect('leftOver' in later).toBe(false);
    // ...while the services (the ui, document properties, the lock) are the same for every execution.
    bundle.call('showSidebar');
    expect(bundle.apps.ui.sidebars).toHaveLength(2);
  });

  it('parses as ES2020 (Apps Script rejects newer syntax such as class fields) and is not minified', () => {
    const code = readFileSync('build/Code.js', 'utf8');
    expect(() => parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(() => parse('class A { x = 1 }', { ecmaVersion: 2020 })).toThrow(); // the check can fail
    expect(code).toContain('var AppError = class extends Error {');
  });

  it('showSidebar opens the sidebar from Sidebar.html', () => {
    const bundle = loadBundle(productionBook([]));
    bundle.call('showSidebar');
    expect(bundle.apps.ui.sidebars).toHaveLength(1);
    expect(bundle.apps.ui.sidebars[0]!.title).toBe('Registro de uniones');
  });
});
