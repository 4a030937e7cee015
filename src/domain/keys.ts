// Keys as people type them and as the sheet shows them: one rule for matching OTs, tags and union keys.

/**
 * The form two keys are compared in: trimmed, and an all-digit key without its leading zeros, so "008",
 * " 8 " and the number 8 shown as 008 are one OT (design §2 "Keys stored as numbers with a format").
 * Never shown to anyone: responses use the text the sheet shows.
 */
export function canonicalKey(text: string): string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return trimmed;
  const stripped = trimmed.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/** True when two keys name the same OT or tag under canonicalKey. */
export function sameKey(a: string, b: string): boolean {
  return canonicalKey(a) === canonicalKey(b);
}

/**
 * A union key `OT+N_UNION` in canonical form: "008+1", "8+1" and "008+01" are one union. Text that is not
 * a key keeps its trimmed self (it then matches nothing).
 */
export function canonicalUnionKey(key: string): string {
  const trimmed = key.trim();
  const plus = trimmed.lastIndexOf('+');
  if (plus <= 0) return trimmed;
  const n = trimmed.slice(plus + 1).trim();
  const nUnion = /^\d+$/.test(n) ? String(Number(n)) : n;
  return `${canonicalKey(trimmed.slice(0, plus))}+${nUnion}`;
}
