// Outcome of reading one cell: a value, empty, or a reason in Spanish that names what was wrong.

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

/** Empty cells are the common case: one shared result instead of an object per cell. */
const EMPTY: Parsed<never> = Object.freeze({ ok: true, value: null }) as Parsed<never>;

export const parsedValue = <T>(value: T | null): Parsed<T> => (value === null ? EMPTY : { ok: true, value });
export const parseFailure = <T>(reason: string): Parsed<T> => ({ ok: false, reason });
