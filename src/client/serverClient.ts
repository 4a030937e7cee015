// The only module that touches google.script.run: one promise per call, a timeout for a call that never
// answers, and errors turned into CallError (stable code for the program, Spanish text for the user).

import type { ErrorCode } from '../domain/errors';
import type { ServerFunction, ServerRequests, ServerResponse } from './serverApi';

/** The chain google.script.run offers (each with* call returns a runner carrying the handler). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

/**
 * Server codes plus the client's own: no answer in time, the connection lost before the answer came
 * (the call may have run), no google.script.run, an unrecognised failure, and Google refusing to run the
 * add-on, as it does in a browser signed into several Google accounts (ACCOUNTS).
 */
export type CallErrorCode = ErrorCode | 'TIMEOUT' | 'NETWORK' | 'UNAVAILABLE' | 'UNKNOWN' | 'ACCOUNTS';

const SERVER_CODES: readonly string[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'SCHEMA',
  'BUSY',
  'INTERNAL',
] satisfies readonly ErrorCode[];

/** What google.script.run's failure handler receives when several Google accounts are signed in. */
const MULTIPLE_ACCOUNTS = /PERMISSION_DENIED|We're sorry, a server error occurred|Authorization is required/i;

/** A failed call: `code` for the program; `detail` is the server's text without its code (may be ''). */
export class CallError extends Error {
  readonly code: CallErrorCode;
  readonly detail: string;

  constructor(code: CallErrorCode, detail: string) {
    super(code + ': ' + detail);
    this.name = 'CallError';
    this.code = code;
    this.detail = detail;
  }
}

/**
 * Reads what a failure handler received: an Error whose message is `CODE: texto` (server errors), or
 * anything else Apps Script may hand over (a string, an object without message). Never yields
 * "[object Object]": unreadable values give an UNKNOWN error with no detail.
 */
export function toCallError(error: unknown): CallError {
  if (error instanceof CallError) return error;
  let message = '';
  if (typeof error === 'string') message = error;
  else if (typeof error === 'object' && error !== null && 'message' in error) {
    const text = (error as { message: unknown }).message;
    if (typeof text === 'string') message = text;
  }
  const match = /^([A-Z_]+): ?([\s\S]*)$/.exec(message.trim());
  if (match && SERVER_CODES.includes(match[1]!))
    return new CallError(match[1] as ErrorCode, match[2]!.trim());
  // google.script.run's lost connection ("NetworkError: Connection failure due to HTTP 0"): the user gets a
  // sentence of the catalogue, not the browser's English.
  if (/^NetworkError\b|Connection failure due to HTTP/i.test(message.trim()))
    return new CallError('NETWORK', '');
  // Google's refusals when the browser holds several accounts (the add-on runs as another user than the
  // sheet's): a known Apps Script limitation, explained in Spanish, with no Reintentar (it fails the same way).
  if (MULTIPLE_ACCOUNTS.test(message)) return new CallError('ACCOUNTS', '');
  // Apps Script's own failures ("Exception: …", "ScriptError: …"): keep the first line, no stack.
  return new CallError('UNKNOWN', message.split('\n')[0]!.trim().slice(0, 300));
}

/** The page's google.script.run, read when a call is made (undefined outside Apps Script's HTML service). */
export function pageScriptRunner(): ScriptRunner | undefined {
  const page = globalThis as { google?: { script?: { run?: ScriptRunner } } };
  return page.google?.script?.run;
}

export interface ServerClient {
  call<K extends ServerFunction>(
    name: K,
    ...request: ServerRequests[K] extends undefined ? [] : [ServerRequests[K]]
  ): Promise<ServerResponse<K>>;
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * An Apps Script execution ends after 6 minutes: a call with no answer after that never gets one.
 * The margin covers the trip to and from the browser.
 */
export const DEFAULT_TIMEOUT_MS = 380000;

/**
 * A promise-based client. `runner` is read at each call (so the page may install it late); a missing
 * runner gives UNAVAILABLE. A late answer after the timeout is ignored.
 */
export function createServerClient(
  runner: () => ScriptRunner | undefined = pageScriptRunner,
  options: { timeoutMs?: number; timers?: Timers } = {},
): ServerClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timers: Timers = options.timers ?? {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  return {
    call(name, ...request) {
      return new Promise((resolve, reject) => {
        const run = runner();
        if (!run) {
          reject(new CallError('UNAVAILABLE', ''));
          return;
        }
        let settled = false;
        const timer = timers.set(() => {
          if (settled) return;
          settled = true;
          reject(new CallError('TIMEOUT', String(Math.round(timeoutMs / 1000))));
        }, timeoutMs);
        const finish = (action: () => void) => {
          if (settled) return;
          settled = true;
          timers.clear(timer);
          action();
        };
        const chained = run
          .withSuccessHandler((value) => finish(() => resolve(value as never)))
          .withFailureHandler((error) => finish(() => reject(toCallError(error))));
        const fn = (chained as unknown as Record<string, unknown>)[name];
        if (typeof fn !== 'function') {
          finish(() => reject(new CallError('UNAVAILABLE', name)));
          return;
        }
        try {
          if (request.length > 0) fn.call(chained, request[0]);
          else fn.call(chained);
        } catch (error) {
          finish(() => reject(toCallError(error)));
        }
      });
    },
  };
}
