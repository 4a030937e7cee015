// `npm start`: builds, then serves the playground (the built sidebar beside a view of the workbook) until
// Ctrl-C. Options: --port N (or PORT), --workbook FILE.xlsx, --out FILE.xlsx, --help.

import { spawnSync } from 'node:child_process';
import {
  inputFileProblem,
  parseCommandLine,
  portOf,
  START_OPTIONS,
  START_USAGE,
  startupErrorText,
} from './playground/cli';
import { startPlayground, type Playground } from './playground/server';

/** A mistake in the command line: the reason in Spanish, then the usage. */
function usageError(message: string): never {
  console.error(`npm start: ${message}\n\n${START_USAGE}`);
  process.exit(2);
}

/** A failure to start: one line, no stack. */
function startupError(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const parsed = parseCommandLine(process.argv.slice(2), START_OPTIONS);
if (parsed.kind === 'help') {
  console.log(START_USAGE);
  process.exit(0);
}
if (parsed.kind === 'error') usageError(parsed.message);
const { values } = parsed;
const port = portOf(values.port, process.env.PORT);
if (typeof port === 'string') usageError(port);
if (values.workbook) {
  const problem = inputFileProblem(values.workbook);
  if (problem) startupError(problem);
}

if (!values['no-build']) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let playground: Playground;
try {
  playground = await startPlayground({
    port,
    demoEvents: true,
    ...(values.workbook ? { workbook: values.workbook } : {}),
    ...(values.out ? { out: values.out } : {}),
  });
} catch (error) {
  startupError(startupErrorText(error, { port, ...(values.workbook ? { workbook: values.workbook } : {}) }));
}
console.log(`Playground en ${playground.url}`);
console.log(
  `  libro: ${values.workbook ?? 'demostración'}${values.out ? ` · se escribe en ${values.out}` : ''}`,
);
console.log('  Ctrl-C para terminar');

// Ctrl-C reaches this process twice under npm (from the terminal and forwarded by npm): the second is
// ignored while closing, and a clean stop exits 0.
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: cerrando el playground…`);
  playground.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`npm start: error al cerrar: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
// A SIGTERM sent to npm reaches the shell npm runs this script in, which dies without passing it on: this
// process is then orphaned (its parent changes), and stops as if it had got the signal.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) stop('SIGTERM (npm terminado)');
}, 500).unref();
