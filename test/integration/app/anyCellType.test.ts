// Issue 7 §2 "Any cell type in any column": every example replayed on production-shaped sheets.

import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { getMetrics } from '../../../src/app/metrics';
import { startWork } from '../../../src/app/startWork';
import type { Cell } from '../../../src/domain/cell';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { BACKENDS, environment, NOW, records, rowOf, tagOf, trackingBook } from '../../support/tracking';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Sets one cell of a sheet by header name, as the sheet already holds it (a number stays a number). */
function put(book: FakeSpreadsheet, sheet: string, row: number, column: string, value: Cell, format = '') {
  const target = book.sheet(sheet);
  const col = target.dump()[0]!.indexOf(column) + 1;
  target.putCell(row, col, value);
  if (format) target.writeFormats(row, col, 1, 1, () => format);
}

function oneSpool() {
  return trackingBook({
    spools: [{ ot: '001', tag: tagOf('001') }],
    unions: [1, 2, 3].map((n) => ({ ot: '001', n })),
  });
}

describe('Trabajadores and Roles read by the meaning of each column', () => {
  it('Activo as 1/0, TRUE/FALSE, sí/no and x, ids as 93, "93", 93.0 and " 93 "', () => {
    const book = oneSpool();
    // Rows 2..7 hold workers 93..98 (DEMO_WORKERS); Roles rows follow the same order.
    const activo: Cell[] = [1, true, 'sí', 'x', 0, 'FALSE'];
    const ids: Cell[] = [93, '94', 94.0 + 1, ' 96 ', 97, 98];
    activo.forEach((value, i) => put(book, 'Trabajadores', i + 2, 'Activo', value));
    ids.forEach((value, i) => put(book, 'Trabajadores', i + 2, 'Id', value));
    put(book, 'Roles', 2, 'Id', '93');
    put(book, 'Roles', 2, 'Activo', 1);
    const env = environment(book);
    expect(
      bootstrap(env.ports())
        .workers.map((w) => w.display)
        .sort(),
    ).toEqual(['AS(95)', 'JP(94)', 'MR(93)', 'PS(96)']);
    const started = startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-activo-1',
    });
    expect(started.ocupadoPor).toBe('MR(93)');
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf('001')).Ocupado_Por).toBe('MR(93)');
  });

  it('an Activo that cannot be read (a Date) leaves that worker out, named by cell, and no one else', () => {
    const book = oneSpool();
    put(book, 'Trabajadores', 2, 'Activo', new Date(NOW));
    const env = environment(book);
    const workers = bootstrap(env.ports()).workers.map((w) => w.id);
    expect(workers).not.toContain(93);
    expect(workers).toContain(94);
    expect(() =>
      startWork(env.ports(), {
        tagSpool: tagOf('001'),
        operation: 'ARM',
        workerId: 93,
        requestId: 'req-date-1',
      }),
    ).toThrow(
      /^NOT_FOUND: No se puede leer al trabajador con Id 93: Trabajadores!D2 \(Activo\): se esperaba sí\/no/,
    );
    // Another worker still records.
    expect(
      startWork(env.ports(), {
        tagSpool: tagOf('001'),
        operation: 'ARM',
        workerId: 98,
        requestId: 'req-date-2',
      }).ocupadoPor,
    ).toBe('CD(98)');
  });
});

describe('version is an opaque token', () => {
  const OLD_SPOOL = '6f1c2e0a-1b2c-4d3e-8f40-5a6b7c8d9e0f';
  const OLD_UNION = 'a3f9b7c1-0d2e-4f5a-9b6c-7d8e9f0a1b2c';

  function uuidBook() {
    const book = trackingBook({
      spools: [{ ot: '001', tag: tagOf('001'), version: OLD_SPOOL }],
      unions: [1, 2, 3].map((n) => ({ ot: '001', n, version: OLD_UNION })),
    });
    return book;
  }

  it('UUID text is read without a warning, and a changed row gets a new UUID', () => {
    const book = uuidBook();
    const env = environment(book);
    const listed = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    expect(listed.warnings).toEqual([]);
    expect(listed.unions.map((u) => u.disponible)).toEqual([true, true, true]);
    startWork(env.ports(), { tagSpool: tagOf('001'), operation: 'ARM', workerId: 93, requestId: 'req-v-1' });
    const afterStart = rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf('001')).version;
    expect(afterStart).toMatch(UUID);
    expect(afterStart).not.toBe(OLD_SPOOL);
    const result = finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1', '001+2'],
      requestId: 'req-v-2',
      versions: Object.fromEntries(listed.unions.map((u) => [u.key, u.version])),
    });
    expect(result.updated).toEqual(['001+1', '001+2']);
    const versions = records(book, 'Uniones').map((u) => u.version);
    expect(versions[0]).toMatch(UUID);
    expect(versions[1]).toMatch(UUID);
    expect(new Set([versions[0], versions[1], OLD_UNION]).size).toBe(3);
    expect(versions[2]).toBe(OLD_UNION); // untouched row keeps its token
    const spoolVersion = rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf('001')).version;
    expect(spoolVersion).toMatch(UUID);
    expect(spoolVersion).not.toBe(afterStart);
  });
});

