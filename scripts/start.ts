// `npm start`: builds, then serves the playground (the built sidebar beside a view of the workbook) until
// Ctrl-C. Options: --port N (or PORT), --workbook FILE.xlsx, --out FILE.xlsx, --help.

import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startPlayground } from './playground/server';

const HELP = `Uso: npm start -- [opciones]

Construye build/ y sirve el playground: la barra lateral (build/Sidebar.html) junto a una vista del libro,
cada llamada de google.script.run ejecutada por build/Code.js sobre una hoja en memoria.

Opciones:
  --port N            puerto (por omisión PORT o 5173; 0 = uno libre)
  --workbook FILE     un .xlsx exportado de la hoja real (por omisión el libro de demostración)
  --out FILE          escribe el libro en este .xlsx tras cada llamada que lo cambie
  --no-build          no ejecuta npm run build antes de servir
  -h, --help          muestra esta ayuda
`;

function fail(message: string): never {
  console.error(`npm start: ${message}\n\n${HELP}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      workbook: { type: 'string' },
      out: { type: 'string' },
      'no-build': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const portText = values.port ?? process.env.PORT ?? '5173';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`puerto inválido: ${portText}`);

if (!values['no-build']) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const playground = await startPlayground({
  port,
  ...(values.workbook ? { workbook: values.workbook } : {}),
  ...(values.out ? { out: values.out } : {}),
});
console.log(`Playground en ${playground.url}`);
console.log(
  `  libro: ${values.workbook ?? 'demostración'}${values.out ? ` · se escribe en ${values.out}` : ''}`,
);
console.log('  Ctrl-C para terminar');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: cerrando el playground…`);
  playground.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
