// SpreadsheetApp's Protection in memory: a protected sheet or range, its editors, and the refusal Apps Script
// gives a write to it by anyone else, at the write call or (writes being buffered) at the next flush.

import type { FakeRange } from './fakeRange';
import type { FakeSheet } from './fakeSheet';

/** What Apps Script throws when a write touches cells the user may not edit (SpreadsheetApp and Sheets API). */
export const PROTECTED_MESSAGE =
  'Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** SpreadsheetApp.ProtectionType, by its text in the fake. */
export type FakeProtectionType = 'RANGE' | 'SHEET';

interface Area {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** The spreadsheet's people, as protections see them (Session.getEffectiveUser in the fake). */
export interface ProtectionPeople {
  /** The spreadsheet's owner: an editor of every protection, who cannot be removed from one. */
  readonly owner: string;
  /** Who has edit access to the spreadsheet (what a new protection's editors mirror). */
  readonly editors: readonly string[];
  /** Who is running the script now. */
  readonly activeUser: string;
  /** Protections removed are dropped from their sheet. */
  remove(protection: FakeProtection): void;
}

export class FakeProtection {
  private readonly editorSet: Set<string>;
  private description = '';
  private warningOnly = false;
  private unprotected: FakeRange[] = [];

  constructor(
    private readonly people: ProtectionPeople,
    private readonly sheet: FakeSheet,
    private readonly type: FakeProtectionType,
    /** The protected cells; null for the whole sheet. */
    private readonly area: Area | null,
  ) {
    // Apps Script: until the script changes the editors, a new protection mirrors the spreadsheet's own
    // permissions (everyone who can edit the spreadsheet still can).
    this.editorSet = new Set([people.owner, ...people.editors]);
  }

  getProtectionType(): FakeProtectionType {
    return this.type;
  }

  /** The protected range (the whole sheet's for a sheet protection). */
  getRange(): FakeRange {
    const a = this.area ?? { row: 1, col: 1, ...this.sheetSize() };
    return this.sheet.rangeUncounted(a.row, a.col, a.numRows, a.numCols);
  }

  getDescription(): string {
    return this.description;
  }

  setDescription(description: string): FakeProtection {
    this.description = description;
    return this;
  }

  getEditors(): Array<{ getEmail(): string }> {
    return [...this.editorSet].map((email) => ({ getEmail: () => email }));
  }

  addEditor(email: string | { getEmail(): string }): FakeProtection {
    this.editorSet.add(typeof email === 'string' ? email : email.getEmail());
    return this;
  }

  addEditors(emails: string[]): FakeProtection {
    for (const e of emails) this.addEditor(e);
    return this;
  }

  removeEditor(email: string | { getEmail(): string }): FakeProtection {
    const address = typeof email === 'string' ? email : email.getEmail();
    // The owner stays an editor whatever the script asks.
    if (address !== this.people.owner) this.editorSet.delete(address);
    return this;
  }

  removeEditors(emails: Array<string | { getEmail(): string }>): FakeProtection {
    for (const e of emails) this.removeEditor(e);
    return this;
  }

  /** Whether the user running the script may edit the protected cells. */
  canEdit(): boolean {
    return this.warningOnly || this.editorSet.has(this.people.activeUser);
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  /** A warning-only protection asks the user in the UI; scripts write through it. */
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.warningOnly = warningOnly;
    return this;
  }

  /** Ranges of a protected sheet left editable (sheet protections only, as in Apps Script). */
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    if (this.type !== 'SHEET')
      throw new Error('Exception: Unprotected ranges only apply to sheet protections.');
    this.unprotected = [...ranges];
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    return [...this.unprotected];
  }

  remove(): void {
    this.people.remove(this);
  }

  /** True when the user running the script may not write the cells of `area` (some of them). */
  refuses(area: Area): boolean {
    if (this.canEdit()) return false;
    const cells = this.area ?? { row: 1, col: 1, numRows: Infinity, numCols: Infinity };
    if (!overlaps(cells, area)) return false;
    if (this.unprotected.length === 0) return true;
    // Refused unless every cell of `area` inside the protection lies in an unprotected range.
    for (let r = area.row; r < area.row + area.numRows; r++) {
      for (let c = area.col; c < area.col + area.numCols; c++) {
        const inside = overlaps(cells, { row: r, col: c, numRows: 1, numCols: 1 });
        const free = this.unprotected.some((u) =>
          overlaps(
            { row: u.getRow(), col: u.getColumn(), numRows: u.getNumRows(), numCols: u.getNumColumns() },
            { row: r, col: c, numRows: 1, numCols: 1 },
          ),
        );
        if (inside && !free) return true;
      }
    }
    return false;
  }

  private sheetSize(): { numRows: number; numCols: number } {
    const { maxRows, maxColumns } = this.sheet.dimensions;
    return { numRows: maxRows, numCols: maxColumns };
  }
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}
