import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { startWork } from '../../../src/app/startWork';
import { MetadataRepository } from '../../../src/data/metadataRepository';
import { UnitOfWork } from '../../../src/data/unitOfWork';
import type { MetadataEvent } from '../../../src/domain/events';
import { AppsScriptSpreadsheet } from '../../../src/gas/spreadsheetAdapter';
import {
  armRequest,
  environment,
  NOW,
  progressBook,
  records,
  rowOf,
  tagOf,
  trackingBook,
} from '../../support/tracking';
import { failure } from '../../support/failure';

describe('a write that fails half-way', () => {
  it.each([
    ['Operaciones', 'setValues'],
    ['Metadata', 'setValues'],
    ['Uniones', 'setValues'],
  ])('leaves every sheet as before when %s.%s fails, and logs the failure', (sheet, method) => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const before = ['Uniones', 'Operaciones'].map((s) => book.sheet(s).dump());
    book.calls.injectFault({ sheet, method });
    const error = failure(() => finishWork(env.ports(), armRequest(['001+8', '001+9'], 'req-test-0001')));
    expect(error.message).toBe(
      'INTERNAL: No se pudo guardar el registro de ARM de la OT 001; la planilla quedó como estaba. Intente de nuevo.',
    );
    expect(['Uniones', 'Operaciones'].map((s) => book.sheet(s).dump())).toEqual(before);
    const log = records(book, 'Metadata');
    expect(log.map((e) => e.Evento_Tipo)).toEqual(['ERROR']);
    expect(JSON.parse(String(log[0]!.Metadata_JSON))).toMatchObject({
      ot: '001',
      unionKeys: ['001+8', '001+9'],
    });
    // The request was not remembered: trying again works.
    const retry = finishWork(env.ports(), armRequest(['001+8', '001+9'], 'req-test-0001'));
    expect(retry.updated).toEqual(['001+8', '001+9']);
  });
});

describe('audit log chunking', () => {
  const event = (i: number): MetadataEvent => ({
    id: `ev-${i}`,
    timestamp: NOW,
    eventoTipo: 'UNION_ARM_REGISTRADA',
    tagSpool: 'SP-001',
    workerId: 93,
    workerNombre: 'MR(93)',
    operacion: 'ARM',
    accion: 'COMPLETAR',
    fechaOperacion: NOW,
    metadata: { i },
    nUnion: (i % 20) + 1,
  });

  it.each([
    [0, []],
    [1, [1]],
    [900, [900]],
    [901, [900, 1]],
    [2000, [900, 900, 200]],
  ])('%i events go out in appends of %j rows', (count, sizes) => {
    const book = progressBook({ ots: 1, unionsPerOt: 1, armed: 0, welded: 0 });
    const uow = new UnitOfWork(new AppsScriptSpreadsheet(book));
    new MetadataRepository(uow).logBatch(Array.from({ length: count }, (_, i) => event(i)));
    book.calls.keepLog = true;
    uow.commit();
    expect(book.calls.log.filter((c) => c.startsWith('Metadata.setValues'))).toEqual(
      sizes.map((n) => `Metadata.setValues ${n}x11`),
    );
    const rows = records(book, 'Metadata');
    expect(rows).toHaveLength(count);
    if (count > 0) expect(rows[count - 1]!.ID).toBe(`ev-${count - 1}`);
  });

  it('writes by header when Metadata has lower-case headers and an inserted column', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 1, armed: 0, welded: 0 });
    book
      .sheet('Metadata')
      .getRange(1, 1, 1, 11)
      .setValues([
        [
          'id',
          'timestamp',
          'evento_tipo',
          'tag_spool',
          'worker_id',
          'worker_nombre',
          'operacion',
          'accion',
          'fecha_operacion',
          'metadata_json',
          'N_UNION',
        ],
      ]);
    book.sheet('Metadata').insertColumnsAfter(2, 1);
    book.sheet('Metadata').getRange(1, 3).setValue('Nota');
    const uow = new UnitOfWork(new AppsScriptSpreadsheet(book));
    new MetadataRepository(uow).logBatch([event(1)]);
    uow.commit();
    const [row] = records(book, 'Metadata');
    expect(row).toMatchObject({
      id: 'ev-1',
      Nota: '',
      evento_tipo: 'UNION_ARM_REGISTRADA',
      worker_id: 93,
      N_UNION: 2,
    });
    expect(row!.timestamp).toBe('22-11-2026 10:00:00');
  });
});

