import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { startWork } from '../../../src/app/startWork';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { formatColumns } from '../../support/formats';
import { readMetadataRow, readSheetDate } from '../../support/sharedSheetReader';
import { armRequest, BACKENDS, environment, progressBook, records, rowOf } from '../../support/tracking';

const UNION_DATES = ['ARM_FECHA_INICIO', 'ARM_FECHA_FIN', 'ARM_WORKER', 'SOL_FECHA_INICIO', 'SOL_FECHA_FIN'];
const SPOOL_DATES = ['Fecha_Ocupacion', 'Fecha_Armado', 'Armador', 'Ocupado_Por', 'Estado_Detalle'];
const METRICS = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];
const START = '22-11-2026 10:00:00';
const END = '22-11-2026 10:40:00';

describe('values read back as meant, whatever the cell format (issue 14 §3)', () => {
  const formats = ['@', 'dd-mm-yyyy hh:mm:ss', '0.00', ''];
  for (const backend of BACKENDS) {
    it.each(formats)(
      `${backend}: union and spool dates in columns formatted %j are the text design §2 wants`,
      (format) => {
        const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
        formatColumns(book, 'Uniones', UNION_DATES, format);
        formatColumns(book, 'Operaciones', SPOOL_DATES, format);
        const env = environment(book, undefined, backend);
        startWork(env.ports(), {
          tagSpool: 'SP-001',
          operation: 'ARM',
          workerId: 93,
          requestId: 'req-fmt-1',
        });
        // Fecha_Ocupacion is what FINALIZAR later takes as the start: it must read back as written.
        const taken = rowOf(book, 'Operaciones', (r) => r.OT === '001');
        expect(taken.Fecha_Ocupacion).toBe(START);
        expect(readSheetDate(taken.Fecha_Ocupacion)).toMatchObject({ kind: 'text', time: '10:00:00' });
        expect(listUnions(env.ports(), { ot: '001', operation: 'ARM' }).spools[0]!.fechaOcupacion).toBe(
          START,
        );

        env.clock.advance(40 * 60_000);
        const result = finishWork(env.ports(), armRequest(['001+1', '001+2', '001+3', '001+4'], 'req-fmt-2'));
        expect(result.spools[0]!.action).toBe('COMPLETAR');
        for (const n of [1, 2, 3, 4]) {
          const union = rowOf(book, 'Uniones', (r) => r.N_UNION === n);
          // Stored as exactly this text: no leading apostrophe kept, no date the sheet's locale guessed.
          expect([union.ARM_FECHA_INICIO, union.ARM_FECHA_FIN, union.ARM_WORKER]).toEqual([
            START,
            END,
            'MR(93)',
          ]);
          expect(readSheetDate(union.ARM_FECHA_INICIO)).toEqual({
            kind: 'text',
            day: 22,
            month: 11,
            year: 2026,
            time: '10:00:00',
          });
        }
        const spool = rowOf(book, 'Operaciones', (r) => r.OT === '001');
        expect(spool.Fecha_Armado).toBe('22-11-2026');
        expect(spool.Armador).toBe('MR(93)');
        expect(spool.Estado_Detalle).toBe('Disponible - ARM completado, SOLD pendiente');
        // Our own reader: the start is the INICIAR time, not lost.
        const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
        expect(listed.warnings).toEqual([]);
        expect(listed.unions.map((u) => [u.arm.inicio, u.arm.fin])).toEqual(
          Array.from({ length: 4 }, () => [START, END]),
        );
      },
    );

    it(`${backend}: metrics written into plain-text metric columns are numbers`, () => {
      const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
      formatColumns(book, 'Operaciones', METRICS, '@');
      const env = environment(book, undefined, backend);
      finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-fmt-3'));
      const spool = rowOf(book, 'Operaciones', (r) => r.OT === '001');
      expect(METRICS.map((m) => spool[m])).toEqual([4, 2, 0, 10.5, 0]);
    });

    it(`${backend}: audit rows in a Metadata formatted as text and as dates read as the other system needs`, () => {
      const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
      book.sheet('Metadata').growRows(50);
      formatColumns(
        book,
        'Metadata',
        ['ID', 'Timestamp', 'TAG_SPOOL', 'Fecha_Operacion', 'Metadata_JSON'],
        '@',
      );
      formatColumns(book, 'Metadata', ['N_UNION', 'Worker_ID'], 'dd-mm-yyyy');
      const env = environment(book, undefined, backend);
      finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-fmt-4'));
      const log = records(book, 'Metadata');
      expect(log.map((row) => readMetadataRow(row).kind)).toEqual(['spool', 'union', 'union', 'batch']);
      expect(log.map((row) => row.Worker_ID)).toEqual([93, 93, 93, 93]);
      expect(log.map((row) => row.N_UNION)).toEqual(['', 1, 2, '']);
      for (const row of log) expect(readSheetDate(row.Timestamp)).toMatchObject({ kind: 'text' });
      // The request is found again by its id: a replay writes nothing twice.
      const replay = finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-fmt-4'));
      expect(replay.replayed).toBe(true);
      expect(records(book, 'Metadata')).toHaveLength(4);
    });
  }

  it('a failed commit puts text back into plain-text cells as it was, without an apostrophe', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    formatColumns(book, 'Operaciones', SPOOL_DATES, '@');
    formatColumns(book, 'Uniones', UNION_DATES, '@');
    const env = environment(book);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-fmt-5' });
    const before = ['Operaciones', 'Uniones'].map((s) => book.sheet(s).dump());
    // The Operaciones write fails after Uniones was written: both are put back.
    book.calls.injectFault({ sheet: 'Operaciones', method: 'setValues' });
    failure(() => finishWork(env.ports(), armRequest(['001+1'], 'req-fmt-6')));
    expect(['Operaciones', 'Uniones'].map((s) => book.sheet(s).dump())).toEqual(before);
    expect(rowOf(book, 'Operaciones', (r) => r.OT === '001').Fecha_Ocupacion).toBe(START);
  });
});
