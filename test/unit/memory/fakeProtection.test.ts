import { describe, expect, it } from 'vitest';
import { UnitOfWork } from '../../../src/data/unitOfWork';
import { AppsScriptSpreadsheet } from '../../../src/gas/spreadsheetAdapter';
import { FakeSpreadsheet, PROTECTED_MESSAGE } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';

function book() {
  const b = new FakeSpreadsheet({ editors: ['supervisora@taller.cl', 'tablet@taller.cl'] });
  b.addSheet('Hoja', [
    ['A', 'B', 'C'],
    ['a2', 'b2', 'c2'],
    ['a3', 'b3', 'c3'],
  ]);
  return b;
}

/** The supervisor protects `a1` so that only she (and the owner) may edit it. */
function protect(b: FakeSpreadsheet, a1: string) {
  b.actAs('supervisora@taller.cl');
  const p = b.sheet('Hoja').getRange(a1).protect();
  p.removeEditors(p.getEditors()).addEditor('supervisora@taller.cl');
  b.actAs('tablet@taller.cl');
  return p;
}

describe('FakeProtection, as Apps Script protects', () => {
  it('a new protection mirrors the spreadsheet: everyone who can edit still can, until editors change', () => {
    const b = book();
    b.actAs('tablet@taller.cl');
    const p = b.sheet('Hoja').getRange('B2').protect();
    expect(p.canEdit()).toBe(true);
    b.sheet('Hoja').getRange('B2').setValue('x');
    p.removeEditors(p.getEditors());
    expect(p.canEdit()).toBe(false);
    expect(p.getEditors().map((e) => e.getEmail())).toEqual(['propietario@taller.cl']);
  });

  it('refuses setValues, setNumberFormats and deleteRows on protected cells at the call, and writes nothing', () => {
    const b = book();
    protect(b, 'B:B');
    const sheet = b.sheet('Hoja');
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['x', 'y']])).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.getRange(2, 2).setNumberFormat('@')).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.deleteRows(3, 1)).toThrow(PROTECTED_MESSAGE);
    expect(sheet.dump()[1]).toEqual(['a2', 'b2', 'c2']);
    sheet.getRange(2, 3).setValue('ok'); // outside the protection
    expect(sheet.dump()[1]).toEqual(['a2', 'b2', 'ok']);
    // The owner and the protection's editors write through it.
    b.actAs('supervisora@taller.cl');
    sheet.getRange(2, 2).setValue('sup');
    expect(sheet.dump()[1]![1]).toBe('sup');
  });

  it('refused at the flush: the write is buffered, changes nothing, and the next flush or read throws once', () => {
    const b = book();
    protect(b, 'B2');
    b.refusalAt = 'flush';
    const sheet = b.sheet('Hoja');
    sheet.getRange(2, 2).setValue('x');
    sheet.getRange(3, 2).setValue('y'); // not protected: written
    expect(() => b.flush()).toThrow(PROTECTED_MESSAGE);
    expect(() => b.flush()).not.toThrow();
    sheet.getRange(2, 2).setValue('x');
    expect(() => sheet.getRange(1, 1).getValues()).toThrow(PROTECTED_MESSAGE);
    expect(sheet.dump().map((r) => r[1])).toEqual(['B', 'b2', 'y']);
  });

  it('a protected sheet with ranges left editable; warning-only protections let scripts write', () => {
    const b = book();
    b.actAs('supervisora@taller.cl');
    const p = b.sheet('Hoja').protect();
    p.removeEditors(p.getEditors()).addEditor('supervisora@taller.cl');
    p.setUnprotectedRanges([b.sheet('Hoja').getRange('C:C')]);
    b.actAs('tablet@taller.cl');
    expect(b.sheet('Hoja').getProtections('SHEET')).toEqual([p]);
    expect(() => b.sheet('Hoja').getRange('A2').setValue('x')).toThrow(PROTECTED_MESSAGE);
    b.sheet('Hoja').getRange('C2').setValue('x');
    p.setWarningOnly(true);
    b.sheet('Hoja').getRange('A2').setValue('y');
    expect(b.sheet('Hoja').dump()[1]).toEqual(['y', 'b2', 'x']);
  });

  it('the adapter names what refuses: protectedAreas lists what this user may not write', () => {
    const b = book();
    protect(b, 'B2:C3');
    const adapter = new AppsScriptSpreadsheet(b);
    expect(adapter.protectedAreas('Hoja')).toEqual([
      { rect: { row: 2, col: 2, numRows: 2, numCols: 2 }, except: [] },
    ]);
    const error = failure(() => adapter.writeCells('Hoja', [{ row: 2, col: 2, value: 'x' }]));
    expect(error.message).toBe(
      'FORBIDDEN: La hoja Hoja (rango B2) está protegida; pida acceso a quien la protegió.',
    );
  });
});

describe('a commit refused at the flush by protections the adapter cannot list', () => {
  it('finds the refused range by flushing each undo, and claims nothing it does not know', () => {
    const b = book();
    protect(b, 'B2');
    b.refusalAt = 'flush';
    const adapter = new AppsScriptSpreadsheet(b, { flush: () => b.flush() });
    // An adapter without protectedAreas (e.g. getProtections unavailable).
    const blind = Object.assign(Object.create(adapter) as AppsScriptSpreadsheet, {
      protectedAreas: undefined,
    });
    const uow = new UnitOfWork(blind);
    const table = uow.table({ sheet: 'Hoja', required: ['A', 'B', 'C'] });
    uow.set(table, 2, 'B', 'x');
    uow.set(table, 3, 'A', 'z');
    const error = failure(() => uow.commit());
    // A3 was written and put back; B2's undo was refused like its write: it never changed.
    expect(error.message).toBe(
      'FORBIDDEN: La hoja Hoja (rango B2) está protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(b.sheet('Hoja').dump().slice(1)).toEqual([
      ['a2', 'b2', 'c2'],
      ['a3', 'b3', 'c3'],
    ]);
  });
});
