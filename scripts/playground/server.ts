// The playground server (node:http only): serves the built sidebar with a google.script.run shim, runs each
// call in build/ (loaded by gas-local) in a fresh Apps Script-like scope over one in-memory workbook, and
// shows that workbook and whether --out was saved.

import ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAppsScriptRuntime,
  jsonTrip,
  type AppsScriptRuntime,
} from '../../src/memory/appsScriptRuntime';
import { buildDemoWorkbook } from '../../src/memory/demoWorkbook';
import { displayValue } from '../../src/memory/displayValues';
import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';
import { readXlsxFile, writeXlsxFile } from '../../src/memory/xlsxWorkbook';
import { workbookChange, type WorkbookChange } from './changes';
import { PLAYGROUND_PAGE } from './page';
import { withShim } from './shim';

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** An xlsx export to run on instead of the built-in demo. */
  workbook?: string;
  /**
   * The built-in demo gets a few days of audit events and two occupied spools, relative to when it is
   * built, so the Panel's views show something real (src/memory/demoEvents.ts); `npm start` asks for it.
   */
  demoEvents?: boolean;
  /** Where to write the workbook after every call that changed it. */
  out?: string;
  /** The build folder holding Code.js and Sidebar.html. */
  buildDir?: string;
  /** Where terminal notes go (a failed or converted --out save); console.log by default. */
  log?: (line: string) => void;
}

/** The last write of --out: saved, or not saved and why (the previous file is then left as it was). */
export interface SaveStatus {
  file: string;
  ok: boolean;
  /** Spanish: what was saved, or what was not and why. */
  message: string;
  /** What had to be converted to be written (shared formulas turned into values). */
  notes: string[];
}

/** What the next call does: run normally, fail before running, or run and lose its answer. */
export type FailMode = 'none' | 'before' | 'lost';

export interface CallRecord {
  name: string;
  /** The arguments as the server received them (after the JSON trip). */
  args: unknown[];
  ok: boolean;
  /** The call ran but the playground dropped its answer (the "lost" failure mode). */
  lost: boolean;
  /** Spreadsheet service calls the execution made. */
  serviceCalls: number;
  ms: number;
}

export interface Playground {
  url: string;
  port: number;
  /** Every google.script.run call served, in order. */
  calls: CallRecord[];
  close(): Promise<void>;
}

/** Longest a sheet's view may be (rows): the page stays responsive on a large export. */
const MAX_VIEW_ROWS = 3000;
const LOST_ANSWER = 'NetworkError: Connection failure due to HTTP 0';

interface Session {
  book: FakeSpreadsheet;
  /** The workbook --workbook read (or a fresh one): the baseline --out writes over. */
  xlsx: ExcelJS.Workbook | undefined;
  runtime: AppsScriptRuntime;
}

async function openSession(options: PlaygroundOptions, buildDir: string): Promise<Session> {
  let book: FakeSpreadsheet;
  let xlsx: ExcelJS.Workbook | undefined;
  if (options.workbook) ({ book, workbook: xlsx } = await readXlsxFile(options.workbook));
  else book = buildDemoWorkbook(options.demoEvents ? { events: { now: Date.now() } } : {});
  const runtime = createAppsScriptRuntime(book, { folder: buildDir });
  return { book, xlsx, runtime };
}

function workbookView(book: FakeSpreadsheet) {
  const timeZone = book.timeZoneUncounted;
  return {
    name: book.getName(),
    timeZone,
    sheets: book.sheetNames().map((name) => {
      const sheet = book.sheet(name);
      const values = sheet.dump();
      const rows = values.slice(0, MAX_VIEW_ROWS).map((row, r) => {
        const shown = row.map((value, c) => displayValue(value, sheet.formatAt(r + 1, c + 1), timeZone));
        while (shown.length > 0 && shown[shown.length - 1] === '') shown.pop();
        return shown;
      });
      // The page cannot draw an embedded chart: it says what the chart is made of and where it sits.
      const charts = sheet.charts.list().map((chart) => ({
        title: String(chart.getOptions().get('title') ?? ''),
        ranges: chart.getRanges().map((r) => r.getA1Notation()),
        anchor: sheet.a1Of(
          chart.getContainerInfo().getAnchorRow(),
          chart.getContainerInfo().getAnchorColumn(),
          1,
          1,
        ),
      }));
      return { name, rows, hiddenRows: Math.max(0, values.length - MAX_VIEW_ROWS), charts };
    }),
  };
}

const totalCalls = (book: FakeSpreadsheet) =>
  Object.values(book.calls.byTarget()).reduce((sum, n) => sum + n, 0);

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

