// Spanish grammar for messages built from parts: "de" + "el …" contracts to "del …", as Spanish requires.

/** "de" before `phrase`: "del registro de ARM" for "el registro de ARM", "de la OT 5" otherwise. */
export function de(phrase: string): string {
  return /^el\s/i.test(phrase) ? 'del ' + phrase.slice(3) : 'de ' + phrase;
}

/** `count` and its noun phrase agreeing in number: "1 spool revisado", "0 spools revisados" (Spanish: only 1 is singular). */
export function cuenta(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * A number as Spanish text for server messages, as the sidebar writes it (es-CL), without relying on Apps
 * Script's Intl data: decimal comma, thousands grouped with "." (like groupThousands of capacity.ts), up to 4
 * decimals without trailing zeros. 230.5 → "230,5", 0.75 → "0,75", 1234.5 → "1.234,5", 31599 → "31.599".
 */
export function numero(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '0', fraction] = String(Math.abs(Math.round(n * 10_000) / 10_000)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = n < 0 && (whole !== '0' || fraction) ? '-' : '';
  return sign + grouped + (fraction ? ',' + fraction : '');
}
