// The error hierarchy every layer throws: a stable code for programs, a Spanish message for the user.

export type ErrorCode =
  'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'SCHEMA' | 'BUSY' | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    // The code leads the message because google.script.run only carries `message` to the client.
    super(`${code}: ${message}`);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The Spanish text without the code prefix. */
  get userMessage(): string {
    return this.message.slice(this.code.length + 2);
  }
}

export const validationError = (message: string, details?: Record<string, unknown>) =>
  new AppError('VALIDATION', message, details);
export const notFoundError = (message: string, details?: Record<string, unknown>) =>
  new AppError('NOT_FOUND', message, details);
export const conflictError = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);
export const forbiddenError = (message: string, details?: Record<string, unknown>) =>
  new AppError('FORBIDDEN', message, details);
export const schemaError = (message: string, details?: Record<string, unknown>) =>
  new AppError('SCHEMA', message, details);
export const busyError = (message: string, details?: Record<string, unknown>) =>
  new AppError('BUSY', message, details);
export const internalError = (message: string, details?: Record<string, unknown>) =>
  new AppError('INTERNAL', message, details);

/** Wraps anything thrown into an AppError; unknown failures become INTERNAL with the original text kept. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return internalError('Error interno inesperado.', { cause: text });
}

/** What went wrong, as text for a warning or a log line: an AppError's Spanish text, else the raw message. */
export function causeText(error: unknown): string {
  if (error instanceof AppError) return error.userMessage;
  // Duck-typed: an Error from another realm (a service's) is not `instanceof Error` here.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
