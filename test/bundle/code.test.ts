import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { productionBook } from '../support/workbooks';
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
];

describe('build/Code.js', () => {
  it('declares every public entry point as a top-level function', () => {
    const scope = vm.createContext({});
    vm.runInContext(readFileSync('build/Code.js', 'utf8'), scope);
    for (const name of PUBLIC_SURFACE)
      expect(typeof (scope as Record<string, unknown>)[name], name).toBe('function');
  });

  it('runs without Node globals in scope', () => {
    const { scope } = loadBundle(productionBook([]));
    for (const name of NODE_ONLY_GLOBALS) expect(name in scope, name).toBe(false);
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
