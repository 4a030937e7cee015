import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { startWork } from '../../../src/app/startWork';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { armRequest, BACKENDS, environment, progressBook, records, rowOf } from '../../support/tracking';

const SUPERVISOR = 'supervisora@taller.cl';
const WORKER = 'tablet-taller@taller.cl';

/** A supervisor protects ranges of a sheet so that only she may edit them (the way Apps Script scripts it). */
function protectAs(book: FakeSpreadsheet, who: string, sheet: string, ranges: string[]) {
  const running = book.activeUser;
  book.actAs(who);
  const protections = ranges.map((a1) => {
    const protection = book.sheet(sheet).getRange(a1).protect().setDescription('Solo supervisión');
    protection.removeEditors(protection.getEditors());
    protection.addEditor(who);
    return protection;
  });
  book.actAs(running);
  return protections;
}

const SHEETS = ['Operaciones', 'Uniones', 'Metadata', 'Trabajadores', 'Roles'];
const snapshot = (book: FakeSpreadsheet) => SHEETS.map((name) => book.sheet(name).dump());

const COMPLETAR_REFUSED =
  'FORBIDDEN: No se pudo guardar el registro de ARM de la OT 001: la hoja Operaciones (rangos AJ2:AK2, ' +
  'BO2:BW2) está protegida; pida acceso a quien la protegió. No se cambió ninguna celda.';

describe('a COMPLETAR refused by protected Operaciones columns (issue 14 §2)', () => {
  const cases = [
    ['spreadsheetApp', 'write'],
    ['spreadsheetApp', 'flush'],
    ['sheetsApi', 'write'],
  ] as const;
  it.each(cases)('through %s, refused at the %s: says why, changes nothing, logs the same', (backend, at) => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    protectAs(book, SUPERVISOR, 'Operaciones', ['AJ:AK', 'BO:BW']);
    book.actAs(WORKER);
    book.refusalAt = at;
    const env = environment(book, undefined, backend);
    const before = snapshot(book);
    const error = failure(() =>
      finishWork(env.ports(), armRequest(['001+8', '001+9', '001+10'], 'req-protected-1')),
    );
    expect(error.message).toBe(COMPLETAR_REFUSED);
    expect(error.message).not.toContain('pueden haber quedado escritas');
    // 0 cells changed on every sheet: Uniones was put back, the audit rows removed; only the ERROR event is new.
    const after = snapshot(book);
    expect(after.filter((_, i) => SHEETS[i] !== 'Metadata')).toEqual(
      before.filter((_, i) => SHEETS[i] !== 'Metadata'),
    );
    const log = records(book, 'Metadata');
    expect(log.map((e) => e.Evento_Tipo)).toEqual(['ERROR']);
    const event = JSON.parse(String(log[0]!.Metadata_JSON)) as Record<string, unknown>;
    expect(event.error).toBe(error.message);
    expect(event).toMatchObject({ ot: '001', details: { reason: 'PROTECTED' } });
    expect(event.notRestored).toBeUndefined();
  });

  it('works once the supervisor gives the worker access, with the same request id', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const protections = protectAs(book, SUPERVISOR, 'Operaciones', ['AJ:AK', 'BO:BW']);
    book.actAs(WORKER);
    const env = environment(book);
    const request = armRequest(['001+8', '001+9', '001+10'], 'req-protected-2');
    expect(failure(() => finishWork(env.ports(), request)).message).toBe(COMPLETAR_REFUSED);
    for (const p of protections) p.addEditor(WORKER);
    const result = finishWork(env.ports(), request);
    expect(result.spools[0]!.action).toBe('COMPLETAR');
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001')).toMatchObject({ Armador: 'MR(93)' });
  });

  it('a protected Uniones sheet: the union writes are refused, nothing else is left', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const running = book.activeUser;
    book.actAs(SUPERVISOR);
    const protection = book.sheet('Uniones').protect();
    protection.removeEditors(protection.getEditors()).addEditor(SUPERVISOR);
    book.actAs(running);
    book.actAs(WORKER);
    const env = environment(book);
    const before = snapshot(book);
    const error = failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-protected-3')));
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar el registro de ARM de la OT 001: la hoja Uniones (rangos G9:I9, Q9) ' +
        'está protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(snapshot(book).slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('a range left editable in a protected sheet is written; INICIAR on it works', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const running = book.activeUser;
    book.actAs(SUPERVISOR);
    const protection = book.sheet('Operaciones').protect();
    protection.removeEditors(protection.getEditors()).addEditor(SUPERVISOR);
    protection.setUnprotectedRanges([book.sheet('Operaciones').getRange('BO:BR')]);
    book.actAs(running);
    book.actAs(WORKER);
    const env = environment(book);
    const result = startWork(env.ports(), {
      tagSpool: 'SP-001',
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-protected-4',
    });
    expect(result.tagSpool).toBe('SP-001');
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Ocupado_Por).toBe('MR(93)');
  });
});
