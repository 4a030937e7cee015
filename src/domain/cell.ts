// What a spreadsheet cell holds when read, as Apps Script's getValues returns it ('' when empty).

export type Cell = string | number | boolean | Date;

export function isEmptyCell(value: Cell | null | undefined): boolean {
  return value === '' || value === null || value === undefined;
}

/** Column letters (1 → A, 27 → AA) for messages that point the user at a cell. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A Date from any realm (the bundle test runs Code.js in a vm context whose Date differs from Node's). */
export function isDate(value: unknown): value is Date {
  if (value instanceof Date) return true;
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
}
