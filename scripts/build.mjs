// Builds build/ for clasp: Code.js (the bundle plus a top-level forwarder per exported function),
// Sidebar.html (the Preact client, minified and inlined with its CSS into one file) and appsscript.json.
// Fails when an entry point or a menu handler would be missing, or when Sidebar.html would not survive
// Apps Script's HTML service (external URLs, backticks, 150 KB or more).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';

const NAMESPACE = 'SpoolUnionTracker';
const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

/** Sidebar.html must stay under this (HtmlService and the add-on's load time). */
const SIDEBAR_LIMIT = 150 * 1024;
let sidebarBytes = 0;

/**
 * The sidebar as one self-contained HTML file. Template literals are compiled away: Apps Script's HTML
 * service cuts text after `//` or `/*` inside them, so the output must hold no backtick at all.
 */
async function buildSidebar() {
  const common = {
    bundle: true,
    write: false,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  };
  const js = await esbuild.build({
    ...common,
    entryPoints: ['src/client/main.tsx'],
    format: 'iife',
    target: 'es2020',
    supported: { 'template-literal': false },
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  const css = await esbuild.build({ ...common, entryPoints: ['src/client/sidebar.css'] });
  // A literal "</script" or "<!--" inside the script would end or confuse the inline script element.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  const template = readFileSync('src/client/sidebar.html', 'utf8');
  const html = template
    .replace('/*INLINE_CSS*/', () => css.outputFiles[0].text.trim())
    .replace('/*INLINE_JS*/', () => script.trim());
  const problems = sidebarProblems(html);
  if (problems.length > 0) fail(`Sidebar.html: ${problems.join('; ')}`);
  sidebarBytes = Buffer.byteLength(html, 'utf8');
  return html;
}

/** What would break Sidebar.html in Apps Script (also checked by test/bundle/sidebarHtml.test.ts). */
function sidebarProblems(html) {
  const problems = [];
  const external = html.match(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\/[^\s"'>]*/gi);
  if (external) problems.push(`references external URLs: ${external.join(', ')}`);
  if (html.includes('`'))
    problems.push('contains a backtick (a template literal the HTML service may mangle)');
  if (html.includes('/*INLINE_')) problems.push('a placeholder was not replaced');
  const size = Buffer.byteLength(html, 'utf8');
  if (size >= SIDEBAR_LIMIT) problems.push(`${size} bytes, limit ${SIDEBAR_LIMIT}`);
  return problems;
}

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
// spreadsheets scope it needs (see docs/deploy.md); the default keeps the narrow spreadsheets.currentonly scope.
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
writeFileSync('build/Sidebar.html', await buildSidebar());
console.log(`build: Sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB (limit ${SIDEBAR_LIMIT / 1024} KB)`);
console.log(`build: Code.js with ${entryPoints.length} entry points (${entryPoints.join(', ')})`);
