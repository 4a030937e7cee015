import { describe, expect, it } from 'vitest';
import { createAppsScriptRuntime } from '../../../src/memory/appsScriptRuntime';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

// A Code.js that counts its own top-level evaluations and keeps a running total in document properties.
const CODE = `
var evaluations = (typeof evaluations === 'number' ? evaluations : 0) + 1;
function bump(input) {
  var props = PropertiesService.getDocumentProperties();
  var total = Number(props.getProperty('total') || 0) + input.by;
  props.setProperty('total', String(total));
  return { evaluations: evaluations, total: total, when: new Date(0), nothing: undefined, nodeGlobals: typeof process + typeof require + typeof setTimeout };
}
function fail() { throw new Error('CONFLICT: la unión cambió.'); }
`;

describe('createAppsScriptRuntime', () => {
  it('runs each execution in a fresh global scope while document properties persist', () => {
    const runtime = createAppsScriptRuntime(new FakeSpreadsheet(), { code: CODE });
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

  it('lets a thrown error reach the caller with its coded message', () => {
    const runtime = createAppsScriptRuntime(new FakeSpreadsheet(), { code: CODE });
    expect(() => runtime.execution().call('fail')).toThrow('CONFLICT: la unión cambió.');
    expect(() => runtime.execution().call('missing')).toThrow('no top-level function missing');
  });
});
