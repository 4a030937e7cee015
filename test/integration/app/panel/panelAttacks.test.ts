// Review attacks on the Panel API (issue 16 §1–4): inputs as google.script.run hands them, and releases the
// list did not foresee (replayed a day later, by the holder, after the spool changed hands).

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../../src/app/finishWork';
import { occupiedSpools } from '../../../../src/app/panel/occupiedSpools';
import {
  releaseSpoolRequest,
  spoolHistoryRequest,
  workerDayRequest,
} from '../../../../src/app/panel/panelRequests';
import { releaseSpool } from '../../../../src/app/panel/releaseSpool';
import { parseRequest } from '../../../../src/app/requests';
import { startWork } from '../../../../src/app/startWork';
import { failure } from '../../../support/failure';
import { BACKENDS, NOW, environment, progressBook, records, rowOf, tagOf } from '../../../support/tracking';

const HOUR = 3_600_000;
const TAG = tagOf('001');
const dumps = (book: ReturnType<typeof progressBook>) =>
  ['Operaciones', 'Uniones', 'Metadata'].map((s) => book.sheet(s).dump());

function heldBy(workerId: number, backend: (typeof BACKENDS)[number] = 'spreadsheetApp') {
  const book = progressBook({ ots: 2, unionsPerOt: 4, armed: 2, welded: 0 });
  const env = environment(book, NOW - 15 * HOUR, backend);
  startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId, requestId: `req-take-${workerId}` });
  env.clock.set(NOW);
  return { book, env };
}

describe('Panel requests across google.script.run', () => {
  const bad = (schema: Parameters<typeof parseRequest>[0], input: unknown) =>
    failure(() => parseRequest(schema, input)).message;
  const release = { tagSpool: TAG, workerId: 98, reason: 'Se fue', requestId: 'req-attack-1' };

  it('refuses a limit that is 0, negative, fractional, huge or text', () => {
    for (const limit of [0, -5, 1.5, 1e9, '5', Number.NaN])
      expect(bad(spoolHistoryRequest, { tagSpool: TAG, limit })).toMatch(/^VALIDATION: .*limit/);
    expect(parseRequest(spoolHistoryRequest, { tagSpool: ` ${TAG} `, limit: 500 })).toEqual({
      tagSpool: TAG,
      limit: 500,
    });
  });

  it('refuses an ISO date, a blank tag, a reason of 60,000 characters or of spaces, a text workerId', () => {
    expect(bad(workerDayRequest, { workerId: 93, date: '2026-12-04' })).toMatch(
      /^VALIDATION: Solicitud inválida: date: /,
    );
    expect(bad(spoolHistoryRequest, { tagSpool: '   ' })).toMatch(
      /^VALIDATION: Solicitud inválida: tagSpool: /,
    );
    expect(bad(releaseSpoolRequest, { ...release, reason: 'x'.repeat(60_000) })).toMatch(
      /^VALIDATION: Solicitud inválida: reason: el motivo es demasiado largo/,
    );
    expect(bad(releaseSpoolRequest, { ...release, reason: '   ' })).toMatch(
      /^VALIDATION: Solicitud inválida: reason: /,
    );
    expect(bad(releaseSpoolRequest, { ...release, workerId: '98' })).toMatch(
      /^VALIDATION: Solicitud inválida: workerId: /,
    );
    expect(bad(releaseSpoolRequest, [release])).toMatch(/^VALIDATION: /);
    expect(bad(releaseSpoolRequest, { ...release, extra: 1 })).toMatch(/campos no esperados: extra/);
  });
});

