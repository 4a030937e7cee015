// Headers verified without a read each (issue 15 §2): the columns of our schema carry a tag (developer
// metadata on the whole column, which Sheets moves with the column and deletes with it). One find per
// request gives every tag of the spreadsheet; a cached header whose schema columns sit exactly where their
// tags are is current for every column we read or write, and needs no read of row 1. Otherwise the row-1
// read of rowLoads.ts decides, as before, and a writing request re-tags the sheet in its commit.

import { isEmptyCell, type Cell } from '../../domain/cell';
import { causeText } from '../../domain/errors';
import type { ColumnTag, SpreadsheetPort } from '../../ports';
import { normalizeHeader } from '../columnMap';
import { trimmedWidth } from './headerCheck';

/** The developer-metadata key of our column tags. */
export const COLUMN_TAG_KEY = 'sut.column';

/** Per sheet, the names of the schema columns we read or write (and their aliases), as the schema spells them. */
export type TaggedColumns = ReadonlyMap<string, readonly string[]>;

/**
 * The tags `sheet` should carry for `header`: one per header cell whose normalised name is one of
 * `columns`, on its 1-based column, valued with that normalised name. Other columns get none.
 */
export function tagsFor(
  header: readonly Cell[],
  columns: readonly string[],
): Array<{ col: number; name: string }> {
  const wanted = new Set(columns.map(normalizeHeader));
  const out: Array<{ col: number; name: string }> = [];
  header.forEach((cell, i) => {
    const name = isEmptyCell(cell) ? '' : normalizeHeader(String(cell));
    if (name !== '' && wanted.has(name)) out.push({ col: i + 1, name });
  });
  return out;
}

/**
 * True when `tags` (all of the spreadsheet's) prove `header` current for `sheet`'s schema `columns`: each
 * schema column the header has at 0-based index i has exactly one tag with its name, on column i + 1 of
 * this sheet; each schema column the header lacks has no tag. A header naming a schema column twice is
 * never proved (the row-1 read then finds the SCHEMA problem as before).
 */
export function tagsAgree(
  sheet: string,
  header: readonly Cell[],
  columns: readonly string[],
  tags: readonly ColumnTag[],
): boolean {
  const mine = tags.filter((t) => t.sheet === sheet);
  const names = header.map((cell) => (isEmptyCell(cell) ? '' : normalizeHeader(String(cell))));
  for (const name of new Set(columns.map(normalizeHeader))) {
    const at = names.flatMap((n, i) => (n === name ? [i + 1] : []));
    const tagged = mine.filter((t) => t.name === name);
    if (at.length > 1) return false;
    if (at.length === 0 ? tagged.length > 0 : tagged.length !== 1 || tagged[0]!.col !== at[0]) return false;
  }
  return true;
}

/**
 * The header as far as a request relies on it once the tags proved it: up to its last schema column. The
 * cells to the right are not ours and are not proved (a column deleted there by hand would leave the
 * cached header wider than the grid).
 */
export function provedPart(header: readonly Cell[], columns: readonly string[]): Cell[] {
  const last = Math.max(0, ...tagsFor(header, columns).map((t) => t.col));
  return header.slice(0, Math.min(last, trimmedWidth(header)));
}

/**
 * One request's use of the column tags: at most one find, on first need; which cached headers the tags
 * proved; and, in a writing request's commit, the re-tagging of the sheets whose verified header the tags
 * do not match, whose failure is a warning, never a failed request.
 */
export class ColumnTagCheck {
  /** Every tag of the spreadsheet; null until the find is made (or when it failed: no proof, no re-tag). */
  private tags: readonly ColumnTag[] | null = null;
  private looked = false;
  /** Sheets whose cached header the tags proved: nothing to re-tag. */
  private readonly agreed = new Set<string>();

  constructor(
    private readonly spreadsheet: SpreadsheetPort,
    private readonly columns: TaggedColumns,
    /** Where a failed re-tag is told (Spanish, for the answer's `warnings`). */
    private readonly warnings: string[] = [],
  ) {}

