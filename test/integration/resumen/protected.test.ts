// A protected Resumen (issue 14 §2 for the refresh): the menu, the API and the hourly step answer FORBIDDEN in
// Spanish naming the protected sheet or ranges, keep the code, and change nothing (the protections are asked
// before the first write); when they cannot be asked, the refusal names what had changed.

import { describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../../src/app/resumen/scheduledJobs';
import { summaryService, SummaryJobService } from '../../../src/app/resumen/summaryJob';
import { MetricsJobService } from '../../../src/app/metricsJob';
import { JobRepository } from '../../../src/data/jobRepository';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { charts } from '../../support/resumen';
import { BACKENDS, environment, NOW, records, trackingBook } from '../../support/tracking';

const SUPERVISOR = 'supervisora@taller.cl';
const WORKER = 'tablet-taller@taller.cl';

function shop(backend: (typeof BACKENDS)[number]) {
  const book = trackingBook({
    spools: [{ ot: '001', tag: 'SP-001' }],
    unions: [
      { ot: '001', n: 1, dn: 4.5, ARM_FECHA_FIN: '20-11-2026 09:00:00', ARM_WORKER: 'MR(93)' },
      { ot: '001', n: 2, dn: 6 },
    ],
  });
  const env = environment(book, NOW, backend);
  // Resumen exists: made by an earlier refresh.
  summaryService(env.ports()).refresh('menu');
  return { book, env, refresh: () => summaryService(env.ports()).refresh('menu') };
}

/** Protects Resumen whole (no ranges) or the ranges given, for the supervisor alone; the worker runs next. */
function protect(book: FakeSpreadsheet, ranges: string[] = []) {
  book.actAs(SUPERVISOR);
  const sheet = book.sheet('Resumen');
  const protections =
    ranges.length === 0 ? [sheet.protect()] : ranges.map((a1) => sheet.getRange(a1).protect());
  for (const p of protections) p.removeEditors(p.getEditors()).addEditor(SUPERVISOR);
  book.actAs(WORKER);
}

const state = (book: FakeSpreadsheet) => ({
  values: book.sheet('Resumen').dump(),
  charts: charts(book),
});

describe.each(BACKENDS)('a protected Resumen (%s)', (backend) => {
  it('protected whole: FORBIDDEN naming the sheet, nothing changed in it', () => {
    const { book, env, refresh } = shop(backend);
    protect(book);
    env.clock.set(NOW + 3_600_000);
    const before = state(book);
    const error = failure(refresh);
    expect(error.message).toBe(
      'FORBIDDEN: No se pudo actualizar la hoja Resumen: la hoja Resumen (rangos A1:E31, G1:K31, M1:M31) ' +
        'está protegida; pida acceso a quien la protegió. No se cambió nada en la hoja Resumen.',
    );
    expect(error.message).not.toMatch(/INTERNAL|medio actualizar|protected cell/);
    expect(state(book)).toEqual(before);
    // The run's audit event says the same, in Spanish.
    const event = records(book, 'Metadata').at(-1)!;
    expect(event.Evento_Tipo).toBe('RESUMEN_PRODUCCION');
    expect(String(event.Metadata_JSON)).toContain('está protegida; pida acceso a quien la protegió');
  });

  it('a protected range inside it: only the ranges it touches are named', () => {
    const { book, env, refresh } = shop(backend);
    protect(book, ['M1:M10']);
    env.clock.set(NOW + 3_600_000);
    const before = state(book);
    expect(failure(refresh).message).toBe(
      'FORBIDDEN: No se pudo actualizar la hoja Resumen: la hoja Resumen (rango M1:M31) está protegida; ' +
        'pida acceso a quien la protegió. No se cambió nada en la hoja Resumen.',
    );
    expect(state(book)).toEqual(before);
  });

  it('protections that cannot be read: the refusal at the write names what had changed before it', () => {
    const { book, env, refresh } = shop(backend);
    protect(book, ['G1:K5']);
    book.calls.injectFault({ sheet: 'Resumen', method: 'getProtections', times: 2 });
    env.clock.set(NOW + 3_600_000);
    expect(failure(refresh).message).toBe(
      'FORBIDDEN: No se pudo actualizar la hoja Resumen: la hoja Resumen (rango G1:K2) está protegida; ' +
        'pida acceso a quien la protegió. Antes del rechazo ya se habían cambiado en ella: el gráfico, ' +
        'A1:E31, A2:E31; la próxima actualización la rehace entera.',
    );
  });

  it('the hourly run: the Resumen step fails with the same message, the metrics step stands', () => {
    const { book, env, refresh } = shop(backend);
    protect(book);
    env.clock.set(NOW + 3_600_000);
    const expected = failure(refresh).message;
    const before = state(book);
    const ports = env.ports();
    const jobs = new JobRepository(ports.properties, ports.cache);
    const outcome = runScheduledJobs(
      {
        metricsJob: new MetricsJobService({ ports, jobs, triggers: null, ui: null }),
        summaryJob: new SummaryJobService({ ports, jobs, triggers: null }),
        clock: ports.clock,
      },
      'trigger',
    );
    expect(outcome.metrics).toMatchObject({ state: 'done' });
    expect(outcome.summary).toEqual({ state: 'failed', message: expected });
    expect(state(book)).toEqual(before);
    expect(records(book, 'Operaciones')[0]).toMatchObject({ Total_Uniones: 2 });
  });
});