describe.each(BACKENDS)('apiReleaseSpool under attack (%s)', (backend) => {
  it('a tag written as a formula is NOT_FOUND and nothing is written', () => {
    const { book, env } = heldBy(93, backend);
    const before = dumps(book);
    const request = { tagSpool: '=HYPERLINK("x")', workerId: 98, reason: '=1+1', requestId: 'req-f-1' };
    expect(failure(() => releaseSpool(env.ports(), request)).message).toMatch(/^NOT_FOUND: /);
    expect(dumps(book)).toEqual(before);
  });

  it('a reason written as a formula is stored as text inside Metadata_JSON', () => {
    const { book, env } = heldBy(93, backend);
    releaseSpool(env.ports(), { tagSpool: TAG, workerId: 98, reason: '=IMPORTXML(1)', requestId: 'req-f-2' });
    const json = String(records(book, 'Metadata').at(-1)!.Metadata_JSON);
    expect(json.startsWith('{')).toBe(true);
    expect(JSON.parse(json).reason).toBe('=IMPORTXML(1)');
  });

  it('replayed a day later answers the first result and writes nothing', () => {
    const { book, env } = heldBy(93, backend);
    const request = { tagSpool: TAG, workerId: 98, reason: 'Se fue', requestId: 'req-late-1' };
    const first = releaseSpool(env.ports(), request);
    const before = dumps(book);
    env.clock.set(NOW + 24 * HOUR);
    expect(releaseSpool(env.ports(), request)).toEqual({ ...first, replayed: true });
    expect(dumps(book)).toEqual(before);
  });

  it('a requestId reused for another spool is VALIDATION and writes nothing', () => {
    const { book, env } = heldBy(93, backend);
    releaseSpool(env.ports(), { tagSpool: TAG, workerId: 98, reason: 'Se fue', requestId: 'req-reuse-1' });
    startWork(env.ports(), {
      tagSpool: tagOf('002'),
      operation: 'ARM',
      workerId: 98,
      requestId: 'req-take-2',
    });
    const before = dumps(book);
    const other = { tagSpool: tagOf('002'), workerId: 98, reason: 'Se fue', requestId: 'req-reuse-1' };
    expect(failure(() => releaseSpool(env.ports(), other)).message).toBe(
      'VALIDATION: El requestId req-reuse-1 ya se usó para otra solicitud; cada solicitud nueva necesita su propio requestId.',
    );
    expect(dumps(book)).toEqual(before);
  });

  it('the holder may release their own spool', () => {
    const { book, env } = heldBy(98, backend);
    const result = releaseSpool(env.ports(), {
      tagSpool: TAG,
      workerId: 98,
      reason: 'Me equivoqué',
      requestId: 'req-own-1',
    });
    expect([result.formerHolder, result.releasedBy]).toEqual(['CD(98)', 'CD(98)']);
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === TAG).Ocupado_Por).toBe('');
  });

  it('a spool that changed hands since the list is a CONFLICT naming both, and nothing is written', () => {
    const { book, env } = heldBy(93, backend);
    const listed = occupiedSpools(env.ports()).spools.find((s) => s.tagSpool === TAG)!;
    expect(listed.ocupadoPor).toBe('MR(93)');
    // Meanwhile MR(93) finishes and CD(98) takes the spool; PS(96) releases from the old list.
    finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+3'],
      requestId: 'req-mr-fin',
    });
    startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId: 98, requestId: 'req-cd-take' });
    const before = dumps(book);
    const request = {
      tagSpool: TAG,
      workerId: 96,
      reason: 'MR se fue',
      requestId: 'req-stale-list',
      ocupadoPor: listed.ocupadoPor,
    };
    expect(failure(() => releaseSpool(env.ports(), request)).message).toBe(
      `CONFLICT: El spool ${TAG} ya no lo tiene MR(93): ahora lo tiene CD(98). Actualice la lista antes de liberarlo.`,
    );
    expect(dumps(book)).toEqual(before);
  });
});

describe('apiReleaseSpool with the OT the Panel listed (SpreadsheetApp)', () => {
  const searches = (log: string[], sheet: string) => log.filter((c) => c.startsWith(`${sheet}.findAll`));
  const run = (listedOt?: string) => {
    const { book, env } = heldBy(93);
    book.calls.keepLog = true;
    book.calls.reset();
    const request = { tagSpool: TAG, workerId: 98, reason: 'Se fue', requestId: 'req-hint-1', listedOt };
    const result = releaseSpool(env.ports(), request);
    return { result, log: [...book.calls.log], row: rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === TAG) };
  };

  it('searches once (request id, Operaciones and Uniones together) instead of 4 times, with the same answer and cells', () => {
    const without = run();
    const withHint = run('001');
    // Without it: the spool's row first, then its tag and OT on both sheets, then the OT's other rows.
    expect(searches(without.log, 'Operaciones')).toHaveLength(1);
    expect(searches(without.log, '(spreadsheet)').length).toBeGreaterThanOrEqual(1);
    expect(searches(withHint.log, 'Operaciones')).toHaveLength(0);
    expect(searches(withHint.log, 'Uniones')).toHaveLength(0);
    expect(searches(withHint.log, '(spreadsheet)')).toHaveLength(1);
    expect(withHint.result).toEqual(without.result);
    expect(withHint.row).toEqual(without.row);
  });

  it('a wrong listedOt costs the searches it saved, never a union', () => {
    const right = run('001');
    const wrong = run('002');
    expect(wrong.result).toEqual(right.result);
    expect(wrong.row).toEqual(right.row);
    expect(wrong.result.estadoDetalle).toBe('Disponible - ARM pausado, SOLD pendiente');
  });
});