const sendJson = (response: http.ServerResponse, value: unknown, status = 200) =>
  send(response, status, 'application/json', JSON.stringify(value));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the playground; the build folder must hold Code.js and Sidebar.html (`npm run build`). */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const buildDir = options.buildDir ?? 'build';
  // Fails early (ENOENT naming the file) when the build is missing.
  for (const file of ['Code.js', 'Sidebar.html']) statSync(`${buildDir}/${file}`);
  const log = options.log ?? ((line: string) => console.log(line));
  let session = await openSession(options, buildDir);
  // The view as the page last got it, made again after every call (the workbook changes only in calls and
  // resets), and what the last call that changed it changed: a read-only call leaves that alone.
  let view = workbookView(session.book);
  let lastChange: WorkbookChange | null = null;
  const control = { latencyMs: 0, failNext: 'none' as FailMode };
  const calls: CallRecord[] = [];
  let save: SaveStatus | null = null;
  // xlsx writes are queued so two quick calls never write the file at once; a failed write is reported
  // (page and terminal) and never breaks the queue, so the next call is served and saved again.
  let writes: Promise<void> = Promise.resolve();
  const saveOut = (): Promise<void> => {
    const { out } = options;
    if (!out) return writes;
    const current = session;
    writes = writes.then(async () => {
      const notes: string[] = [];
      try {
        current.xlsx = current.xlsx ?? new ExcelJS.Workbook();
        const written = await writeXlsxFile(current.book, out, current.xlsx, {
          onNote: (note) => notes.push(note),
        });
        save = { file: out, ok: true, message: `guardado en ${out} (${written} celdas escritas)`, notes };
        for (const note of notes) log(`--out ${out}: ${note}`);
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        save = {
          file: out,
          ok: false,
          message: `no se guardó en ${out}: ${why}. ${out} no se modificó; lo que muestra esta página está solo en memoria.`,
          notes,
        };
        log(`--out ${out}: ${save.message}`);
      }
    });
    return writes;
  };
  await saveOut();

  const rpc = async (name: string, body: string): Promise<unknown> => {
    const mode = control.failNext;
    control.failNext = 'none';
    if (control.latencyMs > 0) await sleep(control.latencyMs);
    if (mode === 'before') return { ok: false, error: { name: 'ScriptError', message: LOST_ANSWER } };
    let args: unknown[] = [];
    try {
      const parsed = body ? (JSON.parse(body) as { args?: unknown }) : {};
      args = Array.isArray(parsed.args) ? parsed.args : [];
    } catch {
      return { ok: false, error: { name: 'ScriptError', message: 'Exception: Invalid argument' } };
    }
    const { book } = session;
    const before = totalCalls(book);
    const started = Date.now();
    let answer: { ok: boolean; value?: unknown; error?: { name: string; message: string } };
    try {
      if (!/^[A-Za-z_$][\w$]*$/.test(name) || name.endsWith('_'))
        throw new Error(`Script function not found: ${name}`);
      const value = session.runtime.execution().call(name, ...args);
      answer = { ok: true, value: jsonTrip(value) };
    } catch (error) {
      // Apps Script hands the failure handler an Error whose message is the thrown one (code prefix kept).
      const message =
        error && typeof (error as Error).message === 'string' ? (error as Error).message : String(error);
      answer = { ok: false, error: { name: 'Error', message } };
    }
    const after = workbookView(book);
    lastChange = workbookChange(name, view.sheets, after.sheets) ?? lastChange;
    view = after;
    calls.push({
      name,
      args,
      ok: answer.ok,
      lost: mode === 'lost',
      serviceCalls: totalCalls(book) - before,
      ms: Date.now() - started,
    });
    await saveOut();
    if (mode === 'lost') return { ok: false, error: { name: 'ScriptError', message: LOST_ANSWER } };
    return answer;
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    void (async () => {
      try {
        if (request.method === 'GET' && path === '/')
          return send(response, 200, 'text/html', PLAYGROUND_PAGE);
        if (request.method === 'GET' && path === '/sidebar') {
          // Re-read so a rebuild shows on reload without restarting the server.
          return send(response, 200, 'text/html', withShim(readFileSync(`${buildDir}/Sidebar.html`, 'utf8')));
        }
        if (request.method === 'POST' && path.startsWith('/rpc/')) {
          const name = decodeURIComponent(path.slice('/rpc/'.length));
          return sendJson(response, await rpc(name, await readBody(request)));
        }
        if (request.method === 'GET' && path === '/api/workbook') {
          const last = calls[calls.length - 1];
          return sendJson(response, {
            ...view,
            // The last call that changed cells: the page highlights them and lists their ranges.
            change: lastChange,
            // What a menu item told the user (ui.alert), which the page shows since it has no dialog.
            alert: session.runtime.apps.ui.alerts.at(-1) ?? null,
            control,
            calls: calls.length,
            save,
            lastCall: last
              ? `${last.name} ${last.lost ? 'respuesta perdida' : last.ok ? 'ok' : 'error'} (${last.serviceCalls} llamadas a servicios)`
              : '',
          });
        }
        if (request.method === 'GET' && path === '/api/calls') return sendJson(response, calls);
        if (request.method === 'POST' && path === '/api/control') {
          const body = JSON.parse((await readBody(request)) || '{}') as Partial<typeof control>;
          if (typeof body.latencyMs === 'number' && body.latencyMs >= 0)
            control.latencyMs = Math.min(body.latencyMs, 60000);
          if (body.failNext === 'none' || body.failNext === 'before' || body.failNext === 'lost')
            control.failNext = body.failNext;
          return sendJson(response, control);
        }
        if (request.method === 'POST' && path === '/api/reset') {
          await writes;
          session = await openSession(options, buildDir);
          view = workbookView(session.book);
          lastChange = null;
          control.failNext = 'none';
          await saveOut();
          return sendJson(response, { ok: true });
        }
        return send(response, 404, 'text/plain', 'not found');
      } catch (error) {
        return send(response, 500, 'text/plain', error instanceof Error ? error.message : String(error));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    port,
    calls,
    close: async () => {
      await writes;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
