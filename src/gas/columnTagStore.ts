// Column tags over SpreadsheetApp's developer metadata (issue 15 §2): found for the whole spreadsheet in one
// call, replaced per sheet with buffered writes. Used by AppsScriptSpreadsheet (columnTags, tagColumns).

import { columnLetter } from '../domain/cell';
import type { ColumnTag } from '../ports';
import type { DeveloperMetadataLike, SheetLike, SpreadsheetLike } from './appsScriptShapes';

/** One found tag with the metadata it came from (kept so it can be removed without another find). */
interface Found {
  tag: ColumnTag;
  metadata: DeveloperMetadataLike;
}

export class ColumnTagStore {
  /** By key: what the last find of this execution returned, minus what was removed since. */
  private readonly found = new Map<string, Found[]>();

  constructor(
    private readonly spreadsheet: SpreadsheetLike,
    /** The sheet of that name; throws SCHEMA when it is missing. */
    private readonly sheet: (name: string) => SheetLike,
  ) {}

  /**
   * Every COLUMN-located metadata of `key`, in one call (Spreadsheet.createDeveloperMetadataFinder().withKey
   * (key).find()). Metadata on other locations (a row, a sheet) is left out. Assumption, not verifiable
   * offline: getLocation().getColumn(), its getColumn() and getSheet().getName(), and getValue() are local
   * getters of the found object, not a round trip each.
   */
  find(key: string): ColumnTag[] {
    const found: Found[] = [];
    for (const metadata of this.spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
      const column = metadata.getLocation().getColumn();
      if (!column) continue;
      found.push({
        tag: { sheet: column.getSheet().getName(), name: metadata.getValue() ?? '', col: column.getColumn() },
        metadata,
      });
    }
    this.found.set(key, found);
    return found.map((f) => ({ ...f.tag }));
  }

  /**
   * Replaces `sheetName`'s tags of `key`: removes the ones the last find saw there (one find first when
   * there was none), then adds one per entry on its whole column (getRange('C:C'), a COLUMN location). All
   * buffered writes: no read, so no flush is forced before the commit's own.
   */
  replace(sheetName: string, key: string, tags: ReadonlyArray<{ col: number; name: string }>): void {
    if (!this.found.has(key)) this.find(key);
    const sheet = this.sheet(sheetName);
    const all = this.found.get(key)!;
    for (const old of all.filter((f) => f.tag.sheet === sheetName)) {
      old.metadata.remove();
      all.splice(all.indexOf(old), 1);
    }
    for (const { col, name } of tags) {
      const letter = columnLetter(col);
      sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(key, name);
    }
  }
}
