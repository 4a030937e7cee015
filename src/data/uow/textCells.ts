// Which cells a commit writes as plain text (`@`), so text reads back as meant whatever the shop's format,
// without reading the formats first (issue 14 §3, issue 15).

import type { Cell } from '../../domain/cell';

/**
 * Values whose stored form depends on the cell's format: literal text (our leading apostrophe), which a
 * plain-text `@` cell would keep. Numbers we write carry their own format (metrics) or go into new rows.
 */
export function dependsOnFormat(value: Cell): boolean {
  return typeof value === 'string' && value.startsWith("'");
}

/** Text as it is stored: what roundTripValue or escapeText wrote, without the apostrophe that forces text. */
export const storedText = (value: Cell): Cell =>
  typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;

const isText = (value: Cell): boolean => typeof value === 'string' && value !== '';

/**
 * The plain-text format `@` for a cell written or restored as text, so it stores exactly that text whatever
 * the shop's format (issue 14 §3) without a read of the format first (issue 15: three reads of 120 ms were
 * a fifth of a FINALIZAR). Only where the value it restores on an undo is text or blank: a Date or number
 * there needs the format it has, read before (rare: the other system wrote a Date into a cell we overwrite).
 * A number or boolean written keeps the cell's format (plain text would store it as text).
 */
export function textFormatFor(value: Cell, previous: Cell): '@' | null {
  if (typeof value !== 'string' || (!isText(value) && !isText(previous))) return null;
  return typeof previous === 'string' ? '@' : null;
}
