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

/**
 * The exact cells given, as few A1 rectangles as a simple pass finds: runs of adjacent columns per row, then
 * the same run on consecutive rows merged (G2:I20). For messages that say which cells a failure left.
 */
export function a1Ranges(cells: ReadonlyArray<{ row: number; col: number }>): string[] {
  const colsByRow = new Map<number, number[]>();
  for (const { row, col } of cells) colsByRow.set(row, [...(colsByRow.get(row) ?? []), col]);
  const rowsByRun = new Map<string, number[]>();
  for (const [row, cols] of colsByRow) {
    const sorted = [...new Set(cols)].sort((a, b) => a - b);
    let start = sorted[0]!;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      const run = `${start}:${sorted[i - 1]}`;
      rowsByRun.set(run, [...(rowsByRun.get(run) ?? []), row]);
      start = sorted[i]!;
    }
  }
  const rects: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  for (const [run, rows] of rowsByRun) {
    const [left, right] = run.split(':').map(Number) as [number, number];
    const sorted = rows.sort((a, b) => a - b);
    let top = sorted[0]!;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      rects.push({ top, bottom: sorted[i - 1]!, left, right });
      top = sorted[i]!;
    }
  }
  rects.sort((a, b) => a.top - b.top || a.left - b.left);
  return rects.map((r) =>
    r.top === r.bottom && r.left === r.right
      ? a1(r.top, r.left)
      : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`,
  );
}

/** A Date from any realm (the bundle test runs Code.js in a vm context whose Date differs from Node's). */
export function isDate(value: unknown): value is Date {
  if (value instanceof Date) return true;
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
}
