// Request ids that cannot lie (issue 7 §1): bound to the request's fingerprint, remembered in the audit log
// with the work itself, recognised for as long as the log keeps the event, whatever the request held.

import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { readJobStatus, runMetricsJob } from '../../../src/app/metricsJob';
import { startWork } from '../../../src/app/startWork';
import { CELL_MAX_CHARS, PROPERTY_MAX_BYTES, utf8Length } from '../../../src/domain/boundedJson';
import { failure } from '../../support/failure';
import {
  armRequest,
  BACKENDS,
  environment,
  progressBook,
  records,
  rowOf,
  tagOf,
  trackingBook,
} from '../../support/tracking';

const HOUR = 3600 * 1000;
const iniciar = (ot: string, requestId: string, workerId = 93) => ({
  tagSpool: tagOf(ot),
  operation: 'ARM' as const,
  workerId,
  requestId,
});
const spoolRow = (book: ReturnType<typeof progressBook>, ot: string) =>
  rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf(ot));

describe.each(BACKENDS)('a requestId reused for another request (%s)', (backend) => {
  it('INICIAR of spool 008 with the id of INICIAR 001 is refused and takes nothing', () => {
    const book = progressBook({ ots: 8, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book, undefined, backend);
    startWork(env.ports(), iniciar('001', 'req-shared-id'));
    const events = records(book, 'Metadata').length;
    expect(failure(() => startWork(env.ports(), iniciar('008', 'req-shared-id'))).message).toMatch(
      /^VALIDATION: El requestId req-shared-id ya se usó para otra solicitud/,
    );
    expect(spoolRow(book, '008').Ocupado_Por).toBe('');
    expect(spoolRow(book, '001').Ocupado_Por).toBe('MR(93)');
    expect(records(book, 'Metadata')).toHaveLength(events);
  });

  it('a FINALIZAR sent with an INICIAR id gets an error, not the INICIAR answer, and writes nothing', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book, undefined, backend);
    startWork(env.ports(), iniciar('001', 'req-iniciar-1'));
    const before = book.sheet('Uniones').dump();
    expect(failure(() => finishWork(env.ports(), armRequest(['001+1'], 'req-iniciar-1'))).message).toMatch(
      /^VALIDATION: /,
    );
    expect(book.sheet('Uniones').dump()).toEqual(before);
  });
});

describe('the same request replayed', () => {
  it('with its keys in another order or repeated is the same request: the first answer, nothing written', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 6, armed: 0, welded: 0 });
    const env = environment(book);
    const first = finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-order-1'));
    const events = records(book, 'Metadata').length;
    const again = finishWork(env.ports(), armRequest(['001+2', ' 001+1', '001+2'], 'req-order-1'));
    expect(again).toEqual({ ...first, replayed: true });
    expect(records(book, 'Metadata')).toHaveLength(events);
  });

  it('is recognised after 2,000 other requests and 25 hours: the spool is not re-occupied, no duplicate event', () => {
    const book = progressBook({ ots: 2, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book);
    const first = startWork(env.ports(), iniciar('001', 'req-first-iniciar'));
    const cancel = { ...armRequest([], 'req-first-cancel') };
    finishWork(env.ports(), cancel);
    // 2,000 more requests on spool 002: INICIAR, then FINALIZAR with nothing selected (CANCELAR), 1,000 times.
    for (let i = 0; i < 1000; i++) {
      env.clock.advance(40_000);
      startWork(env.ports(), iniciar('002', `req-bulk-iniciar-${i}`));
      finishWork(env.ports(), { ...armRequest([], `req-bulk-cancel-${i}`), ot: '002' });
    }
    env.clock.advance(25 * HOUR);
    const events = records(book, 'Metadata').length;
    expect(events).toBe(2002);
    const replayed = startWork(env.ports(), iniciar('001', 'req-first-iniciar'));
    expect(replayed).toEqual({ ...first, replayed: true });
    expect(spoolRow(book, '001').Ocupado_Por).toBe('');
    expect(finishWork(env.ports(), cancel).replayed).toBe(true);
    expect(records(book, 'Metadata')).toHaveLength(events);
  }, 60_000); // 2,000 requests in the in-memory services (each audit row now carries its formats): CPU of the fake, not a cost

  it('whose stored record cannot be read is a CONFLICT naming the cell, and writes nothing', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book);
    finishWork(env.ports(), armRequest(['001+1'], 'req-garbled-1'));
    book.sheet('Metadata').putCell(2, 10, '{cortado');
    const before = book.sheet('Uniones').dump();
    expect(failure(() => finishWork(env.ports(), armRequest(['001+1'], 'req-garbled-1'))).message).toBe(
      'CONFLICT: La solicitud req-garbled-1 ya se registró, pero su resultado no se puede leer (Metadata!J2); recargue la OT antes de seguir.',
    );
    expect(book.sheet('Uniones').dump()).toEqual(before);
  });
});

