// The google.script.run boundary: every error leaves as an Error whose message starts with a stable code.

import { toAppError } from '../domain/errors';

export function serve<T>(handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') console.error(appError.message, JSON.stringify(appError.details));
    throw new Error(appError.message);
  }
}
