// Every writer refused by a protection says which sheet and range, in Spanish, and what is left (issue 14 §2):
// the audit log every writing request appends to, INICIAR, the release of a spool, the metrics recompute,
// and a refusal mixed with an undo that fails.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { recomputeAllMetrics } from '../../../src/app/metrics';
import { releaseSpool } from '../../../src/app/panel/releaseSpool';
import { startWork } from '../../../src/app/startWork';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { armRequest, BACKENDS, environment, NOW, progressBook, records, rowOf } from '../../support/tracking';

const SUPERVISOR = 'supervisora@taller.cl';
const WORKER = 'tablet-taller@taller.cl';
const SHEETS = ['Operaciones', 'Uniones', 'Metadata'];
const snapshot = (book: FakeSpreadsheet) => SHEETS.map((name) => book.sheet(name).dump());

/** `sheet` protected whole (no range given) or in `ranges`, editable by the supervisor alone. */
function protect(book: FakeSpreadsheet, sheet: string, ranges: string[] = []) {
  book.actAs(SUPERVISOR);
  const protections =
    ranges.length === 0
      ? [book.sheet(sheet).protect()]
      : ranges.map((a1) => book.sheet(sheet).getRange(a1).protect());
  for (const p of protections) p.removeEditors(p.getEditors()).addEditor(SUPERVISOR);
  book.actAs(WORKER);
}

const PATHS = [
  ['spreadsheetApp', 'write'],
  ['spreadsheetApp', 'flush'],
  ['sheetsApi', 'write'],
] as const;

describe.each(PATHS)('a protected Metadata, through %s refused at the %s', (backend, at) => {
  it('FINALIZAR names Metadata and the rows of its events, and changes no cell', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    protect(book, 'Metadata');
    book.refusalAt = at;
    const env = environment(book, NOW, backend);
    const before = snapshot(book);
    const error = failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-meta-1')));
    // The spool event, the union event and the summary without N_UNION: 3 rows of 11 columns from row 2.
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar el registro de ARM de la OT 001: la hoja Metadata (rango A2:K4) está ' +
        'protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(error.message).not.toContain('no se supo cuál');
    expect(snapshot(book)).toEqual(before);
  });

  it('INICIAR names Metadata A2:K2 and leaves the spool free', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    protect(book, 'Metadata');
    book.refusalAt = at;
    const env = environment(book, NOW, backend);
    const before = snapshot(book);
    const error = failure(() =>
      startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-meta-2' }),
    );
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar el inicio de ARM del spool SP-001: la hoja Metadata (rango A2:K2) ' +
        'está protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(snapshot(book)).toEqual(before);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Ocupado_Por).toBe('');
  });
});

describe.each(BACKENDS)('other writers on protected ranges (%s)', (backend) => {
  it('apiReleaseSpool on a protected Operaciones: FORBIDDEN naming the row written, the spool still held', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 2, welded: 0 });
    const env = environment(book, NOW - 3_600_000, backend);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-take' });
    env.clock.set(NOW);
    protect(book, 'Operaciones');
    const before = snapshot(book);
    const error = failure(() =>
      releaseSpool(env.ports(), {
        tagSpool: 'SP-001',
        workerId: 98,
        reason: 'Se fue sin finalizar',
        requestId: 'req-release-protected',
      }),
    );
    // Ocupado_Por, Fecha_Ocupacion, version, Estado_Detalle: one rectangle of row 2.
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar la liberación del spool SP-001: la hoja Operaciones (rango BO2:BR2) ' +
        'está protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(snapshot(book).slice(0, 2)).toEqual(before.slice(0, 2));
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['INICIAR_SPOOL', 'ERROR']);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Ocupado_Por).toBe('MR(93)');
  });

  it('the metrics recompute on protected metric columns: FORBIDDEN naming them, no metric written', () => {
    const book = progressBook({ ots: 2, unionsPerOt: 4, armed: 2, welded: 1 });
    protect(book, 'Operaciones', ['BS:BW']);
    const env = environment(book, NOW, backend);
    const before = snapshot(book);
    const error = failure(() => recomputeAllMetrics(env.ports(), 'req-metrics-protected'));
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar el recálculo de métricas: la hoja Operaciones (rango BS2:BW3) está ' +
        'protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(snapshot(book).slice(0, 2)).toEqual(before.slice(0, 2));
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Total_Uniones).toBe('');
  });
});

describe('a refusal and an undo that fails, in one commit', () => {
  it('SpreadsheetApp: only the range written whose undo failed is named as possibly written', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    protect(book, 'Operaciones', ['AJ:AK']);
    const env = environment(book);
    // Uniones is written first (G9:I11 then its version column Q9:Q11); Operaciones is refused; the undo of
    // Q9:Q11 (newest first: the third Uniones setValues) fails, the undo of G9:I11 lands.
    book.calls.injectFault({ sheet: 'Uniones', method: 'setValues', after: 2 });
    const error = failure(() =>
      finishWork(env.ports(), armRequest(['001+8', '001+9', '001+10'], 'req-mixed-1')),
    );
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar el registro de ARM de la OT 001: la hoja Operaciones (rango AJ2:AK2) ' +
        'está protegida; pida acceso a quien la protegió. No se pudo deshacer todo: pueden haber quedado ' +
        'escritas Uniones!Q9:Q11; revise esas celdas antes de intentar de nuevo.',
    );
    // What the message says is what the sheet holds: G:I restored, Q still holds the new versions.
    const unions = records(book, 'Uniones').slice(7);
    expect(unions.map((u) => u.ARM_WORKER)).toEqual(['', '', '']);
    expect(unions.every((u) => u.version !== 1)).toBe(true);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Armador).toBe('');
    const event = JSON.parse(String(records(book, 'Metadata').at(-1)!.Metadata_JSON)) as Record<
      string,
      unknown
    >;
    expect(event.notRestored).toEqual(['Uniones!Q9:Q11']);
    expect(event.error).toBe(error.message);
  });

  it('Sheets API: the batch is refused whole, so nothing is named as possibly written', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    protect(book, 'Operaciones', ['AJ:AK']);
    const env = environment(book, NOW, 'sheetsApi');
    const before = snapshot(book);
    const error = failure(() =>
      finishWork(env.ports(), armRequest(['001+8', '001+9', '001+10'], 'req-mixed-2')),
    );
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo guardar el registro de ARM de la OT 001: la hoja Operaciones (rango AJ2:AK2) ' +
        'está protegida; pida acceso a quien la protegió. No se cambió ninguna celda.',
    );
    expect(snapshot(book).slice(0, 2)).toEqual(before.slice(0, 2));
  });
});
