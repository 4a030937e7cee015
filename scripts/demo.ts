// `npm run demo`: the console demo on the built-in workbook. Runs a FINALIZAR as a shop worker would
// (INICIAR ARM, then record 4 unions) and prints metrics before and after, and the service calls used.

import { finishWork } from '../src/app/finishWork';
import { getMetrics } from '../src/app/metrics';
import { listUnions } from '../src/app/listUnions';
import { startWork } from '../src/app/startWork';
import { buildDemoWorkbook, demoOt, demoTag } from '../src/memory/demoWorkbook';
import { memoryEnvironment, type Backend } from '../src/memory/memoryPorts';
import { SHEETS_API_TARGET } from '../src/memory/fakeSheetsApi';
import { DEMO_OPTIONS, DEMO_USAGE, parseCommandLine } from './playground/cli';

const parsed = parseCommandLine(process.argv.slice(2), DEMO_OPTIONS);
if (parsed.kind === 'help') {
  console.log(DEMO_USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(`npm run demo: ${parsed.message}\n\n${DEMO_USAGE}`);
  process.exit(2);
}
const backend: Backend = parsed.values['sheets-api'] ? 'sheetsApi' : 'spreadsheetApp';
const book = buildDemoWorkbook();
const env = memoryEnvironment(book, { backend });
const ot = demoOt(2);
const tag = demoTag(2);
const show = (label: string) => {
  const [m] = getMetrics(env.ports(), { ot }).spools;
  console.log(
    `  ${label.padEnd(7)} Total ${m!.totalUniones} · ARM ${m!.unionesArm} (${m!.pulgadasArm} pulg) · SOLD ${m!.unionesSold} (${m!.pulgadasSold} pulg)`,
  );
};

console.log(`Demo workbook "${book.getName()}" — OT ${ot}, spool ${tag}, path: ${backend}\n`);
const listed = listUnions(env.ports(), { ot, operation: 'ARM' });
for (const u of listed.unions) {
  const state = u.disponible ? 'disponible' : u.reason;
  console.log(
    `  ${(u.key ?? `fila ${u.rowNumber}`).padEnd(7)} DN ${String(u.dn ?? '?').padStart(4)} ${u.tipo.padEnd(3)} ${state}`,
  );
}
console.log('\nMétricas');
show('antes');

const started = startWork(env.ports(), {
  tagSpool: tag,
  operation: 'ARM',
  workerId: 93,
  requestId: `demo-start-${Date.now()}`,
});
console.log(
  `\nINICIAR ARM: ${started.ocupadoPor} toma ${started.tagSpool} (${started.disponibles} uniones disponibles)`,
);
const keys = listed.unions
  .filter((u) => u.disponible && u.key !== null)
  .slice(0, 4)
  .map((u) => u.key!);
book.calls.reset();
const result = finishWork(env.ports(), {
  ot,
  operation: 'ARM',
  workerId: 93,
  unionKeys: [...keys, `${ot}+1`],
  requestId: `demo-finish-${Date.now()}`,
  versions: Object.fromEntries(listed.unions.filter((u) => u.readable).map((u) => [u.key, u.version])),
});
const calls = book.calls.byTarget();
console.log(
  `FINALIZAR ARM: ${result.spools.map((s) => `${s.tagSpool} ${s.action}`).join(', ')}; registradas ${result.updated.join(', ')} (${result.pulgadas} pulg)`,
);
for (const s of result.skipped) console.log(`  omitida ${s.key}: ${s.reason}`);
console.log('\nMétricas');
show('después');
const total = Object.values(calls).reduce((a, b) => a + b, 0);
console.log(`\nLlamadas a servicios del FINALIZAR: ${total} ${JSON.stringify(calls)}`);
if (backend === 'spreadsheetApp')
  console.log('(con --sheets-api: el mismo registro por el servicio avanzado de Sheets)');
else console.log(`(servicio avanzado: ${calls[SHEETS_API_TARGET]} llamadas)`);
console.log(`Eventos en Metadata: ${book.sheet('Metadata').dump().length - 1}`);
