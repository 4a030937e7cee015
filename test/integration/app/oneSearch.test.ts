// Issue 15 §1 "Fewer searches": a writing request whose rows a hint names (FINALIZAR with the listed tags,
// INICIAR and the Panel's release with the listed OT) makes ONE findAll: the replay check (Metadata's ID,
// `<requestId>-1`) and the Operaciones and Uniones searches share one spreadsheet-wide TextFinder. What the
// hint cannot know is still searched for after, and a hit elsewhere never counts.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { releaseSpool } from '../../../src/app/panel/releaseSpool';
import { startWork } from '../../../src/app/startWork';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { addRawRows } from '../../support/panel';
import { failure } from '../../support/failure';
import {
  BACKENDS,
  NOW,
  armRequest,
  environment,
  progressBook,
  records,
  trackingBook,
} from '../../support/tracking';

const HOUR = 3_600_000;
/** Every findAll made since the last reset, wherever it went (a sheet or the whole spreadsheet). */
const findAlls = (book: FakeSpreadsheet) =>
  book.calls.calls.filter((c) => c.method === 'findAll').map((c) => c.target);
const dumps = (book: FakeSpreadsheet) =>
  ['Operaciones', 'Uniones', 'Metadata'].map((s) => book.sheet(s).dump());

/** A book of 3 OTs of 10 unions, listed for OT 001 (cache warm), calls reset. */
function listed(backend: (typeof BACKENDS)[number]) {
  const book = progressBook({ ots: 3, unionsPerOt: 10, armed: 0, welded: 0 });
  const env = environment(book, NOW, backend);
  const listing = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
  const listedTags = listing.spools.map((s) => s.tagSpool);
  book.calls.keepLog = true;
  env.resetCalls();
  return { book, env, listedTags };
}

