// A request's fingerprint: the same request always hashes the same, so a requestId reused for another
// request is told apart from a replay (design §5). Pure: Apps Script has no crypto or TextEncoder.

/** JSON with object keys sorted at every depth, so `{a, b}` and `{b, a}` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a (32 bits) over UTF-16 code units from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * 16 hex digits identifying `value` (two independent 32-bit FNV-1a hashes of its canonical JSON). Not a
 * security measure: it tells a replay from a different request that reuses the id by mistake.
 */
export function fingerprint(value: unknown): string {
  const text = canonicalJson(value);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f ^ text.length));
}