describe('bad input', () => {
  const book = () => progressBook({ ots: 2, unionsPerOt: 10, armed: 7, welded: 5 });

  it('unknown OT, unknown worker, worker without the role, inactive worker', () => {
    const env = environment(book());
    expect(
      failure(() => finishWork(env.ports(), { ...armRequest(['9+1'], 'req-test-0001'), ot: '999' })).message,
    ).toBe('NOT_FOUND: No existe la OT 999.');
    expect(
      failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-test-0001', 12345))).message,
    ).toBe('NOT_FOUND: No existe el trabajador con Id 12345.');
    expect(failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-test-0001', 94))).message).toBe(
      'FORBIDDEN: JP(94) no tiene el rol para Armado (Armador o Ayudante).',
    );
    expect(failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-test-0001', 97))).message).toBe(
      'FORBIDDEN: El trabajador LM(97) no está activo.',
    );
    expect(failure(() => listUnions(env.ports(), { ot: '404', operation: 'ARM' })).message).toBe(
      'NOT_FOUND: No existe la OT 404.',
    );
  });

  it('an empty selection with no spool taken', () => {
    const env = environment(book());
    expect(failure(() => finishWork(env.ports(), armRequest([], 'req-test-0001'))).message).toMatch(
      /^VALIDATION: Seleccione al menos una unión/,
    );
  });

  it('SOLD cannot start on a spool with nothing armed, nor on a spool someone holds', () => {
    const b = progressBook({ ots: 1, unionsPerOt: 3, armed: 0, welded: 0 });
    const env = environment(b);
    expect(
      failure(() =>
        startWork(env.ports(), {
          tagSpool: 'SP-001',
          operation: 'SOLD',
          workerId: 94,
          requestId: 'req-s-0001',
        }),
      ).message,
    ).toBe('VALIDATION: El spool SP-001 no tiene uniones armadas: no se puede iniciar SOLD.');
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-s-0002' });
    expect(
      failure(() =>
        startWork(env.ports(), {
          tagSpool: 'SP-001',
          operation: 'ARM',
          workerId: 98,
          requestId: 'req-s-0003',
        }),
      ).message,
    ).toBe('CONFLICT: El spool SP-001 está ocupado por MR(93) desde 22-11-2026 10:00:00.');
  });

  it('a worker whose name starts with "=" is written as text, never a formula', () => {
    const b = trackingBook({
      spools: [{ ot: '001', tag: tagOf('001') }],
      unions: [{ ot: '001', n: 1 }],
      // Typed with a leading apostrophe in Trabajadores, so the cells hold this text.
      workers: [{ id: 99, nombre: "'=HACK", apellido: "'+SUM", activo: 'SI', roles: ['Armador'] }],
    });
    const env = environment(b);
    finishWork(env.ports(), armRequest(['001+1'], 'req-test-0001', 99));
    const union = rowOf(b, 'Uniones', (r) => r.N_UNION === 1);
    expect(union.ARM_WORKER).toBe('=+(99)');
    expect(b.sheet('Uniones').formulaAt(2, 9)).toBe('');
  });

  it('DN "2,5" counts as 2.5; a missing DN or an N_UNION out of 1–20 is listed as unreadable, never disponible', () => {
    const b = trackingBook({
      spools: [{ ot: '001', tag: tagOf('001') }],
      unions: [
        { ot: '001', n: 1, dn: '2,5' },
        { ot: '001', n: 2, dn: '' },
        { ot: '001', n: 21, dn: 6 },
        { ot: '001', n: 3, dn: 4, ARM_FECHA_FIN: 'ayer' },
        { ot: '', tag: tagOf('001'), n: 4, dn: 8 }, // blank OT: found through TAG_SPOOL
      ],
    });
    const env = environment(b);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.unions.map((u) => [u.key, u.dn, u.readable, u.disponible])).toEqual([
      ['001+1', 2.5, true, true],
      ['001+2', null, false, false],
      ['001+3', 4, false, false],
      ['001+4', 8, true, true],
      ['001+21', 6, false, false],
    ]);
    expect(listed.unions.find((u) => u.key === '001+2')!.reason).toBe(
      'Celda ilegible Uniones!E3 (DN_UNION): DN_UNION vacío',
    );
    expect(listed.warnings).toEqual([
      'Uniones!E3 (DN_UNION): DN_UNION vacío',
      'Uniones!C4 (N_UNION): N_UNION fuera de 1–20',
      'Uniones!H5 (ARM_FECHA_FIN): no se reconoce la fecha "ayer" (se espera DD-MM-AAAA [HH:MM:SS])',
    ]);
    const result = finishWork(env.ports(), armRequest(['001+1', '001+2', '001+4'], 'req-test-0001'));
    expect(result.updated).toEqual(['001+1', '001+4']);
    expect(result.pulgadas).toBe(10.5);
    expect(result.skipped).toEqual([
      { key: '001+2', reason: 'Celda ilegible Uniones!E3 (DN_UNION): DN_UNION vacío.' },
    ]);
  });
});

