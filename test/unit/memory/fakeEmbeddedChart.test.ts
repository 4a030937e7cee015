import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

function sheetWithData() {
  const book = new FakeSpreadsheet();
  const sheet = book.addSheet('Resumen', [
    ['Fecha', 'ARM'],
    ['01-11-2026', 3],
  ]);
  return { book, sheet };
}

describe('in-memory embedded charts', () => {
  it('a built chart changes nothing until insertChart, which gives it an id and counts the call', () => {
    const { book, sheet } = sheetWithData();
    book.calls.reset();
    const chart = sheet
      .newChart()
      .setChartType('COLUMN')
      .addRange(sheet.getRange('A1:B2'))
      .setPosition(3, 4, 5, 6)
      .build();
    expect(chart.getChartId()).toBeNull();
    expect(sheet.getCharts()).toEqual([]);
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored!.getChartId()).toEqual(expect.any(Number));
    expect(stored!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2']);
    const at = stored!.getContainerInfo();
    expect([at.getAnchorRow(), at.getAnchorColumn(), at.getOffsetX(), at.getOffsetY()]).toEqual([3, 4, 5, 6]);
    expect(book.calls.calls.filter((c) => c.kind === 'metadata').map((c) => c.method)).toEqual([
      'getCharts',
      'insertChart',
      'getCharts',
    ]);
  });

  it('modify keeps the id, position and options; updateChart replaces that chart; insertChart of it adds a second', () => {
    const { sheet } = sheetWithData();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType('COLUMN')
        .addRange(sheet.getRange('A1:B2'))
        .setOption('title', 'a')
        .build(),
    );
    const [first] = sheet.getCharts();
    sheet.charts.moveByUser(
      first!.getChartId()!,
      { anchorRow: 9, anchorColumn: 2, offsetX: 0, offsetY: 0 },
      { width: 800, height: 300 },
    );
    const [moved] = sheet.getCharts();
    const changed = moved!
      .modify()
      .clearRanges()
      .addRange(sheet.getRange('A1:A2'))
      .setOption('title', 'b')
      .build();
    // A snapshot: the sheet still holds the old one until updateChart.
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('a');
    sheet.updateChart(changed);
    const [updated] = sheet.getCharts();
    expect(updated!.getChartId()).toBe(first!.getChartId());
    expect(updated!.getOptions().get('title')).toBe('b');
    expect(updated!.getOptions().get('width')).toBe(800);
    expect(updated!.getContainerInfo().getAnchorRow()).toBe(9);
    sheet.insertChart(changed);
    expect(sheet.getCharts().map((c) => c.getChartId())).toEqual([first!.getChartId(), expect.any(Number)]);
    expect(new Set(sheet.getCharts().map((c) => c.getChartId())).size).toBe(2);
  });

  it('refuses what Apps Script refuses: no type, no data, a chart not on the sheet', () => {
    const { sheet } = sheetWithData();
    expect(() => sheet.newChart().addRange(sheet.getRange('A1:B2')).build()).toThrow(
      'The chart type must be set',
    );
    expect(() => sheet.newChart().setChartType('COLUMN').build()).toThrow('The chart has no data ranges');
    const loose = sheet.newChart().setChartType('COLUMN').addRange(sheet.getRange('A1:B2')).build();
    expect(() => sheet.updateChart(loose)).toThrow('The chart does not exist in this sheet');
    expect(() => sheet.removeChart(loose)).toThrow('The chart does not exist in this sheet');
  });
});
