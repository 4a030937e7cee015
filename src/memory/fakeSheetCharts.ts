// The embedded charts of one in-memory sheet: what insertChart, updateChart, removeChart and getCharts do
// to them (FakeSheet counts the calls and delegates here), and the user moving or resizing one.

import {
  copyState,
  emptyState,
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  type ChartPosition,
} from './fakeEmbeddedChart';

export class FakeSheetCharts {
  private readonly charts: FakeEmbeddedChart[] = [];
  private nextId: number;

  /** Chart ids are unique in the spreadsheet: they start from the sheet's id. */
  constructor(sheetId: number) {
    this.nextId = sheetId * 1_000_000 + 1;
  }

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(null, emptyState());
  }

  /** Snapshots: changing what they return changes nothing until updateChart. */
  list(): FakeEmbeddedChart[] {
    return this.charts.map((c) => new FakeEmbeddedChart(c.chartId, copyState(c.state)));
  }

  /** Adds `chart` as a new chart with a new id, even one built from modify() of a chart already here. */
  insert(chart: FakeEmbeddedChart): void {
    this.charts.push(new FakeEmbeddedChart(this.nextId++, copyState(chart.state)));
  }

  /** Replaces the chart of the same id; a chart never inserted in this sheet is refused. */
  update(chart: FakeEmbeddedChart): void {
    const i = this.indexOf(chart);
    this.charts[i] = new FakeEmbeddedChart(chart.chartId, copyState(chart.state));
  }

  remove(chart: FakeEmbeddedChart): void {
    this.charts.splice(this.indexOf(chart), 1);
  }

  /** What a user dragging or resizing the chart does (test helper, not a service call). */
  moveByUser(chartId: number, position: ChartPosition, size?: { width: number; height: number }): void {
    const chart = this.charts.find((c) => c.chartId === chartId);
    if (!chart) throw new Error(`no chart ${chartId}`);
    chart.state.position = { ...position };
    if (size) {
      chart.state.options.set('width', size.width);
      chart.state.options.set('height', size.height);
    }
  }

  private indexOf(chart: FakeEmbeddedChart): number {
    const i = chart.chartId === null ? -1 : this.charts.findIndex((c) => c.chartId === chart.chartId);
    if (i < 0) throw new Error('Exception: The chart does not exist in this sheet.');
    return i;
  }
}
