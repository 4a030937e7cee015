// SpreadsheetApp's TextFinder in memory: plain or RE2-style searches over the text a range shows.

import { FakeRange } from './fakeRange';
import type { FakeSheet } from './fakeSheet';

/**
 * A pattern's `\s` as RE2 (the engine behind Sheets' regular expressions) reads it: ASCII whitespace only,
 * where a JavaScript `\s` would also match a no-break space. Escaped backslashes are left alone; a `\s`
 * inside a character class is not supported (the add-on's patterns spell their classes out).
 */
function re2Classes(pattern: string): string {
  return pattern.replace(/\\(.)/g, (escape, c: string) => (c === 's' ? '[\\t\\n\\f\\r ]' : escape));
}

/**
 * TextFinder as Apps Script has it: case-insensitive and substring by default, on the text the cells show
 * (a number 8 formatted `000` is found as "008"); with useRegularExpression the text is a pattern.
 */
export class FakeTextFinder {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;

  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
    private readonly text: string,
  ) {}

  matchCase(value: boolean): FakeTextFinder {
    this.caseSensitive = value;
    return this;
  }

  matchEntireCell(value: boolean): FakeTextFinder {
    this.entireCell = value;
    return this;
  }

  useRegularExpression(value: boolean): FakeTextFinder {
    this.regex = value;
    return this;
  }

  findAll(): FakeRange[] {
    this.sheet.touch('findAll', this.text);
    const lastRow = Math.min(this.row + this.numRows - 1, this.sheet.lastRow());
    const found: FakeRange[] = [];
    if (lastRow < this.row) return found;
    const flags = this.caseSensitive ? '' : 'i';
    const source = this.regex ? re2Classes(this.text) : '';
    const pattern = this.regex ? new RegExp(this.entireCell ? `^(?:${source})$` : source, flags) : null;
    const wanted = this.caseSensitive ? this.text : this.text.toLowerCase();
    const block = this.sheet.readDisplay(this.row, this.col, lastRow - this.row + 1, this.numCols);
    block.forEach((line, r) =>
      line.forEach((shown, c) => {
        if (shown === '') return;
        let hit: boolean;
        if (pattern) hit = pattern.test(shown);
        else {
          const text = this.caseSensitive ? shown : shown.toLowerCase();
          hit = this.entireCell ? text === wanted : text.includes(wanted);
        }
        if (hit) found.push(new FakeRange(this.sheet, this.row + r, this.col + c, 1, 1));
      }),
    );
    return found;
  }
}
