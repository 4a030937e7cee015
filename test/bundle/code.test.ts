import { readFileSync } from 'node:fs';
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
  'apiLastCapacity',
];

describe('build/Code.js', () => {
  it('declares every public entry point as a top-level function (build/ loaded by gas-local, no services)', () => {
    const scope = gasLocal.require('build', {});
    for (const name of PUBLIC_SURFACE) expect(typeof scope[name], name).toBe('function');
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
