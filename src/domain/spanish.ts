// Spanish grammar for messages built from parts: "de" + "el …" contracts to "del …", as Spanish requires.

/** "de" before `phrase`: "del registro de ARM" for "el registro de ARM", "de la OT 5" otherwise. */
export function de(phrase: string): string {
  return /^el\s/i.test(phrase) ? 'del ' + phrase.slice(3) : 'de ' + phrase;
}

/** `count` and its noun phrase agreeing in number: "1 spool revisado", "0 spools revisados" (Spanish: only 1 is singular). */
export function cuenta(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