describe('a write that fails, and whose undo fails too', () => {
  it('a failing audit append comes first: nothing was written, and the message says so truthfully', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const before = ['Uniones', 'Operaciones'].map((name) => book.sheet(name).dump());
    book.calls.injectFault({ sheet: 'Metadata', method: 'setValues' });
    book.calls.injectFault({ sheet: 'Operaciones', method: 'setValues' });
    const error = failure(() =>
      finishWork(env.ports(), armRequest(['001+8', '001+9', '001+10'], 'req-undo-0')),
    );
    expect(error.message).toBe(
      'INTERNAL: No se pudo guardar el registro de ARM de la OT 001; la planilla quedó como estaba. Intente de nuevo.',
    );
    expect(['Uniones', 'Operaciones'].map((name) => book.sheet(name).dump())).toEqual(before);
  });

  it('says which cells could not be restored, and the ERROR event names them', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    const unionsBefore = book.sheet('Uniones').dump();
    // Operaciones' second rectangle fails after the completion stamp was written; its undo (nothing to
    // put back: it was not written) passes, and putting the stamp back (the fourth setValues) fails.
    book.calls.injectFault({ sheet: 'Operaciones', method: 'setValues', after: 1 });
    book.calls.injectFault({ sheet: 'Operaciones', method: 'setValues', after: 2 });
    const error = failure(() =>
      finishWork(env.ports(), armRequest(['001+8', '001+9', '001+10'], 'req-undo-1')),
    );
    // Fecha_Armado:Armador was written and could not be put back; Ocupado_Por … Pulgadas_SOLD was restored.
    const notRestored = ['Operaciones!AJ2:AK2'];
    expect(error.message).toBe(
      'INTERNAL: No se pudo guardar el registro de ARM de la OT 001, y no se pudo deshacer todo: pueden haber ' +
        `quedado escritas ${notRestored.join(', ')}. Revise esas celdas antes de intentar de nuevo.`,
    );
    expect(error.message).not.toContain('quedó como estaba');
    // What the message says is what the sheet shows: the completion stamp is still there; Uniones was restored
    // and the audit rows of the failed request were removed.
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001')).toMatchObject({
      Fecha_Armado: '22-11-2026',
      Armador: 'MR(93)',
    });
    expect(book.sheet('Uniones').dump()).toEqual(unionsBefore);
    const log = records(book, 'Metadata');
    expect(log.map((e) => e.Evento_Tipo)).toEqual(['ERROR']);
    expect(JSON.parse(String(log[0]!.Metadata_JSON))).toMatchObject({ ot: '001', notRestored });
  });

  it('names the Uniones cells when an Operaciones write fails and putting Uniones back fails too', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 7, welded: 5 });
    const env = environment(book);
    // Operaciones' write fails; Uniones' third and fourth setValues (its undo) fail too.
    book.calls.injectFault({ sheet: 'Operaciones', method: 'setValues' });
    book.calls.injectFault({ sheet: 'Uniones', method: 'setValues', after: 2, times: 2 });
    const error = failure(() => finishWork(env.ports(), armRequest(['001+8'], 'req-undo-2')));
    expect(error.message).toMatch(/pueden haber quedado escritas Uniones!G9:I9, Uniones!Q9\. /);
  });
});