  /** True when the adapter has tags and `sheet` is one whose columns are tagged. */
  covers(sheet: string): boolean {
    return this.spreadsheet.columnTags !== undefined && this.columns.has(sheet);
  }

  /**
   * Of `sheets` (cached headers not yet verified; `header` gives each), the ones the tags prove current,
   * each with the part of its header that is proved (provedPart). Makes the request's one find the first
   * time a covered sheet is asked about; a sheet the tags do not prove keeps its row-1 read.
   */
  prove(sheets: readonly string[], header: (sheet: string) => Cell[] | null): Map<string, Cell[]> {
    const proved = new Map<string, Cell[]>();
    const covered = sheets.filter((s) => this.covers(s));
    if (covered.length === 0) return proved;
    if (!this.looked) {
      this.looked = true;
      try {
        this.tags = this.spreadsheet.columnTags!(COLUMN_TAG_KEY);
      } catch (error) {
        // Only a shortcut: without it every cached header is checked against row 1, as before.
        console.warn(`No se pudieron leer las marcas de columna: ${causeText(error)}`);
      }
    }
    for (const sheet of covered) {
      const cached = header(sheet);
      const columns = this.columns.get(sheet)!;
      if (this.tags === null || !cached) continue;
      if (!tagsAgree(sheet, cached, columns, this.tags)) continue;
      proved.set(sheet, provedPart(cached, columns));
      this.agreed.add(sheet);
    }
    return proved;
  }

  /**
   * When this request made its find: re-tags each tagged sheet whose verified header (`header(sheet)`: read
   * fresh, or cached and checked against row 1; null when neither) the tags do not match. Covers a sheet the
   * tags disagreed on and a header read fresh after a stale one (the retry). Without a find nothing is
   * done: a request that read every header fresh (cache miss) pays no find for this; the next request that
   * uses the cache finds the disagreement. Buffered writes, made in a writing request's commit before its
   * flush. A failure is logged and added to the warnings; the request's work stands (issue 14 §1).
   */
  retag(header: (sheet: string) => Cell[] | null): void {
    if (this.tags === null || !this.spreadsheet.tagColumns) return;
    for (const [sheet, columns] of this.columns) {
      const verified = this.agreed.has(sheet) ? null : header(sheet);
      if (!verified || tagsAgree(sheet, verified, columns, this.tags)) continue;
      this.agreed.add(sheet);
      try {
        this.spreadsheet.tagColumns(sheet, COLUMN_TAG_KEY, tagsFor(verified, columns));
      } catch (error) {
        const cause = causeText(error);
        console.warn(`No se pudieron marcar las columnas de ${sheet}: ${cause}`);
        this.warnings.push(
          `No se pudieron marcar las columnas de ${sheet} (${cause}); lo guardado queda guardado.`,
        );
      }
    }
  }
}

/**
 * Tags the schema columns of every sheet in `headers` whose tags disagree with its header (the schema
 * migration, after its commit: the headers it just wrote). One find, then buffered writes; returns the
 * sheets re-tagged. Throws what the adapter throws (the caller turns it into a warning).
 */
export function tagSheets(
  spreadsheet: SpreadsheetPort,
  columns: TaggedColumns,
  headers: ReadonlyMap<string, readonly Cell[]>,
): string[] {
  if (!spreadsheet.columnTags || !spreadsheet.tagColumns) return [];
  const tags = spreadsheet.columnTags(COLUMN_TAG_KEY);
  const retagged: string[] = [];
  for (const [sheet, header] of headers) {
    const names = columns.get(sheet);
    if (!names || tagsAgree(sheet, header, names, tags)) continue;
    spreadsheet.tagColumns(sheet, COLUMN_TAG_KEY, tagsFor(header, names));
    retagged.push(sheet);
  }
  return retagged;
}
