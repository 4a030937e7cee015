// The protections of one in-memory sheet: its own (Sheet.protect) and its ranges' (Range.protect), and
// whether they refuse a write to the user running the script.

import type { Rect } from '../ports';
import { FakeProtection, type FakeProtectionType, type ProtectionPeople } from './fakeProtection';
import type { FakeSheet } from './fakeSheet';

export class FakeSheetProtections {
  private list: FakeProtection[] = [];

  constructor(
    /** Who may edit what, as the spreadsheet says now (the user running the script and the owners). */
    private readonly people: () => ProtectionPeople,
    private readonly sheet: FakeSheet,
  ) {}

  /** The sheet's own protection: one per sheet, the same one when asked again. */
  ofSheet(): FakeProtection {
    const existing = this.list.find((p) => p.getProtectionType() === 'SHEET');
    if (existing) return existing;
    const protection = new FakeProtection(this.people(), this.sheet, 'SHEET', null);
    this.list.push(protection);
    return protection;
  }

  /** A new protection of the rectangle `area` (1-based). */
  ofArea(area: Rect): FakeProtection {
    const protection = new FakeProtection(this.people(), this.sheet, 'RANGE', area);
    this.list.push(protection);
    return protection;
  }

  /** The protections of `type` (SHEET or RANGE); Apps Script's error for any other. */
  ofType(type: unknown): FakeProtection[] {
    const wanted = String(type) as FakeProtectionType;
    if (wanted !== 'SHEET' && wanted !== 'RANGE')
      throw new Error(`Exception: Invalid argument: type (${String(type)})`);
    return this.list.filter((p) => p.getProtectionType() === wanted);
  }

  drop(protection: FakeProtection): void {
    this.list = this.list.filter((p) => p !== protection);
  }

  /** True when some protection refuses the user running the script a cell of `area`. */
  refuses(area: Rect): boolean {
    return this.list.some((p) => p.refuses(area));
  }
}
