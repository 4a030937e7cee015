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

/** One rectangle of the cells given (1-based, inclusive), with those cells. */
export interface CellRectangle<T> {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cells: T[];
}

/**
 * The exact cells given, as few rectangles as a simple pass finds: runs of adjacent columns per row, then
 * the same run on consecutive rows merged (G2:I20); top to bottom, left to right. Every cell of a rectangle
 * was given (the last one given for a position is kept).
 */
export function cellRectangles<T extends { row: number; col: number }>(
  cells: readonly T[],
): CellRectangle<T>[] {
  const byRow = new Map<number, Map<number, T>>();
  for (const cell of cells) {
    let line = byRow.get(cell.row);
    if (!line) byRow.set(cell.row, (line = new Map()));
    line.set(cell.col, cell);
  }
  const rowsByRun = new Map<string, number[]>();
  for (const [row, line] of byRow) {
    const sorted = [...line.keys()].sort((a, b) => a - b);
    let start = sorted[0]!;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      const run = `${start}:${sorted[i - 1]}`;
      rowsByRun.set(run, [...(rowsByRun.get(run) ?? []), row]);
      start = sorted[i]!;
    }
  }
  const rects: CellRectangle<T>[] = [];
  for (const [run, rows] of rowsByRun) {
    const [left, right] = run.split(':').map(Number) as [number, number];
    const sorted = rows.sort((a, b) => a - b);
    let top = sorted[0]!;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      const bottom = sorted[i - 1]!;
      const inside: T[] = [];
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) inside.push(byRow.get(r)!.get(c)!);
      rects.push({ top, bottom, left, right, cells: inside });
      top = sorted[i]!;
    }
  }
  return rects.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A rectangle in A1 notation (G2:I20; a single cell as G2). */
export function rectangleA1(r: { top: number; bottom: number; left: number; right: number }): string {
  return r.top === r.bottom && r.left === r.right
    ? a1(r.top, r.left)
    : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/**
 * The exact cells given, as few A1 rectangles as a simple pass finds (cellRectangles). For messages that
 * say which cells a failure left.
 */
export function a1Ranges(cells: ReadonlyArray<{ row: number; col: number }>): string[] {
  return cellRectangles(cells).map(rectangleA1);
}

/** A Date from any realm (the bundle test runs Code.js in a vm context whose Date differs from Node's). */
export function isDate(value: unknown): value is Date {
  if (value instanceof Date) return true;
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
}
