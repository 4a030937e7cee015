// SpreadsheetApp's Range in memory: reads, writes, formats and Ctrl+Arrow over one rectangle of a
// FakeSheet, each call counted.

import type { Cell } from '../domain/cell';
import { checkCellLength } from './fakeGrid';
import { FakeTextFinder } from './fakeTextFinder';
import type { FakeProtection } from './fakeProtection';
import type { FakeSheet } from './fakeSheet';

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
  ) {}

  /** Counts a call on this range: it carries every cell of the range (what the cost model prices). */
  private touch(method: string) {
    this.sheet.touch(method, `${this.numRows}x${this.numCols}`, this.numRows * this.numCols);
  }

  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getSheet() {
    return this.sheet;
  }
  getA1Notation() {
    return this.sheet.a1Of(this.row, this.col, this.numRows, this.numCols);
  }

  getValues(): Cell[][] {
    this.touch('getValues');
    return this.sheet.readBlock(this.row, this.col, this.numRows, this.numCols);
  }

  getValue(): Cell {
    this.touch('getValue');
    return this.sheet.readBlock(this.row, this.col, 1, 1)[0]![0]!;
  }

  getDisplayValues(): string[][] {
    this.touch('getDisplayValues');
    return this.sheet.readDisplay(this.row, this.col, this.numRows, this.numCols);
  }

  /**
   * Ctrl+Arrow from the range's top-left cell, as Apps Script does: from a filled cell whose neighbour is
   * filled, the far edge of that block; otherwise the next filled cell that way, or the sheet's edge.
   * `direction` is SpreadsheetApp.Direction (its text, e.g. "UP", in the fake).
   */
  getNextDataCell(direction: unknown): FakeRange {
    this.touch('getNextDataCell');
    const [dr, dc] = (
      { UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] } as Record<string, [number, number]>
    )[String(direction)] ?? [NaN, NaN];
    if (Number.isNaN(dr)) throw new Error(`Exception: Invalid argument: direction (${String(direction)})`);
    const { maxRows, maxColumns } = this.sheet.dimensions;
    const inside = (r: number, c: number) => r >= 1 && c >= 1 && r <= maxRows && c <= maxColumns;
    const filled = (r: number, c: number) => this.sheet.isFilled(r, c);
    let [r, c] = [this.row, this.col];
    if (filled(r, c) && inside(r + dr, c + dc) && filled(r + dr, c + dc)) {
      while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
    } else {
      while (inside(r + dr, c + dc)) {
        [r, c] = [r + dr, c + dc];
        if (filled(r, c)) break;
      }
    }
    return new FakeRange(this.sheet, r, c, 1, 1);
  }

  getFormulas(): string[][] {
    this.touch('getFormulas');
    return this.sheet.readFormulas(this.row, this.col, this.numRows, this.numCols);
  }

  getNumberFormats(): string[][] {
    this.touch('getNumberFormats');
    return this.sheet.readFormats(this.row, this.col, this.numRows, this.numCols);
  }

  setValues(values: unknown[][]): FakeRange {
    this.touch('setValues');
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${
          Array.isArray(values) ? values.length : 0
        } but the range has ${this.numRows}.`,
      );
    }
    values.forEach((rowValues) => {
      if (!Array.isArray(rowValues) || rowValues.length !== this.numCols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${
            Array.isArray(rowValues) ? rowValues.length : 0
          } but the range has ${this.numCols}.`,
        );
      }
    });
    values.forEach(checkCellLength);
    this.guarded(() => this.sheet.writeBlock(this.row, this.col, values));
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.touch('setValue');
    checkCellLength([value]);
    this.guarded(() => this.sheet.writeBlock(this.row, this.col, [[value]]));
    return this;
  }

  /** Protects this range (Range.protect): see FakeProtection for who may still write it. */
  protect(): FakeProtection {
    this.touch('protect');
    return this.sheet.protectArea(this.row, this.col, this.numRows, this.numCols);
  }

  /** Runs a write of this range unless a protection refuses it (FakeSheet.guardWrite). */
  private guarded(apply: () => void): void {
    this.sheet.guardWrite(this.row, this.col, this.numRows, this.numCols, apply);
  }

  setNumberFormat(format: string): FakeRange {
    this.touch('setNumberFormat');
    this.guarded(() => this.sheet.writeFormats(this.row, this.col, this.numRows, this.numCols, () => format));
    return this;
  }

  setNumberFormats(formats: string[][]): FakeRange {
    this.touch('setNumberFormats');
    if (formats.length !== this.numRows || formats.some((r) => r.length !== this.numCols)) {
      throw new Error('Exception: The number of rows or columns in the data does not match the range.');
    }
    this.guarded(() =>
      this.sheet.writeFormats(this.row, this.col, this.numRows, this.numCols, (r, c) => formats[r]![c]!),
    );
    return this;
  }

  /**
   * Developer metadata on this range (Range.addDeveloperMetadata): a whole column only (rows 1 to the
   * grid's last, e.g. getRange('C:C')), where it stays with the column as columns are inserted, deleted or
   * moved (fakeDeveloperMetadata.ts). Counted as one write.
   */
  addDeveloperMetadata(key: string, value: string): FakeRange {
    this.sheet.book.developerMetadata.add(this, key, value);
    return this;
  }

  /** TextFinder over this range (building it is local; findAll/findNext are the searches Apps Script prices). */
  createTextFinder(text: string): FakeTextFinder {
    this.touch('createTextFinder');
    return new FakeTextFinder(this.sheet, this.row, this.col, this.numRows, this.numCols, text);
  }

  clearContent(): FakeRange {
    this.touch('clearContent');
    const blank = Array.from({ length: this.numRows }, () => Array<Cell>(this.numCols).fill(''));
    this.guarded(() => this.sheet.writeBlock(this.row, this.col, blank));
    return this;
  }
}
