// SpreadsheetApp's embedded charts in memory: EmbeddedChartBuilder, EmbeddedChart and ContainerInfo. A built
// chart is a value: it changes its sheet only through insertChart / updateChart (fakeSheetCharts.ts).

import type { FakeRange } from './fakeRange';

/** Where a chart sits: its anchor cell (1-based) and the offset from it in pixels (ContainerInfo). */
export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** Everything a chart is made of; copied whenever a builder or a chart is made from another. */
export interface ChartState {
  chartType: string | null;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
}

export function copyState(state: ChartState): ChartState {
  return {
    chartType: state.chartType,
    ranges: [...state.ranges],
    options: new Map(state.options),
    position: { ...state.position },
    numHeaders: state.numHeaders,
  };
}

/** Apps Script puts a chart built without setPosition at A1. */
export function emptyState(): ChartState {
  return {
    chartType: null,
    ranges: [],
    options: new Map(),
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
  };
}

export class FakeContainerInfo {
  constructor(private readonly position: ChartPosition) {}
  getAnchorRow(): number {
    return this.position.anchorRow;
  }
  getAnchorColumn(): number {
    return this.position.anchorColumn;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

/** A chart as getCharts or build gives it: a snapshot; `chartId` is null until the chart is inserted. */
export class FakeEmbeddedChart {
  constructor(
    readonly chartId: number | null,
    readonly state: ChartState,
  ) {}

  getChartId(): number | null {
    return this.chartId;
  }

  getRanges(): FakeRange[] {
    return [...this.state.ranges];
  }

  getContainerInfo(): FakeContainerInfo {
    return new FakeContainerInfo({ ...this.state.position });
  }

  getOptions(): { get(option: string): unknown } {
    const options = new Map(this.state.options);
    return { get: (option: string) => options.get(option) ?? null };
  }

  getNumHeaders(): number {
    return this.state.numHeaders;
  }

  /** A builder holding this chart's ranges, options, type and position; its build() keeps this chart's id. */
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.chartId, copyState(this.state));
  }

  /** The chart type (not an Apps Script method of EmbeddedChart: for tests). */
  get chartType(): string | null {
    return this.state.chartType;
  }
}

/** EmbeddedChartBuilder: every setter returns the builder; nothing reaches the sheet until insert/update. */
export class FakeEmbeddedChartBuilder {
  constructor(
    private readonly chartId: number | null,
    private readonly state: ChartState,
  ) {}

  setChartType(type: unknown): FakeEmbeddedChartBuilder {
    this.state.chartType = String(type);
    return this;
  }

  getChartType(): string | null {
    return this.state.chartType;
  }

  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.state.ranges.push(range);
    return this;
  }

  removeRange(range: FakeRange): FakeEmbeddedChartBuilder {
    const a1 = range.getA1Notation();
    this.state.ranges = this.state.ranges.filter((r) => r.getA1Notation() !== a1);
    return this;
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    this.state.ranges = [];
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this.state.ranges];
  }

  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.state.options.set(option, value);
    return this;
  }

  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.state.numHeaders = headers;
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    if (
      !Number.isInteger(anchorRowPos) ||
      anchorRowPos < 1 ||
      !Number.isInteger(anchorColPos) ||
      anchorColPos < 1
    )
      throw new Error('Exception: Invalid argument: anchor position');
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  /** Apps Script refuses to build a chart with no type or no data. */
  build(): FakeEmbeddedChart {
    if (this.state.chartType === null) throw new Error('Exception: The chart type must be set.');
    if (this.state.ranges.length === 0) throw new Error('Exception: The chart has no data ranges.');
    return new FakeEmbeddedChart(this.chartId, copyState(this.state));
  }
}

/** The `Charts` global's enum the add-on uses (Charts.ChartType), as text in the fake. */
export const FAKE_CHARTS = {
  ChartType: { AREA: 'AREA', BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE', TABLE: 'TABLE' },
};
