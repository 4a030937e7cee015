// Runs a use case under the document lock, so concurrent users of one spreadsheet take turns.

import { busyError } from '../domain/errors';
import type { LockPort } from '../ports';

export const LOCK_TIMEOUT_MS = 10_000;

/** Runs `fn` holding the lock; BUSY when another user holds it longer than `timeoutMs`. */
export function withLock<T>(lock: LockPort, fn: () => T, timeoutMs = LOCK_TIMEOUT_MS): T {
  if (!lock.tryLock(timeoutMs)) {
    throw busyError('Otro usuario está registrando en esta planilla; intente de nuevo en unos segundos.');
  }
  try {
    return fn();
  } finally {
    lock.release();
  }
}
