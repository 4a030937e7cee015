// Issue 15 §2: a cached header is proved by the column tags (developer metadata that Sheets moves with its
// column) in one find for the request, not by a read of row 1 per sheet. Each hand edit of a header that
// the tags must catch is made between two requests, and the cells show the write went to the right column.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { migrateSchema } from '../../../src/app/migrateSchema';
import { startWork } from '../../../src/app/startWork';
import { METADATA_HEADER } from '../../../src/data/productionHeaders';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import type { Backend } from '../../../src/memory/memoryPorts';
import type { BlockRead, Ports } from '../../../src/ports';
import { armRequest, environment, progressBook, records } from '../../support/tracking';

/** 80 OTs of 5 unions and 300 old audit events: OT 070's rows lie far from every header row. */
function middleBook(): FakeSpreadsheet {
  const book = progressBook({ ots: 80, unionsPerOt: 5, armed: 0, welded: 0 });
  const old = Array.from({ length: 300 }, (_, i) =>
    METADATA_HEADER.map((name) =>
      name === 'ID' ? `old-${i + 1}` : name === 'Timestamp' ? '01-11-2026' : '',
    ),
  );
  book.sheet('Metadata').load([[...METADATA_HEADER], ...old]);
  return book;
}

const OT = '070';
const start = (requestId: string) => ({
  tagSpool: `SP-${OT}`,
  operation: 'ARM' as const,
  workerId: 93,
  requestId,
  listedOt: OT,
});
/** FINALIZAR ARM of OT's unions by MR(93) (armRequest, on this file's OT). */
const finish = (requestId: string, keys = [`${OT}+1`, `${OT}+2`]) => ({
  ...armRequest(keys, requestId),
  ot: OT,
});

/** Ports that record every rectangle read; with `refuseRowOne`, a read of row 1 throws. */
function watched(ports: Ports, refuseRowOne = false) {
  const port = ports.spreadsheet;
  const reads: BlockRead[] = [];
  const spreadsheet = Object.create(port) as Ports['spreadsheet'];
  spreadsheet.readBlocks = (blocks, options) => {
    reads.push(...blocks);
    const top = blocks.find((b) => b.rect.row === 1);
    if (refuseRowOne && top) throw new Error(`row 1 of ${top.sheet} read`);
    return port.readBlocks(blocks, options);
  };
  spreadsheet.readSheets = (names, headerOnly = []) => {
    if (refuseRowOne && headerOnly.length > 0) throw new Error(`headers of ${headerOnly.join(', ')} read`);
    return port.readSheets(names, headerOnly);
  };
  const rowOneOf = () => [...new Set(reads.filter((r) => r.rect.row === 1).map((r) => r.sheet))].sort();
  return { ports: { ...ports, spreadsheet }, rowOneOf };
}

const calls = (book: FakeSpreadsheet, method: string) => book.calls.calls.filter((c) => c.method === method);
const tagsOf = (book: FakeSpreadsheet, sheet: string) =>
  book.developerMetadata
    .dump()
    .filter((t) => t.sheet === sheet)
    .map((t) => `${t.col}=${t.value}`);
const union = (book: FakeSpreadsheet, n: number) =>
  records(book, 'Uniones').find((r) => r.OT === OT && r.N_UNION === n)!;
const spool = (book: FakeSpreadsheet) => records(book, 'Operaciones').find((r) => r.OT === OT)!;
const columnOf = (book: FakeSpreadsheet, sheet: string, name: string) =>
  book.sheet(sheet).dump()[0]!.indexOf(name) + 1;

/** Tags written by the migration, the cache warmed by a listing: the steady state of a shop. */
function tagged(backend: Backend = 'spreadsheetApp') {
  const book = middleBook();
  const env = environment(book, undefined, backend);
  migrateSchema(env.ports(), { dryRun: false });
  listUnions(env.ports(), { ot: OT, operation: 'ARM' });
  book.calls.keepLog = true;
  return { book, env };
}

