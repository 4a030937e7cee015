// Runs a use case under the document lock, so concurrent users of one spreadsheet take turns.

import { busyError, causeText } from '../domain/errors';
import type { LockPort } from '../ports';

export const LOCK_TIMEOUT_MS = 10_000;

/** The warning a release that failed adds to a successful answer (Spanish, for `warnings`). */
export const RELEASE_FAILED = 'No se pudo soltar el bloqueo de la planilla';

/** Releases the lock; a failure is logged and returned (Apps Script releases it when the execution ends). */
function release(lock: LockPort): string | null {
  try {
    lock.release();
    return null;
  } catch (error) {
    const cause = causeText(error);
    console.warn(`${RELEASE_FAILED}: ${cause}`);
    return `${RELEASE_FAILED} (${cause}); se soltará al terminar esta ejecución. Lo guardado queda guardado.`;
  }
}

/**
 * Runs `fn` holding the lock; BUSY when another user holds it longer than `timeoutMs`. A release that fails
 * never changes the answer (issue 14 §1): after a success it is a warning on an object answer's
 * `warnings`; after a failure, `fn`'s own error is thrown.
 */
export function withLock<T>(lock: LockPort, fn: () => T, timeoutMs = LOCK_TIMEOUT_MS): T {
  if (!lock.tryLock(timeoutMs)) {
    throw busyError('Otro usuario está registrando en esta planilla; intente de nuevo en unos segundos.');
  }
  return holdingLock(lock, fn);
}

/** Runs `fn` with the lock already taken, then releases it as withLock does (a failed release is a warning). */
export function holdingLock<T>(lock: LockPort, fn: () => T): T {
  let result: T;
  try {
    result = fn();
  } catch (error) {
    release(lock);
    throw error;
  }
  const warning = release(lock);
  if (warning === null || typeof result !== 'object' || result === null || Array.isArray(result))
    return result;
  const before = (result as { warnings?: unknown }).warnings;
  return { ...result, warnings: [...(Array.isArray(before) ? (before as string[]) : []), warning] };
}
