// Outcome of reading one cell: a value, empty, or a reason in Spanish that names what was wrong.

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

export const parsedValue = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
export const parseFailure = <T>(reason: string): Parsed<T> => ({ ok: false, reason });