describe('column tags (issue 15 §2), SpreadsheetApp', () => {
  it('the migration tags the schema columns of Operaciones, Uniones and Metadata, once', () => {
    const { book, env } = tagged();
    expect(tagsOf(book, 'Operaciones')).toHaveLength(19);
    expect(tagsOf(book, 'Operaciones')).toContain(
      `${columnOf(book, 'Operaciones', 'Ocupado_Por')}=ocupadopor`,
    );
    expect(tagsOf(book, 'Operaciones').some((t) => t.endsWith('=ct'))).toBe(false); // not ours
    expect(tagsOf(book, 'Uniones')).toHaveLength(17);
    expect(tagsOf(book, 'Metadata')).toEqual(
      METADATA_HEADER.map((h, i) => `${i + 1}=${h.toLowerCase().replace(/_/g, '')}`),
    );
    env.resetCalls();
    expect(migrateSchema(env.ports(), { dryRun: false }).upToDate).toBe(true);
    expect(calls(book, 'addDeveloperMetadata')).toHaveLength(0);
  });

  it('cache warm, tags in place: INICIAR and FINALIZAR of a middle OT read no row 1 (one find each)', () => {
    const { book, env } = tagged();
    env.resetCalls();
    const started = startWork(watched(env.ports(), true).ports, start('req-tags-start'));
    expect(started).toMatchObject({ tagSpool: `SP-${OT}` });
    expect(spool(book).Ocupado_Por).toBe('MR(93)');
    expect(calls(book, 'developerMetadata.find')).toHaveLength(1);
    env.resetCalls();
    const finished = finishWork(watched(env.ports(), true).ports, finish('req-tags-finish'));
    expect(finished.updated).toEqual([`${OT}+1`, `${OT}+2`]);
    expect(union(book, 1).ARM_WORKER).toBe('MR(93)');
    expect(union(book, 3).ARM_WORKER).toBe('');
    expect(spool(book).Ocupado_Por).toBe('');
    expect(calls(book, 'developerMetadata.find')).toHaveLength(1);
    expect(calls(book, 'addDeveloperMetadata')).toHaveLength(0); // tags agreed: nothing re-tagged
    expect(finished.warnings).toEqual([]);
  });

  it('without tags the same requests would read row 1: the guard above is not vacuous', () => {
    const book = middleBook();
    const env = environment(book);
    listUnions(env.ports(), { ot: OT, operation: 'ARM' });
    expect(() => startWork(watched(env.ports(), true).ports, start('req-tags-guard'))).toThrow(
      /row 1|headers of/,
    );
  });

  const edits: Array<[string, (book: FakeSpreadsheet) => void]> = [
    [
      'a column inserted before ARM_FECHA_INICIO',
      (book) => {
        const sheet = book.sheet('Uniones');
        const at = columnOf(book, 'Uniones', 'ARM_FECHA_INICIO');
        sheet.insertColumnBefore(at);
        sheet.getRange(1, at).setValue('Notas');
      },
    ],
    [
      'column ID deleted (every column after it moves left)',
      (book) => book.sheet('Uniones').deleteColumns(1),
    ],
    [
      'ARM_WORKER moved to the first column',
      (book) => {
        const sheet = book.sheet('Uniones');
        sheet.moveColumns(sheet.getRange(1, columnOf(book, 'Uniones', 'ARM_WORKER')), 1);
      },
    ],
    [
      'ARM_WORKER renamed, and a new ARM_WORKER inserted right after it',
      (book) => {
        const sheet = book.sheet('Uniones');
        const at = columnOf(book, 'Uniones', 'ARM_WORKER');
        sheet.getRange(1, at).setValue('ARM_WORKER_VIEJO');
        sheet.insertColumnsAfter(at, 1);
        sheet.getRange(1, at + 1).setValue('ARM_WORKER');
      },
    ],
  ];

  it.each(edits)('%s by hand between two requests: caught before any write, cells right', (_, edit) => {
    const { book, env } = tagged();
    edit(book);
    const before = records(book, 'Uniones').find((r) => r.OT === OT && r.N_UNION === 1)!;
    const result = finishWork(env.ports(), finish('req-tags-edit'));
    expect(result.updated).toEqual([`${OT}+1`, `${OT}+2`]);
    const after = union(book, 1);
    // Only the ARM columns changed, each holding what it should.
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.sort()).toEqual(['ARM_FECHA_FIN', 'ARM_FECHA_INICIO', 'ARM_WORKER', 'version']);
    expect(after.ARM_WORKER).toBe('MR(93)');
    expect(String(after.ARM_FECHA_FIN)).toMatch(/^22-11-2026 10:00:00$/);
    expect(after.ARM_WORKER_VIEJO ?? '').toBe('');
    // The request found the tags disagreeing and re-tagged Uniones from the header it read: the next one
    // needs no row 1 (its cached header is the one read after the edit).
    const next = watched(env.ports(), true);
    expect(finishWork(next.ports, finish('req-tags-next', [`${OT}+3`])).updated).toEqual([`${OT}+3`]);
    expect(union(book, 3).ARM_WORKER).toBe('MR(93)');
  });

  it('Operaciones: a column deleted before TAG_SPOOL and Ocupado_Por moved, then INICIAR writes the right cells', () => {
    const { book, env } = tagged();
    const sheet = book.sheet('Operaciones');
    sheet.deleteColumns(columnOf(book, 'Operaciones', 'CT'));
    sheet.moveColumns(sheet.getRange(1, columnOf(book, 'Operaciones', 'Ocupado_Por')), 2);
    const before = spool(book);
    startWork(env.ports(), start('req-tags-ops'));
    const after = spool(book);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.sort()).toEqual(['Estado_Detalle', 'Fecha_Ocupacion', 'Ocupado_Por', 'version']);
    expect(after.Ocupado_Por).toBe('MR(93)');
  });

  it('no tags yet (an old spreadsheet): row 1 is read, the first write tags, the next request reads no row 1', () => {
    const book = middleBook();
    const env = environment(book);
    listUnions(env.ports(), { ot: OT, operation: 'ARM' }); // headers cached, no tags
    expect(book.developerMetadata.dump()).toEqual([]); // a read-only request never tags
    const first = watched(env.ports());
    startWork(first.ports, start('req-tags-first'));
    expect(first.rowOneOf()).toEqual(['Metadata', 'Operaciones', 'Uniones']);
    expect(tagsOf(book, 'Operaciones')).toHaveLength(19);
    expect(tagsOf(book, 'Uniones')).toHaveLength(17);
    expect(tagsOf(book, 'Metadata')).toHaveLength(11);
    const second = watched(env.ports(), true);
    expect(finishWork(second.ports, finish('req-tags-second')).updated).toEqual([`${OT}+1`, `${OT}+2`]);
  });

  it('a listing with tags disagreeing reads row 1 and tags nothing (read-only)', () => {
    const book = middleBook();
    const env = environment(book);
    listUnions(env.ports(), { ot: OT, operation: 'ARM' });
    book.calls.keepLog = true;
    env.resetCalls();
    const listing = watched(env.ports());
    expect(listUnions(listing.ports, { ot: OT, operation: 'ARM' }).unions).toHaveLength(5);
    expect(listing.rowOneOf()).toEqual(['Operaciones', 'Uniones']);
    expect(calls(book, 'developerMetadata.find')).toHaveLength(1);
    expect(calls(book, 'addDeveloperMetadata')).toHaveLength(0);
  });

  it('a tag that cannot be written after the work is saved is a warning, not a failure', () => {
    const book = middleBook();
    const env = environment(book);
    listUnions(env.ports(), { ot: OT, operation: 'ARM' });
    book.calls.injectFault({ method: 'addDeveloperMetadata', times: 100 });
    const result = finishWork(env.ports(), finish('req-tags-fault'));
    expect(result.updated).toEqual([`${OT}+1`, `${OT}+2`]);
    expect(union(book, 1).ARM_WORKER).toBe('MR(93)');
    expect(result.warnings.join(' ')).toMatch(/No se pudieron marcar las columnas de/);
  });
});

describe('column tags, Sheets API path', () => {
  it('unchanged: no find, no tag, row 1 read in the batch as before', () => {
    const { book, env } = tagged('sheetsApi');
    expect(book.developerMetadata.dump()).toEqual([]);
    env.resetCalls();
    const result = finishWork(env.ports(), finish('req-tags-api'));
    expect(result.updated).toEqual([`${OT}+1`, `${OT}+2`]);
    expect(calls(book, 'developerMetadata.find')).toHaveLength(0);
    expect(book.developerMetadata.dump()).toEqual([]);
  });
});
