// Issue 15 §3: the audit log's next row comes from a hint stored by the request before, checked by a window
// of rows read in the request's batch; a hint gone stale (rows appended by the other system, rows deleted
// by hand) is caught and the position found as before. The replay check still searches the whole log.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { APPEND_WINDOW_ROWS } from '../../../src/data/uow/appendWindow';
import { BACKENDS, armRequest, environment, progressBook, records } from '../../support/tracking';

/** A log row as the other system (the shop's web app) writes it. */
const webAppRow = (i: number) => [
  `web-${i}`,
  '22-11-2026 09:00:00',
  'INICIAR_SPOOL',
  'SP-009',
  7,
  'Ana',
  'ARM',
  'INICIAR',
  '22-11-2026',
  '{}',
  '',
];

function setUp(backend: (typeof BACKENDS)[number]) {
  const book = progressBook({ ots: 1, unionsPerOt: 10, armed: 0, welded: 0 });
  const env = environment(book, undefined, backend);
  // The first request finds the log's end itself and stores the hint.
  finishWork(env.ports(), armRequest(['001+1'], 'req-hint-1'));
  book.calls.keepLog = true;
  book.calls.reset();
  return { book, env };
}

const locating = (log: readonly string[]) => log.filter((c) => /^Metadata\.(getLastRow|getMaxRows)/.test(c));
const ids = (book: ReturnType<typeof progressBook>) => records(book, 'Metadata').map((r) => String(r.ID));

describe.each(BACKENDS)('the audit append hint (%s)', (backend) => {
  it('a request with a good hint places its audit rows with no call to find the log’s end', () => {
    const { book, env } = setUp(backend);
    const before = ids(book);
    finishWork(env.ports(), armRequest(['001+2'], 'req-hint-2'));
    expect(locating(book.calls.log)).toEqual([]);
    const after = ids(book);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual(['req-hint-2-1', 'req-hint-2-2', 'req-hint-2-3']);
  });

  it('rows appended by the other system between two requests: ours go after theirs, none overwritten', () => {
    const { book, env } = setUp(backend);
    for (let i = 1; i <= 5; i++) book.sheet('Metadata').appendRow(webAppRow(i));
    finishWork(env.ports(), armRequest(['001+2'], 'req-hint-3'));
    expect(locating(book.calls.log)).toEqual([]);
    expect(ids(book).slice(-8)).toEqual([
      'web-1',
      'web-2',
      'web-3',
      'web-4',
      'web-5',
      'req-hint-3-1',
      'req-hint-3-2',
      'req-hint-3-3',
    ]);
  });

  it('more rows appended meanwhile than the window holds: the stale hint is caught and the end found', () => {
    const { book, env } = setUp(backend);
    const extra = APPEND_WINDOW_ROWS + 10;
    for (let i = 1; i <= extra; i++) book.sheet('Metadata').appendRow(webAppRow(i));
    finishWork(env.ports(), armRequest(['001+2'], 'req-hint-4'));
    expect(locating(book.calls.log).length).toBeGreaterThan(0);
    const all = ids(book);
    expect(all.filter((id) => id.startsWith('web-'))).toHaveLength(extra);
    expect(all.slice(-4)).toEqual([`web-${extra}`, 'req-hint-4-1', 'req-hint-4-2', 'req-hint-4-3']);
    expect(all.filter((id) => id === '')).toEqual([]);
  });

  it('log rows deleted by hand (the hint points below the end): caught, the rows go right after the last', () => {
    const { book, env } = setUp(backend);
    const sheet = book.sheet('Metadata');
    const count = records(book, 'Metadata').length;
    sheet.deleteRows(2, count); // a supervisor clears the log
    finishWork(env.ports(), armRequest(['001+2'], 'req-hint-5'));
    expect(locating(book.calls.log).length).toBeGreaterThan(0);
    expect(ids(book)).toEqual(['req-hint-5-1', 'req-hint-5-2', 'req-hint-5-3']);
  });

  it('the grid shrunk by hand below the hint: the window cannot be read, the end is found, no retry', () => {
    const { book, env } = setUp(backend);
    const count = records(book, 'Metadata').length;
    book.sheet('Metadata').deleteRows(2, count);
    // The blank rows below the log go too: the stored hint now points past the grid's end.
    book.sheet('Metadata').deleteRows(2, book.sheet('Metadata').getMaxRows() - 1);
    finishWork(env.ports(), armRequest(['001+2'], 'req-hint-6'));
    expect(book.calls.log.filter((c) => c.startsWith('Metadata.findAll'))).toHaveLength(1);
    expect(ids(book)).toEqual(['req-hint-6-1', 'req-hint-6-2', 'req-hint-6-3']);
  });

  it('a requestId replayed a day later is still recognised: nothing is written twice', () => {
    const { book, env } = setUp(backend);
    const first = finishWork(env.ports(), armRequest(['001+2'], 'req-hint-day'));
    for (let i = 1; i <= 30; i++)
      finishWork(env.ports(), armRequest([`001+${(i % 8) + 3}`], `req-fill-${i}`));
    env.clock.advance(25 * 3600_000);
    const rows = records(book, 'Metadata').length;
    const again = finishWork(env.ports(), armRequest(['001+2'], 'req-hint-day'));
    expect(again).toEqual({ ...first, replayed: true });
    expect(records(book, 'Metadata')).toHaveLength(rows);
  });
});
