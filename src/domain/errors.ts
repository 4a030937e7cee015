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

/** `details.reason` of a write that a protected sheet or range refused (code FORBIDDEN). */
export const PROTECTED_REASON = 'PROTECTED';

/**
 * A write that Apps Script refused because the cells are protected: FORBIDDEN, naming the sheet and the
 * A1 range refused when known ("La hoja Operaciones (rango AJ2:AK2) está protegida; …").
 * `details`: `{reason: 'PROTECTED', sheet, range, cause}` (sheet/range null when the refusal did not say).
 */
export function protectedError(sheet: string | null, range: string | null, cause: string): AppError {
  return new AppError('FORBIDDEN', protectedSentence(sheet === null ? [] : [{ sheet, range }]), {
    reason: PROTECTED_REASON,
    sheet,
    range,
    cause,
  });
}

/** True for the error of protectedError (also after it crossed a layer as an AppError). */
export function isProtectedRefusal(error: unknown): boolean {
  return error instanceof AppError && error.details.reason === PROTECTED_REASON;
}

/**
 * The sentence that names protected places: "La hoja Operaciones (rango AJ2:AK2) está protegida; pida
 * acceso a quien la protegió." Several sheets or ranges are listed; none known says so.
 */
export function protectedSentence(places: ReadonlyArray<{ sheet: string; range: string | null }>): string {
  if (places.length === 0)
    return 'Una hoja o un rango de esta planilla está protegido (no se supo cuál); pida acceso a quien lo protegió.';
  const bySheet = new Map<string, string[]>();
  for (const { sheet, range } of places) {
    const ranges = bySheet.get(sheet) ?? [];
    if (range !== null && !ranges.includes(range)) ranges.push(range);
    bySheet.set(sheet, ranges);
  }
  const named = [...bySheet].map(([sheet, ranges]) =>
    ranges.length === 0
      ? `la hoja ${sheet}`
      : `la hoja ${sheet} (${ranges.length === 1 ? 'rango' : 'rangos'} ${ranges.join(', ')})`,
  );
  const list =
    named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} y ${named[named.length - 1]!}`;
  const plural = named.length > 1;
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} ${plural ? 'están protegidas' : 'está protegida'}; pida acceso a quien ${plural ? 'las' : 'la'} protegió.`;
}

/** "No se cambió ninguna celda." or which ranges (`Sheet!A1:B2`) may still hold a failed commit's writes. */
export function whatIsLeft(notRestored: readonly string[]): string {
  return notRestored.length === 0
    ? 'No se cambió ninguna celda.'
    : `No se pudo deshacer todo: pueden haber quedado escritas ${notRestored.join(', ')}; revise esas celdas antes de intentar de nuevo.`;
}

/** What went wrong, as text for a warning or a log line: an AppError's Spanish text, else the raw message. */
export function causeText(error: unknown): string {
  if (error instanceof AppError) return error.userMessage;
  // Duck-typed: an Error from another realm (a service's) is not `instanceof Error` here.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
