// Builds build/ for clasp: Code.js (the bundle plus a top-level forwarder per exported function),
// Sidebar.html and appsscript.json. Fails when an entry point or a menu handler would be missing.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';

const NAMESPACE = 'SpoolUnionTracker';
const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

const result = await esbuild.build({
  entryPoints: ['src/gas/main.ts'],
  bundle: true,
  format: 'iife',
  globalName: NAMESPACE,
  target: 'es2020',
  minify: false,
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
});
const bundle = result.outputFiles[0].text;

// Load the bundle in an empty scope: top-level code must not need any service, and this lists the exports.
const probe = vm.createContext({});
vm.runInContext(`${bundle}\nthis.__exports = ${NAMESPACE};`, probe);
const exported = probe.__exports;
const entryPoints = Object.keys(exported)
  .filter((name) => typeof exported[name] === 'function')
  .sort();
if (entryPoints.length === 0) fail('src/gas/main.ts exports no function');

const forwarders = entryPoints
  .map((name) => `function ${name}() {\n  return ${NAMESPACE}.${name}.apply(this, arguments);\n}`)
  .join('\n');
const code = `${bundle}\n// Top-level entry points for Apps Script (generated from the exports of src/gas/main.ts).\n${forwarders}\n`;

// Check the output as Apps Script will see it: every export and every menu handler a top-level function.
const check = vm.createContext({});
vm.runInContext(code, check);
const missing = entryPoints.filter((name) => typeof check[name] !== 'function');
if (missing.length > 0) fail(`exported entry points without a top-level function: ${missing.join(', ')}`);
const menuHandlers = (exported.MENU_ITEMS ?? [])
  .filter((item) => item !== 'separator')
  .map((item) => item.functionName);
const unknownHandlers = menuHandlers.filter((name) => typeof check[name] !== 'function');
if (unknownHandlers.length > 0) fail(`menu items name missing functions: ${unknownHandlers.join(', ')}`);

mkdirSync('build', { recursive: true });
writeFileSync('build/Code.js', code);
// SUT_SHEETS_API=1 builds the manifest for the batched path: the Sheets advanced service and the full
// spreadsheets scope it needs (see README); the default keeps the narrow spreadsheets.currentonly scope.
const manifest = JSON.parse(readFileSync('src/appsscript.json', 'utf8'));
if (process.env.SUT_SHEETS_API === '1') {
  manifest.oauthScopes = manifest.oauthScopes
    .filter((scope) => !scope.endsWith('/spreadsheets.currentonly'))
    .concat('https://www.googleapis.com/auth/spreadsheets');
  manifest.dependencies = {
    enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }],
  };
}
writeFileSync('build/appsscript.json', `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync('build/Sidebar.html', readFileSync('src/client/sidebar.html', 'utf8'));
console.log(`build: Code.js with ${entryPoints.length} entry points (${entryPoints.join(', ')})`);
