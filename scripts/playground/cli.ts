// The command lines of `npm start` and `npm run demo`: their usages, option parsing with Spanish messages,
// and the one-line text a startup failure prints instead of Node's stack trace.

import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const START_USAGE = `Uso: npm start -- [opciones]

Construye build/ y sirve el playground: la barra lateral (build/Sidebar.html) junto a una vista del libro,
cada llamada de google.script.run ejecutada por build/Code.js sobre una hoja en memoria.

Opciones:
  --port N            puerto (por omisión PORT o 5173; 0 = uno libre)
  --workbook FILE     un .xlsx exportado de la hoja real (por omisión el libro de demostración)
  --out FILE          escribe el libro en este .xlsx tras cada llamada que lo cambie
  --no-build          no ejecuta npm run build antes de servir
  -h, --help          muestra esta ayuda
`;

export const DEMO_USAGE = `Uso: npm run demo -- [opciones]

Demostración en consola sobre el libro de demostración: INICIAR ARM y FINALIZAR de 4 uniones de la OT 002,
con las métricas antes y después y las llamadas a servicios usadas.

Opciones:
  --sheets-api        escribe por el servicio avanzado de Sheets (por omisión SpreadsheetApp)
  -h, --help          muestra esta ayuda
`;

export const START_OPTIONS = {
  port: { type: 'string' },
  workbook: { type: 'string' },
  out: { type: 'string' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const DEMO_OPTIONS = {
  'sheets-api': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** What a command line asks for: the usage, a mistake to report (Spanish), or a run with its options. */
export type Parsed<V> = { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'run'; values: V };

/** Node's parseArgs failures (English, with their codes) as one Spanish sentence naming the option. */
function parseErrorText(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = typeof message === 'string' ? message : String(error);
  const quoted = /'([^']*)'/.exec(text)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `opción desconocida: ${quoted || text}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(text)
        ? `falta el valor de la opción ${quoted.split(' ')[0] || ''}`.trim()
        : `la opción ${quoted.split(' ')[0] || ''} no lleva valor`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `argumento inesperado: ${quoted || text}`;
    default:
      return `opciones inválidas: ${text.split('\n')[0]}`;
  }
}

/** Parses `args` (without node and the script) against `options`; never throws. */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
): Parsed<ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values']> {
  try {
    const { values } = parseArgs({ args, options, strict: true });
    if ((values as { help?: boolean }).help) return { kind: 'help' };
    return { kind: 'run', values };
  } catch (error) {
    return { kind: 'error', message: parseErrorText(error) };
  }
}

/** The port of `--port` or PORT (5173 by default), or a Spanish message when it is not one. */
export function portOf(option: string | undefined, env: string | undefined): number | string {
  const text = option ?? env ?? '5173';
  const port = Number(text);
  return /^\d+$/.test(text.trim()) && port <= 65535 ? port : `puerto inválido: ${text}`;
}

/** A Spanish message when `path` is not a readable file (missing, a folder), else null. */
export function inputFileProblem(path: string): string | null {
  if (!existsSync(path)) return `no existe el archivo ${path}`;
  if (statSync(path).isDirectory()) return `${path} es una carpeta, no un archivo .xlsx`;
  return null;
}

/**
 * One line for a failure while starting the playground (port taken, workbook missing or unreadable, build
 * missing), without Node's stack: what went wrong and what to do.
 */
export function startupErrorText(error: unknown, context: { port: number; workbook?: string }): string {
  const { code, message, path } = (error ?? {}) as { code?: string; message?: unknown; path?: unknown };
  const first = (typeof message === 'string' ? message : String(error)).split('\n')[0]!.trim();
  if (code === 'EADDRINUSE')
    return `el puerto ${context.port} ya está en uso; elija otro con --port N (0 = uno libre)`;
  if (code === 'EACCES' && path === undefined)
    return `no hay permiso para usar el puerto ${context.port}; elija otro con --port N`;
  if (code === 'ENOENT' && typeof path === 'string' && path !== context.workbook)
    return `falta ${path}: ejecute npm run build (o quite --no-build)`;
  // exceljs reports a missing file without a code.
  if ((code === 'ENOENT' || /^File not found/.test(first)) && context.workbook)
    return `no existe el archivo ${context.workbook}`;
  return context.workbook
    ? `no se pudo abrir el playground con ${context.workbook}: ${first}`
    : `no se pudo iniciar el playground: ${first}`;
}