describe.each(BACKENDS)('an OT stored as the number 8 with format 000 (%s)', (backend) => {
  const TAG = 'SP-008';

  function book008() {
    const book = trackingBook({
      spools: [{ ot: '008', tag: TAG }],
      unions: [1, 2, 3].map((n) => ({ ot: '008', n, tag: TAG })),
    });
    put(book, 'Operaciones', 2, 'OT', 8, '000');
    put(book, 'Uniones', 2, 'OT', 8, '000');
    put(book, 'Uniones', 3, 'OT', '008'); // typed as text
    put(book, 'Uniones', 4, 'OT', 8); // no format: shows 8, resolved through its tag
    return book;
  }

  it('"008", "8" and the cell showing 008 are one OT whose keys use 008', () => {
    const book = book008();
    const env = environment(book, NOW, backend);
    for (const ot of ['008', '8', ' 8 ']) {
      const listed = listUnions(env.ports(), { ot, operation: 'ARM' });
      expect(listed.ot).toBe('008');
      expect(listed.unions.map((u) => u.key)).toEqual(['008+1', '008+2', '008+3']);
      expect(listed.warnings).toEqual([]);
    }
    // Display text is read only for key columns holding numbers, over the rows read: Operaciones OT and
    // Uniones OT, once each (SpreadsheetApp); the Sheets API has it in its one batchGet of the OT's rows.
    book.calls.keepLog = true;
    book.calls.reset();
    listUnions(env.ports(), { ot: '8', operation: 'ARM' });
    const displayReads = book.calls.log.filter((c) => /getDisplayValues|sheets-api\)\.get/.test(c));
    expect(displayReads).toEqual(
      backend === 'sheetsApi'
        ? ['(sheets-api).get']
        : ['Operaciones.getDisplayValues 2x1', 'Uniones.getDisplayValues 4x1'],
    );
    expect(getMetrics(env.ports(), { ot: '8' })).toMatchObject({
      ot: '008',
      spools: [{ tagSpool: TAG, totalUniones: 3 }],
    });
  });

  it('FINALIZAR takes keys typed with or without the zeros and answers with the shown OT', () => {
    const book = book008();
    const env = environment(book, NOW, backend);
    const result = finishWork(env.ports(), {
      ot: '8',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['8+1', '008+2', '0008+2'],
      requestId: 'req-008-1',
    });
    expect(result.skipped).toEqual([]);
    expect(result.ot).toBe('008');
    expect(result.updated).toEqual(['008+1', '008+2']);
    // The spool event's JSON names the OT as the sheet shows it too.
    const spoolEvent = records(book, 'Metadata').find((e) => e.ID === 'req-008-1-1')!;
    expect(JSON.parse(String(spoolEvent.Metadata_JSON))).toMatchObject({ ot: '008' });
    expect(records(book, 'Uniones').map((u) => u.ARM_WORKER)).toEqual(['MR(93)', 'MR(93)', '']);
    const second = finishWork(env.ports(), {
      ot: '008',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['8+3'],
      requestId: 'req-008-2',
    });
    expect(second.updated).toEqual(['008+3']);
    expect(second.spools.map((s) => s.action)).toEqual(['COMPLETAR']);
  });
});

describe.each(BACKENDS)('a Metadata sheet with a checkbox column down to row 1,000 (%s)', (backend) => {
  it('new events go right after the last event, and the checkboxes stay', () => {
    const book = oneSpool();
    const metadata = book.sheet('Metadata');
    const header = metadata.dump()[0]!;
    const checkCol = header.length + 1;
    metadata.putCell(1, checkCol, 'Revisado');
    metadata.putCell(2, 1, 'evento-previo');
    metadata.putCell(3, 1, 'evento-previo-2');
    for (let r = 2; r <= 1000; r++) metadata.putCell(r, checkCol, false);
    expect(metadata.lastRow()).toBe(1000);
    const env = environment(book, NOW, backend);
    startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-chk-1',
    });
    const rows = metadata.dump();
    expect(rows[3]![0]).toMatch(/./); // row 4: the INICIAR event
    expect(rows[3]![2]).not.toBe('');
    expect(rows[4]![0]).toBe(''); // nothing below it
    expect(rows.slice(1, 1000).every((r) => r[checkCol - 1] === false)).toBe(true);
    expect(metadata.lastRow()).toBe(1000);
    finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1'],
      requestId: 'req-chk-2',
    });
    const after = metadata.dump();
    const filled = after.map((r, i) => (r[0] !== '' ? i + 1 : 0)).filter((r) => r > 0);
    expect(filled).toEqual([1, 2, 3, 4, 5, 6, 7]); // header, 2 earlier events, INICIAR, then spool, union and batch events
  });

  it('appends after the last event when the log fills the grid to its last row', () => {
    const book = oneSpool();
    const metadata = book.sheet('Metadata');
    // A log used down to the grid's last row (as appends that inserted rows leave it).
    for (let r = 2; r <= 5; r++) metadata.putCell(r, 1, `evento-${r}`);
    const { maxRows } = metadata.dimensions;
    expect(maxRows).toBe(5);
    const env = environment(book, NOW, backend);
    startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-full-1',
    });
    const rows = metadata.dump();
    expect(rows).toHaveLength(maxRows + 1);
    expect(rows[maxRows]![0]).not.toMatch(/^evento-/);
    expect(rows[maxRows - 1]![0]).toBe(`evento-${maxRows}`);
  });
});
