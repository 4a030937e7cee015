// A1 notation of the in-memory spreadsheet: ranges named as Apps Script names them, and parsed back.

/** "B2", "B2:D5" (1-based row, column and size). */
export function a1Of(row: number, col: number, numRows: number, numCols: number): string {
  const letter = (n: number): string =>
    (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const start = `${letter(col)}${row}`;
  return numRows === 1 && numCols === 1 ? start : `${start}:${letter(col + numCols - 1)}${row + numRows - 1}`;
}

/**
 * [row, col, numRows, numCols] of "B2", "B2:D5" or whole columns "C:E" (every one of the grid's `maxRows`
 * rows, as Apps Script gives them); throws Apps Script's "Range not found" otherwise.
 */
export function parseA1(a1: string, maxRows: number): [number, number, number, number] {
  const columns = /^([A-Z]+):([A-Z]+)$/i.exec(a1.trim());
  if (columns) {
    const [, col, , numCols] = parseA1(`${columns[1]}1:${columns[2]}1`, maxRows);
    return [1, col, maxRows, numCols];
  }
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Exception: Range not found (${a1}).`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]!);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return [Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1];
}
