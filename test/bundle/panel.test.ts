import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/domain/dates';
import { buildDemoWorkbook, demoTag } from '../../src/memory/demoWorkbook';
import { loadBundle } from '../support/bundle';
import { failure } from '../support/failure';
import { records } from '../support/tracking';

const HOUR = 3_600_000;

describe('the Panel API of build/Code.js on the demo workbook (issue 16)', () => {
  const now = Date.now();
  const book = buildDemoWorkbook({ events: { now } });
  const bundle = loadBundle(book);
  const json = <T>(value: T) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

  it('apiOccupiedSpools: the demo holds 008 since 30 hours (stale) and 005 since 90 minutes', () => {
    const result = bundle.call<{
      spools: Array<{ tagSpool: string; ocupadoPor: string; hours: number; stale: boolean }>;
      staleAfterHours: number;
    }>('apiOccupiedSpools');
    json(result);
    expect(result.spools.map((s) => [s.tagSpool, s.ocupadoPor, s.hours, s.stale])).toEqual([
      [demoTag(8), 'JP(94)', 30, true],
      [demoTag(5), 'CD(98)', 1.5, false],
    ]);
    expect(() => bundle.call('apiOccupiedSpools', { extra: 1 })).toThrow(/^VALIDATION: /);
  });

  it("apiWorkerDay: MR(93)'s ARM of 004 three and a half hours ago, and JP(94)'s SOLD written by the web app", () => {
    const date = formatDate(now - 3.5 * HOUR, 'America/Santiago');
    const mr = bundle.call<{ entries: Array<{ tagSpool: string; unions: number[] }> }>('apiWorkerDay', {
      workerId: 93,
      date,
    });
    json(mr);
    expect(mr.entries).toContainEqual(expect.objectContaining({ tagSpool: demoTag(4), unions: [3, 4, 5] }));
    const jp = bundle.call<{ entries: Array<{ tagSpool: string; operation: string }> }>('apiWorkerDay', {
      workerId: 94,
      date: formatDate(now - 2 * HOUR, 'America/Santiago'),
    });
    expect(jp.entries).toContainEqual(expect.objectContaining({ tagSpool: demoTag(6), operation: 'SOLD' }));
    expect(failure(() => bundle.call('apiWorkerDay', { workerId: 93, date: '2026-11-22' })).message).toBe(
      'VALIDATION: Solicitud inválida: date: la fecha debe ser DD-MM-AAAA.',
    );
  });

  it('apiSpoolHistory and apiReleaseSpool: 008 released with a reason, its session ends CANCELAR', () => {
    const released = bundle.call<{ formerHolder: string; replayed: boolean }>('apiReleaseSpool', {
      tagSpool: demoTag(8),
      workerId: 98,
      reason: 'Quedó tomado desde ayer',
      requestId: 'bundle-release-1',
    });
    expect(released).toMatchObject({ formerHolder: 'JP(94)', replayed: false });
    const spool = records(book, 'Operaciones').find((r) => r.TAG_SPOOL === demoTag(8))!;
    expect([spool.Ocupado_Por, spool.Fecha_Ocupacion]).toEqual(['', '']);
    const history = bundle.call<{ events: Array<{ type: string }>; sessions: Array<{ outcome: string }> }>(
      'apiSpoolHistory',
      { tagSpool: demoTag(8), limit: 10 },
    );
    json(history);
    expect(history.events.map((e) => e.type)).toEqual(['SPOOL_CANCELADO', 'INICIAR_SPOOL']);
    expect(history.sessions.map((s) => s.outcome)).toEqual(['CANCELAR']);
    expect(
      failure(() =>
        bundle.call('apiReleaseSpool', {
          tagSpool: demoTag(8),
          workerId: 98,
          reason: '',
          requestId: 'bundle-release-2',
        }),
      ).message,
    ).toBe('VALIDATION: Solicitud inválida: reason: el motivo es obligatorio.');
    expect(
      failure(() =>
        bundle.call('apiReleaseSpool', {
          tagSpool: demoTag(8),
          workerId: 98,
          reason: 'otra vez',
          requestId: 'bundle-release-3',
        }),
      ).message,
    ).toMatch(/^CONFLICT: El spool MK-1335-CW-25238-008 no está ocupado/);
  });
});
