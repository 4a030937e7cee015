// Adversarial review of "text written as plain text without reading formats" (issue 15): every writer on
// columns formatted by the shop, over previous values of every type; a failed commit puts every value back
// exactly, whichever of its calls failed, and never turns text into a number or a date (or back).
import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { releaseSpool } from '../../../src/app/panel/releaseSpool';
import { startWork } from '../../../src/app/startWork';
import type { Cell } from '../../../src/domain/cell';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { formatColumns } from '../../support/formats';
import { armRequest, environment, rowOf, tagOf, trackingBook } from '../../support/tracking';

const OCCUPIED = {
  Ocupado_Por: 'MR(93)',
  // Written as text by the other system into a column the shop formats as a date.
  Fecha_Ocupacion: '22-11-2026 09:00:00',
  Estado_Detalle: 'MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)',
};

/** OT 001, one spool taken for ARM; `spool` overrides its cells (values as the sheet holds them). */
function occupiedBook(spool: Record<string, Cell> = {}): FakeSpreadsheet {
  return trackingBook({
    spools: [{ ot: '001', tag: tagOf('001'), ...OCCUPIED, version: '0011', ...spool }],
    unions: [1, 2, 3].map((n) => ({ ot: '001', n, version: `0${n}` })),
  });
}

const SPOOL_COLUMNS = ['Ocupado_Por', 'Fecha_Ocupacion', 'Estado_Detalle', 'version'];
const spoolRow = (book: FakeSpreadsheet) => rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === 'SP-001');
const dumps = (book: FakeSpreadsheet) => ['Operaciones', 'Uniones'].map((s) => book.sheet(s).dump());

const FORMATS = ['dd-mm-yyyy hh:mm:ss', '0.00', '"$"#,##0', '0%', ''];

describe('a failed commit puts every text back as text, whichever call failed (SpreadsheetApp)', () => {
  it.each(FORMATS.flatMap((f) => ['setNumberFormats', 'setValues'].map((m) => [f, m] as const)))(
    'CANCELAR on columns formatted %j, %s refused: "22-11-2026 09:00:00" and "0011" stay text',
    (format, method) => {
      const book = occupiedBook();
      formatColumns(book, 'Operaciones', SPOOL_COLUMNS, format);
      const env = environment(book);
      const before = dumps(book);
      book.calls.injectFault({ sheet: 'Operaciones', method });
      failure(() => finishWork(env.ports(), armRequest([], 'req-bp-cancel')));
      expect(dumps(book)).toEqual(before);
      const row = spoolRow(book);
      expect(row.Fecha_Ocupacion).toBe('22-11-2026 09:00:00');
      expect(row.version).toBe('0011');
      expect(row.Ocupado_Por).toBe('MR(93)');
    },
  );

  it.each(['setNumberFormats', 'setValues'])(
    "the Panel's release with %s refused: the spool's text cells as they were",
    (method) => {
      const book = occupiedBook();
      formatColumns(book, 'Operaciones', SPOOL_COLUMNS, 'dd-mm-yyyy');
      const env = environment(book);
      const before = dumps(book);
      book.calls.injectFault({ sheet: 'Operaciones', method });
      failure(() =>
        releaseSpool(env.ports(), {
          tagSpool: 'SP-001',
          workerId: 98,
          reason: 'Se fue',
          requestId: 'req-bp-rel',
        }),
      );
      expect(dumps(book)).toEqual(before);
      expect(spoolRow(book).Fecha_Ocupacion).toBe('22-11-2026 09:00:00');
    },
  );

  it.each(['setNumberFormats', 'setValues'])(
    'FINALIZAR with %s refused on Uniones: union versions "01".."03" stay text, the spool as it was',
    (method) => {
      const book = occupiedBook();
      formatColumns(book, 'Uniones', ['ARM_FECHA_INICIO', 'ARM_FECHA_FIN', 'ARM_WORKER', 'version'], '0');
      const env = environment(book);
      const before = dumps(book);
      book.calls.injectFault({ sheet: 'Uniones', method });
      failure(() => finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-bp-fin')));
      expect(dumps(book)).toEqual(before);
      expect(rowOf(book, 'Uniones', (r) => r.N_UNION === 1).version).toBe('01');
    },
  );
});

describe('text with a leading apostrophe as part of its value (SpreadsheetApp)', () => {
  it.each(['setNumberFormats', 'setValues'])(
    'a failed CANCELAR puts back the version "\'0011" with its apostrophe (%s refused)',
    (method) => {
      const book = occupiedBook();
      const sheet = book.sheet('Operaciones');
      const col = sheet.dump()[0]!.map(String).indexOf('version') + 1;
      // A plain-text cell keeps a typed apostrophe as part of its text.
      sheet.getRange(2, col).setNumberFormat('@');
      sheet.putCell(2, col, "'0011");
      book.calls.reset();
      const env = environment(book);
      const before = dumps(book);
      book.calls.injectFault({ sheet: 'Operaciones', method });
      failure(() => finishWork(env.ports(), armRequest([], 'req-bp-apos')));
      expect(dumps(book)).toEqual(before);
      expect(spoolRow(book).version).toBe("'0011");
    },
  );
});
