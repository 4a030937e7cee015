// SpreadsheetApp's TextFinder in memory: plain or RE2-style searches over the text a range, or every sheet
// of the spreadsheet, shows.

import { SPREADSHEET_TARGET } from './callCounter';
import { FakeRange } from './fakeRange';
import type { FakeSheet } from './fakeSheet';
import type { FakeSpreadsheet } from './fakeSpreadsheet';

/**
 * A pattern's `\s` as RE2 (the engine behind Sheets' regular expressions) reads it: ASCII whitespace only,
 * where a JavaScript `\s` would also match a no-break space. Escaped backslashes are left alone; a `\s`
 * inside a character class is not supported (the add-on's patterns spell their classes out).
 */
function re2Classes(pattern: string): string {
  return pattern.replace(/\\(.)/g, (escape, c: string) => (c === 's' ? '[\\t\\n\\f\\r ]' : escape));
}

/** How a TextFinder matches, as its options set it. */
interface MatchOptions {
  caseSensitive: boolean;
  entireCell: boolean;
  regex: boolean;
}

/** Whether the text a cell shows is a hit of `text` under `options` (a blank cell never is). */
function matcher(text: string, options: MatchOptions): (shown: string) => boolean {
  const flags = options.caseSensitive ? '' : 'i';
  if (options.regex) {
    const source = re2Classes(text);
    const pattern = new RegExp(options.entireCell ? `^(?:${source})$` : source, flags);
    return (shown) => shown !== '' && pattern.test(shown);
  }
  const wanted = options.caseSensitive ? text : text.toLowerCase();
  return (shown) => {
    if (shown === '') return false;
    const cell = options.caseSensitive ? shown : shown.toLowerCase();
    return options.entireCell ? cell === wanted : cell.includes(wanted);
  };
}

/** The cells (1-based) of a rectangle of `sheet`, cut at its last row with content, that `hit` accepts. */
function search(
  sheet: FakeSheet,
  rect: { row: number; col: number; numRows: number; numCols: number },
  hit: (shown: string) => boolean,
): Array<{ row: number; col: number }> {
  const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.lastRow());
  const found: Array<{ row: number; col: number }> = [];
  if (lastRow < rect.row || rect.numCols < 1) return found;
  const block = sheet.readDisplay(rect.row, rect.col, lastRow - rect.row + 1, rect.numCols);
  block.forEach((line, r) =>
    line.forEach((shown, c) => {
      if (hit(shown)) found.push({ row: rect.row + r, col: rect.col + c });
    }),
  );
  return found;
}

/**
 * A cell a spreadsheet-wide search found. Apps Script hands back Ranges; the add-on only asks them where
 * they lie, and getSheet().getName(), getRow() and getColumn() of a found range are local getters: no call
 * is counted for them.
 */
export class FakeFoundCell {
  constructor(
    private readonly sheetName: string,
    private readonly row: number,
    private readonly col: number,
  ) {}

  getRow(): number {
    return this.row;
  }

  getColumn(): number {
    return this.col;
  }

  getSheet(): { getName(): string } {
    const name = this.sheetName;
    return { getName: () => name };
  }
}

/** The options every TextFinder starts with, and their setters (shared by both kinds). */
abstract class FinderOptions<Self> {
  protected readonly options: MatchOptions = { caseSensitive: false, entireCell: false, regex: false };

  protected abstract self(): Self;

  matchCase(value: boolean): Self {
    this.options.caseSensitive = value;
    return this.self();
  }

  matchEntireCell(value: boolean): Self {
    this.options.entireCell = value;
    return this.self();
  }

  useRegularExpression(value: boolean): Self {
    this.options.regex = value;
    return this.self();
  }
}

/**
 * TextFinder as Apps Script has it: case-insensitive and substring by default, on the text the cells show
 * (a number 8 formatted `000` is found as "008"); with useRegularExpression the text is a pattern.
 */
export class FakeTextFinder extends FinderOptions<FakeTextFinder> {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
    private readonly text: string,
  ) {
    super();
  }

  protected self(): FakeTextFinder {
    return this;
  }

  findAll(): FakeRange[] {
    this.sheet.touch('findAll', this.text);
    const rect = { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
    return search(this.sheet, rect, matcher(this.text, this.options)).map(
      ({ row, col }) => new FakeRange(this.sheet, row, col, 1, 1),
    );
  }
}

/**
 * Spreadsheet.createTextFinder: the same search over every sheet's used range, in sheet order, each sheet
 * row by row. createTextFinder is a lookup and `findAll` one search (one call, priced as any findAll).
 */
export class FakeSpreadsheetTextFinder extends FinderOptions<FakeSpreadsheetTextFinder> {
  constructor(
    private readonly book: FakeSpreadsheet,
    private readonly text: string,
  ) {
    super();
  }

  protected self(): FakeSpreadsheetTextFinder {
    return this;
  }

  findAll(): FakeFoundCell[] {
    this.book.calls.record(SPREADSHEET_TARGET, 'findAll', this.text);
    // A search reaches the server: buffered writes are sent first, and a refusal held for them surfaces.
    this.book.surfaceRefusal();
    const hit = matcher(this.text, this.options);
    return this.book
      .sheetsUncounted()
      .flatMap((sheet) =>
        search(sheet, { row: 1, col: 1, numRows: sheet.lastRow(), numCols: sheet.lastColumn() }, hit).map(
          ({ row, col }) => new FakeFoundCell(sheet.sheetName, row, col),
        ),
      );
  }
}