describe('request ids and the platform limits', () => {
  it('skipped keys full of multi-byte characters leave every later request working', () => {
    const book = progressBook({ ots: 2, unionsPerOt: 10, armed: 0, welded: 0 });
    const env = environment(book);
    const odd = Array.from({ length: 400 }, (_, i) => `001+${i + 30}${'\u200b'.repeat(40)}`);
    const first = finishWork(env.ports(), armRequest(['001+1', ...odd.slice(0, 399)], 'req-zwsp-1'));
    expect(first.skipped).toHaveLength(399);
    for (let i = 2; i <= 4; i++) {
      const result = finishWork(env.ports(), armRequest([`001+${i}`], `req-after-${i}`));
      expect(result.updated).toEqual([`001+${i}`]);
    }
    for (const [key, value] of Object.entries(env.propertiesService.document.getProperties())) {
      expect(utf8Length(key) + utf8Length(value), key).toBeLessThanOrEqual(PROPERTY_MAX_BYTES);
    }
    expect(finishWork(env.ports(), armRequest(['001+1', ...odd.slice(0, 399)], 'req-zwsp-1')).replayed).toBe(
      true,
    );
  });

  it('a long skipped list is summarised in Metadata_JSON within a cell, as valid JSON', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book);
    const missing = Array.from({ length: 500 }, (_, i) => `001+${i + 100}-${'x'.repeat(50)}`);
    finishWork(env.ports(), armRequest(['001+1', ...missing.slice(0, 499)], 'req-long-1'));
    const first = rowOf(book, 'Metadata', (r) => r.ID === 'req-long-1-1');
    const json = String(first.Metadata_JSON);
    expect(json.length).toBeLessThanOrEqual(CELL_MAX_CHARS);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(parsed._omitidos).toBeDefined();
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a replay whose stored answer had to be summarised says so, instead of passing a cut list off as whole', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book);
    const missing = Array.from({ length: 499 }, (_, i) => `001+${i + 100}-${'x'.repeat(50)}`);
    const request = armRequest(['001+1', ...missing], 'req-long-replay');
    const first = finishWork(env.ports(), request);
    expect(first.skipped).toHaveLength(499);
    expect(first.warnings).toEqual([]);
    const again = finishWork(env.ports(), request);
    expect(again.replayed).toBe(true);
    expect(again.updated).toEqual(['001+1']);
    expect(again.skipped.length).toBeLessThan(499);
    const row = records(book, 'Metadata').findIndex((r) => r.ID === 'req-long-replay-1') + 2;
    expect(again.warnings).toEqual([
      `Respuesta repetida resumida: la lista skipped muestra ${again.skipped.length} de 499 (el registro original está en Metadata!J${row}).`,
    ]);
  });

  it('properties that fail after the sheets were written never turn done work into an error', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 4, armed: 0, welded: 0 });
    const env = environment(book);
    const store = env.propertiesService.document;
    store.setProperty = () => {
      throw new Error('Exception: Service unavailable: Properties');
    };
    const result = finishWork(env.ports(), armRequest(['001+1'], 'req-props-down'));
    expect(result.updated).toEqual(['001+1']);
    expect(rowOf(book, 'Uniones', (r) => r.N_UNION === 1).ARM_WORKER).toBe('MR(93)');
    const retry = finishWork(env.ports(), armRequest(['001+1'], 'req-props-down'));
    expect(retry).toEqual({ ...result, replayed: true });
  });

  it('a job status naming hundreds of repeated tags fits in its property', () => {
    const tags = Array.from({ length: 300 }, (_, i) => `SPOOL-REPETIDO-ÑANDÚ-${String(i).padStart(4, '0')}`);
    const book = trackingBook({
      spools: tags.flatMap((tag, i) => [
        { ot: String(i + 1), tag },
        { ot: String(i + 1), tag },
      ]),
      unions: [],
    });
    const env = environment(book);
    const status = runMetricsJob(env.ports(), 'menu');
    expect(status.state).toBe('done');
    const records = Object.entries(env.propertiesService.document.getProperties()).filter(([key]) =>
      key.startsWith('jobrun:'),
    );
    expect(records).toHaveLength(1);
    expect(utf8Length(records[0]![0]) + utf8Length(records[0]![1])).toBeLessThanOrEqual(PROPERTY_MAX_BYTES);
    expect(readJobStatus(env.ports().properties)).toMatchObject({ state: 'done', total: 0 });
  });
});