describe.each(BACKENDS)('one findAll for a hinted writing request (%s)', (backend) => {
  it('FINALIZAR 10 with the listed tags: one spreadsheet-wide findAll, not 3 per-sheet ones', () => {
    const { book, env, listedTags } = listed(backend);
    const keys = Array.from({ length: 10 }, (_, i) => `001+${i + 1}`);
    const result = finishWork(env.ports(), { ...armRequest(keys, 'req-one-fin'), listedTags });
    expect(result.updated).toEqual(keys);
    expect(findAlls(book)).toEqual(['(spreadsheet)']);
  });

  it('INICIAR with the listed OT: one findAll', () => {
    // Cache cold: with it warm, the header check reads row 1 with the spool's block, and the OT of a neighbour
    // read in that block is searched for after (a fallback left as it was).
    const book = progressBook({ ots: 3, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book, NOW, backend);
    const request = { tagSpool: 'SP-002', operation: 'ARM' as const, workerId: 93, requestId: 'req-one-ini' };
    expect(startWork(env.ports(), { ...request, listedOt: '002' })).toMatchObject({ tagSpool: 'SP-002' });
    expect(findAlls(book)).toEqual(['(spreadsheet)']);
  });

  it("the Panel's release with the listed OT: one findAll for the id and the rows", () => {
    const { book, env } = listed(backend);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-one-take' });
    env.clock.set(NOW + HOUR);
    env.resetCalls();
    const released = releaseSpool(env.ports(), {
      tagSpool: 'SP-001',
      workerId: 98,
      reason: 'Se fue',
      requestId: 'req-one-free',
      listedOt: '001',
    });
    expect(released).toMatchObject({ tagSpool: 'SP-001', formerHolder: 'MR(93)', replayed: false });
    expect(findAlls(book)).toEqual(['(spreadsheet)']);
  });

  it('without a hint: the request id on Metadata first, then the OT (its spools first on SpreadsheetApp), then both sheets in one search (and the tags in one more on the Sheets API)', () => {
    const { book, env } = listed(backend);
    finishWork(env.ports(), armRequest(['001+1'], 'req-one-plain'));
    expect(findAlls(book)).toEqual(
      backend === 'spreadsheetApp'
        ? ['Metadata', 'Operaciones', '(spreadsheet)']
        : ['Metadata', '(spreadsheet)', '(spreadsheet)'],
    );
  });

  it('the same text under another column or in another sheet is not read as a row of the OT', () => {
    // 60 spools: OT 001's row and spool 060's row are blocks apart, so a hit there would cost a read.
    const make = () => progressBook({ ots: 60, unionsPerOt: 2, armed: 0, welded: 0 });
    const run = (book: FakeSpreadsheet) => {
      const env = environment(book, NOW, backend);
      listUnions(env.ports(), { ot: '001', operation: 'ARM' });
      env.resetCalls();
      const result = finishWork(env.ports(), {
        ...armRequest(['001+1'], 'req-one-decoy'),
        listedTags: ['SP-001'],
      });
      return { result, cellsRead: env.price().cellsRead, searches: findAlls(book) };
    };
    const plain = run(make());
    const decoyed = make();
    const header = decoyed.sheet('Operaciones').dump()[0]!.map(String);
    decoyed
      .sheet('Operaciones')
      .getRange(61, header.indexOf('Notas') + 1)
      .setValue('SP-001');
    decoyed
      .sheet('Operaciones')
      .getRange(60, header.indexOf('Item_OC') + 1)
      .setValue("'001");
    decoyed.addSheet('Apuntes', [['nota'], ['SP-001'], ['001'], ['req-one-decoy-1']]);
    const seen = run(decoyed);
    expect(seen.result).toEqual(plain.result);
    expect(seen.searches).toEqual(['(spreadsheet)']);
    expect(seen.cellsRead).toBe(plain.cellsRead);
  });

  it('a spool added to the OT after the listing, its union with a blank OT: found by the searches after', () => {
    const book = trackingBook({
      spools: [
        { ot: '001', tag: 'SP-001' },
        { ot: '002', tag: 'SP-002' },
      ],
      unions: [
        { ot: '001', n: 1 },
        { ot: '002', n: 1 },
      ],
    });
    const env = environment(book, NOW, backend);
    const listing = listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    const header = book.sheet('Operaciones').dump()[0]!.map(String);
    book.sheet('Operaciones').insertRowsAfter(3, 1);
    book
      .sheet('Operaciones')
      .getRange(4, 1, 1, header.length)
      .setValues([header.map((h) => (h === 'OT' ? "'001" : h === 'TAG_SPOOL' ? 'SP-001B' : ''))]);
    book
      .sheet('Uniones')
      .appendRow(['', '', 2, 'SP-001B', 6, 'BW', '', '', '', '', '', '', '', '', '', '', 1]);
    book.calls.keepLog = true;
    env.resetCalls();
    const result = finishWork(env.ports(), {
      ...armRequest(['001+2'], 'req-one-added'),
      listedTags: listing.spools.map((s) => s.tagSpool),
    });
    expect(result.updated).toEqual(['001+2']);
    expect(records(book, 'Uniones').find((r) => r.TAG_SPOOL === 'SP-001B')!.ARM_WORKER).toBe('MR(93)');
    // The one search, then the unlisted tag's own search on Uniones.
    expect(findAlls(book)[0]).toBe('(spreadsheet)');
    expect(book.calls.log.some((c) => c.includes('.findAll') && c.includes('SP-001B'))).toBe(true);
  });

  it('a union row with a blank OT is found through its listed tag in the one search', () => {
    const book = trackingBook({
      spools: [{ ot: '001', tag: 'SP-001' }],
      unions: [
        { ot: '001', n: 1 },
        { ot: '', n: 2, tag: 'SP-001' },
      ],
    });
    const env = environment(book, NOW, backend);
    listUnions(env.ports(), { ot: '001', operation: 'ARM' });
    env.resetCalls();
    const result = finishWork(env.ports(), {
      ...armRequest(['001+2'], 'req-one-blank'),
      listedTags: ['SP-001'],
    });
    expect(result.updated).toEqual(['001+2']);
    expect(records(book, 'Uniones').find((r) => r.N_UNION === 2)!.ARM_WORKER).toBe('MR(93)');
    expect(findAlls(book)).toEqual(['(spreadsheet)']);
  });
});

describe.each(BACKENDS)('the replay check inside the one search (%s)', (backend) => {
  it('a request id replayed a day later answers the first result, writes nothing, one findAll', () => {
    const { book, env, listedTags } = listed(backend);
    const request = { ...armRequest(['001+1', '001+2'], 'req-one-day'), listedTags };
    const first = finishWork(env.ports(), request);
    env.clock.advance(25 * HOUR);
    const before = dumps(book);
    env.resetCalls();
    const again = finishWork(env.ports(), request);
    expect(again).toEqual({ ...first, replayed: true });
    expect(dumps(book)).toEqual(before);
    expect(findAlls(book)).toEqual(['(spreadsheet)']);
    expect(env.price().writes).toBe(0);
  });

  it('the same id with another request is VALIDATION, nothing written', () => {
    const { book, env, listedTags } = listed(backend);
    finishWork(env.ports(), { ...armRequest(['001+1'], 'req-one-twice'), listedTags });
    const before = dumps(book);
    expect(
      failure(() => finishWork(env.ports(), { ...armRequest(['001+3'], 'req-one-twice'), listedTags }))
        .message,
    ).toMatch(/^VALIDATION: El requestId req-one-twice ya se usó para otra solicitud/);
    expect(dumps(book)).toEqual(before);
  });

  it('an unreadable record of the id is CONFLICT naming its cell', () => {
    const { book, env, listedTags } = listed(backend);
    addRawRows(book, [{ ID: 'req-one-broken-1', Metadata_JSON: '{not json' }]);
    const before = dumps(book);
    expect(
      failure(() => finishWork(env.ports(), { ...armRequest(['001+1'], 'req-one-broken'), listedTags }))
        .message,
    ).toMatch(/^CONFLICT: La solicitud req-one-broken ya se registró.*Metadata!J2/);
    expect(dumps(book)).toEqual(before);
  });

  it('the request id as text in another sheet or column, or an ID that is also the OT, is no replay', () => {
    const { book, env, listedTags } = listed(backend);
    // Another system's events numbered 1, 2… (ID "1" matches OT 001's pattern), the id under TAG_SPOOL.
    addRawRows(book, [
      { ID: 1, TAG_SPOOL: 'req-one-text-1', Metadata_JSON: '{}' },
      { ID: 'SP-001', Metadata_JSON: '{}' },
    ]);
    book.addSheet('Apuntes', [['nota'], ['req-one-text-1']]);
    const result = finishWork(env.ports(), { ...armRequest(['001+1'], 'req-one-text'), listedTags });
    expect(result).toMatchObject({ updated: ['001+1'], replayed: false });
    expect(records(book, 'Metadata').some((r) => r.ID === 'req-one-text-1')).toBe(true);
  });
});
