// The gas-local runtime: every script file of the folder in one fresh global scope per execution, HTML files
// for HtmlService, document properties that outlive the call, and no Node-only global reachable.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  createAppsScriptRuntime,
  isProjectScript,
  reachableNodeGlobals,
} from '../../../src/memory/appsScriptRuntime';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

// Two script files sharing one scope, as Apps Script runs a project's files: b.js calls a.js's helper.
// `evaluations` counts the top-level evaluations that one scope has seen.
const A_JS = `
var evaluations = (typeof evaluations === 'number' ? evaluations : 0) + 1;
function totalKey() { return 'total'; }
`;
const B_GS = `
function bump(input) {
  var props = PropertiesService.getDocumentProperties();
  var total = Number(props.getProperty(totalKey()) || 0) + input.by;
  props.setProperty(totalKey(), String(total));
  return { evaluations: evaluations, total: total, when: new Date(0), nothing: undefined, nodeGlobals: typeof process + typeof require + typeof setTimeout };
}
function fail() { throw new Error('CONFLICT: la unión cambió.'); }
function page() { return HtmlService.createHtmlOutputFromFile('Page').getContent(); }
`;

/** A project folder as clasp pushes it, plus files Apps Script would not load. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gas-project-'));
  writeFileSync(join(dir, 'a.js'), A_JS);
  writeFileSync(join(dir, 'b.gs'), B_GS);
  writeFileSync(join(dir, 'Page.html'), '<p>hola</p>');
  writeFileSync(join(dir, 'appsscript.json'), '{}');
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'x.js'), 'throw new Error("not a project file")');
  return dir;
}

describe('createAppsScriptRuntime (gas-local)', () => {
  it('loads every script file into a fresh global scope per execution; document properties persist', () => {
    const runtime = createAppsScriptRuntime(new FakeSpreadsheet(), { folder: project() });
    const first = runtime.execution().call('bump', { by: 2 });
    const second = runtime.execution().call('bump', { by: 3 });
    expect(first).toEqual({
      evaluations: 1,
      total: 2,
      when: '1970-01-01T00:00:00.000Z',
      nodeGlobals: 'undefinedundefinedundefined',
    });
    expect(second).toMatchObject({ evaluations: 1, total: 5 });
    expect(runtime.apps.propertiesService.document.getProperty('total')).toBe('5');
  });

  it('serves the folder HTML files by name and lets a thrown error reach the caller with its message', () => {
    const runtime = createAppsScriptRuntime(new FakeSpreadsheet(), { folder: project() });
    expect(runtime.execution().call('page')).toBe('<p>hola</p>');
    expect(() => runtime.execution().call('fail')).toThrow('CONFLICT: la unión cambió.');
    expect(() => runtime.execution().call('missing')).toThrow('no top-level function missing');
  });

  it('finds no Node-only global in its scope, and the check reports one that is there', () => {
    const { scope } = createAppsScriptRuntime(new FakeSpreadsheet(), { folder: project() }).execution();
    expect(reachableNodeGlobals(scope)).toEqual([]);
    expect(reachableNodeGlobals(vm.createContext({ setTimeout, Buffer }))).toEqual(['setTimeout', 'Buffer']);
  });

  it('loads what clasp pushes: .js and .gs files, not node_modules or dot-folders', () => {
    expect(isProjectScript('build', 'build/Code.js')).toBe(true);
    expect(isProjectScript('build', 'build/lib/util.gs')).toBe(true);
    expect(isProjectScript('build', 'build/Sidebar.html')).toBe(false);
    expect(isProjectScript('build', 'build/node_modules/x.js')).toBe(false);
    expect(isProjectScript('build', 'build/.cache/x.js')).toBe(false);
  });
});
