// The command lines of `npm start` and `npm run demo` as a new user meets them: Spanish messages for a wrong
// option, a usage for --help, one clear line (no stack) when the playground cannot start, and Ctrl-C exiting 0.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  DEMO_OPTIONS,
  inputFileProblem,
  parseCommandLine,
  portOf,
  START_OPTIONS,
  startupErrorText,
} from '../../scripts/playground/cli';

/** Runs a script as `npm start`/`npm run demo` run it (node with tsx's loader), without building. */
const runScript = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 30000 });

describe('parseCommandLine', () => {
  it('reports an unknown option in Spanish', () => {
    expect(parseCommandLine(['--bogus'], START_OPTIONS)).toEqual({
      kind: 'error',
      message: 'opción desconocida: --bogus',
    });
  });

  it('reports a missing value and a stray argument in Spanish', () => {
    expect(parseCommandLine(['--port'], START_OPTIONS)).toEqual({
      kind: 'error',
      message: 'falta el valor de la opción --port',
    });
    expect(parseCommandLine(['x.xlsx'], START_OPTIONS)).toEqual({
      kind: 'error',
      message: 'argumento inesperado: x.xlsx',
    });
  });

  it('asks for the usage with --help or -h, and passes the options otherwise', () => {
    expect(parseCommandLine(['--help'], DEMO_OPTIONS)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'], START_OPTIONS)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--sheets-api'], DEMO_OPTIONS)).toEqual({
      kind: 'run',
      values: { 'sheets-api': true },
    });
  });
});

describe('portOf', () => {
  it('takes --port before PORT, 5173 by default, and refuses what is not a port', () => {
    expect(portOf('8080', '9000')).toBe(8080);
    expect(portOf(undefined, '9000')).toBe(9000);
    expect(portOf(undefined, undefined)).toBe(5173);
    expect(portOf('0', undefined)).toBe(0);
    expect(portOf('abc', undefined)).toBe('puerto inválido: abc');
    expect(portOf('70000', undefined)).toBe('puerto inválido: 70000');
  });
});

describe('startupErrorText', () => {
  it('names the busy port and what to do', () => {
    const busy = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:5173'), {
      code: 'EADDRINUSE',
    });
    expect(startupErrorText(busy, { port: 5173 })).toBe(
      'el puerto 5173 ya está en uso; elija otro con --port N (0 = uno libre)',
    );
  });

  it('names a missing workbook (exceljs gives no code) and a missing build', () => {
    expect(startupErrorText(new Error('File not found: /x.xlsx'), { port: 1, workbook: '/x.xlsx' })).toBe(
      'no existe el archivo /x.xlsx',
    );
    const noBuild = Object.assign(new Error("ENOENT: no such file or directory, open 'build/Code.js'"), {
      code: 'ENOENT',
      path: 'build/Code.js',
    });
    expect(startupErrorText(noBuild, { port: 1 })).toBe(
      'falta build/Code.js: ejecute npm run build (o quite --no-build)',
    );
  });

  it('keeps one line of anything else', () => {
    expect(
      startupErrorText(new Error('Corrupted zip\n    at x (y.js:1:2)'), { port: 1, workbook: 'a.xlsx' }),
    ).toBe('no se pudo abrir el playground con a.xlsx: Corrupted zip');
  });
});

describe('inputFileProblem', () => {
  it('says a file is missing or is a folder', () => {
    expect(inputFileProblem('/nonexistent.xlsx')).toBe('no existe el archivo /nonexistent.xlsx');
    const dir = mkdtempSync(`${tmpdir()}/cli-`);
    expect(inputFileProblem(dir)).toBe(`${dir} es una carpeta, no un archivo .xlsx`);
  });
});

describe('the scripts, run as a user runs them', { timeout: 60000 }, () => {
  it('npm start with an unknown option: a Spanish message, then the usage, exit 2', () => {
    const run = runScript('scripts/start.ts', ['--bogus', '--no-build']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^npm start: opción desconocida: --bogus\n\nUso: npm start/);
  });

  it('npm run demo -- --help prints its usage and runs nothing', () => {
    const run = runScript('scripts/demo.ts', ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Uso: npm run demo/);
    expect(run.stdout).not.toMatch(/FINALIZAR ARM:|Métricas/);
  });

  it('a missing workbook: one line, no stack, exit 1', () => {
    const run = runScript('scripts/start.ts', [
      '--no-build',
      '--port',
      '0',
      '--workbook',
      '/nonexistent.xlsx',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('npm start: no existe el archivo /nonexistent.xlsx\n');
  });

  it('a busy port: one line, no stack, exit 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [
          '--import',
          'tsx',
          'scripts/start.ts',
          '--no-build',
          '--port',
          String(port),
        ]);
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (status) => resolve({ status, stderr }));
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `npm start: el puerto ${port} ya está en uso; elija otro con --port N (0 = uno libre)\n`,
      );
    } finally {
      blocker.close();
    }
  });

  // Through npm, the shell npm runs the script in may report 130 for a SIGINT whatever node returns (and
  // `exec` there would break Windows' shell): what we own is that the playground itself stops cleanly.
  it('Ctrl-C (the whole process group, as a terminal sends it) closes the playground and exits 0', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts', '--no-build', '--port', '0'],
      {
        detached: true,
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ? -1 : code)),
    );
    await expect.poll(() => stdout, { timeout: 30000 }).toMatch(/Ctrl-C para terminar/);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/SIGINT: cerrando el playground/);
  });
  // npm passes a SIGTERM to the shell it runs the script in, and the shell dies without passing it on:
  // the playground must notice that it was orphaned and stop, not keep the port.
  it('SIGTERM sent to npm alone stops the playground too (the port is freed)', async () => {
    const child = spawn('npm', ['start', '--', '--no-build', '--port', '0'], { detached: true });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await expect.poll(() => stdout, { timeout: 30000 }).toMatch(/Ctrl-C para terminar/);
      const port = Number(/localhost:(\d+)/.exec(stdout)![1]);
      const serving = () =>
        new Promise<boolean>((resolve) => {
          const socket = net.connect(port, '127.0.0.1');
          socket.on('connect', () => (socket.destroy(), resolve(true)));
          socket.on('error', () => resolve(false));
        });
      expect(await serving()).toBe(true);
      process.kill(child.pid!, 'SIGTERM');
      await expect.poll(serving, { timeout: 20000, interval: 250 }).toBe(false);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
});
