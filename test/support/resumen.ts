// Reading the Resumen sheet back in tests: its tables as the sheet shows them, and its charts.

import type { FakeSpreadsheet } from '../../src/memory/fakeSpreadsheet';

/** Rows of the block at `col` (1-based), `width` wide, as shown, from row 1 until its first blank row. */
export function shownBlock(book: FakeSpreadsheet, col: number, width: number): string[][] {
  const sheet = book.sheet('Resumen');
  const rows = Math.max(1, sheet.lastRow());
  const shown = sheet.readDisplay(1, col, rows, width);
  const end = shown.findIndex((line) => line.every((cell) => cell === ''));
  return end < 0 ? shown : shown.slice(0, end);
}

/** The daily table at A1 (header included). */
export const dailyTable = (book: FakeSpreadsheet) => shownBlock(book, 1, 5);

/** The per-worker table at G1 (header included). */
export const workerTable = (book: FakeSpreadsheet) => shownBlock(book, 7, 5);

/** The notes in column M. */
export const notes = (book: FakeSpreadsheet) => shownBlock(book, 13, 1).map((line) => line[0]!);

/** Each chart of Resumen: id, ranges, title, anchor and size. */
export function charts(book: FakeSpreadsheet) {
  return book
    .sheet('Resumen')
    .charts.list()
    .map((chart) => {
      const at = chart.getContainerInfo();
      return {
        id: chart.getChartId(),
        type: chart.chartType,
        ranges: chart.getRanges().map((r) => r.getA1Notation()),
        title: chart.getOptions().get('title'),
        anchor: [at.getAnchorRow(), at.getAnchorColumn(), at.getOffsetX(), at.getOffsetY()],
        size: [chart.getOptions().get('width'), chart.getOptions().get('height')],
      };
    });
}

/** Everything every sheet but Resumen and Metadata holds (values, as read), to show they did not change. */
export function otherSheets(book: FakeSpreadsheet): Record<string, unknown> {
  return Object.fromEntries(
    book
      .sheetNames()
      .filter((name) => name !== 'Resumen' && name !== 'Metadata')
      .map((name) => [
        name,
        book
          .sheet(name)
          .dump()
          .map((row) => row.map((c) => (c instanceof Date ? c.getTime() : c))),
      ]),
  );
}
