import { describe, expect, it } from 'vitest';
import { buildDemoWorkbook, demoOt, demoTag } from '../../src/memory/demoWorkbook';
import { loadBundle } from '../support/bundle';
import { failure } from '../support/failure';

describe('the server API of build/Code.js on the demo workbook', () => {
  const book = buildDemoWorkbook();
  const bundle = loadBundle(book);

  it('apiBootstrap gives the active workers with their roles, the operations and the time zone', () => {
    const result = bundle.call<{
      workers: Array<{ id: number; display: string; roles: string[] }>;
      operations: Array<{ id: string }>;
      timeZone: string;
    }>('apiBootstrap');
    expect(result.workers.map((w) => w.display)).toEqual(['AS(95)', 'CD(98)', 'JP(94)', 'MR(93)', 'PS(96)']);
    expect(result.workers.find((w) => w.id === 98)!.roles).toEqual(['Armador', 'Soldador']);
    expect(result.operations.map((o) => o.id)).toEqual(['ARM', 'SOLD']);
    expect(result.timeZone).toBe('America/Santiago');
  });

  it('lists, starts and finishes ARM on an OT, returning only JSON-safe values', () => {
    const scope = bundle.scope as Record<string, (input?: unknown) => unknown>;
    const listed = scope.apiListUnions!({ ot: demoOt(1), operation: 'ARM' }) as {
      unions: Array<{ key: string; disponible: boolean; version: string }>;
    };
    expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
    expect(listed.unions.filter((u) => u.disponible)).toHaveLength(10);

    bundle.call('apiStartWork', {
      tagSpool: demoTag(1),
      operation: 'ARM',
      workerId: 93,
      requestId: 'bundle-start-1',
    });
    const versions = Object.fromEntries(listed.unions.map((u) => [u.key, u.version]));
    const finished = bundle.call<{
      updated: string[];
      spools: Array<{ action: string }>;
      eventsWritten: number;
    }>('apiFinishWork', {
      ot: demoOt(1),
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1', '001+2', '001+3'],
      requestId: 'bundle-finish-1',
      versions,
    });
    expect(finished.updated).toEqual(['001+1', '001+2', '001+3']);
    expect(finished.spools.map((s) => s.action)).toEqual(['PAUSAR']);
    expect(finished.eventsWritten).toBe(5); // spool event, 3 union events, 1 batch summary

    const metrics = bundle.call<{ spools: Array<{ unionesArm: number }> }>('apiGetMetrics', {
      ot: demoOt(1),
    });
    expect(metrics.spools[0]!.unionesArm).toBe(3);
  });

  it('rejects bad requests with VALIDATION and names the fields', () => {
    const error = failure(() =>
      bundle.call('apiFinishWork', { ot: '', operation: 'PINTAR', workerId: 'x', unionKeys: 'a' }),
    );
    expect(error.message).toMatch(/^VALIDATION: Solicitud inválida: /);
    expect(error.message).toContain('ot: la OT es obligatoria');
    expect(error.message).toContain('operation: la operación debe ser ARM o SOLD');
    expect(error.message).toContain('requestId: falta requestId');
    expect(
      failure(() => bundle.call('apiListUnions', { ot: '001', operation: 'ARM', extra: 1 })).message,
    ).toBe('VALIDATION: Solicitud inválida: campos no esperados: extra.');
  });

  it('answers any malformed request with a Spanish VALIDATION message naming the field, never English', () => {
    const base = {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1'],
      requestId: 'bad-input-1',
    };
    const answer = (input: unknown) => failure(() => bundle.call('apiFinishWork', input)).message;
    const cases: Array<[unknown, string]> = [
      ['hola', 'VALIDATION: Solicitud inválida: la solicitud debe ser un objeto.'],
      [[], 'VALIDATION: Solicitud inválida: la solicitud debe ser un objeto.'],
      [
        { ...base, workerId: '93' },
        'VALIDATION: Solicitud inválida: workerId: el Id de trabajador debe ser un número.',
      ],
      [{ ...base, unionKeys: [''] }, 'VALIDATION: Solicitud inválida: unionKeys.0: una unión está vacía.'],
      [
        { ...base, unionKeys: ['x'.repeat(10000)] },
        'VALIDATION: Solicitud inválida: unionKeys.0: una unión es demasiado larga (máximo 60 caracteres).',
      ],
      [
        { ...base, versions: { '001+1': 5 } },
        'VALIDATION: Solicitud inválida: versions.001+1: cada versión es un texto.',
      ],
      [
        { ...base, versions: { '001+1': 'v'.repeat(61) } },
        'VALIDATION: Solicitud inválida: versions.001+1: una versión es demasiado larga.',
      ],
      [
        { ...base, versions: [] },
        'VALIDATION: Solicitud inválida: versions: versions debe ser un objeto {unión: versión}.',
      ],
    ];
    for (const [input, message] of cases) expect(answer(input)).toBe(message);
    expect(
      failure(() =>
        bundle.call('apiStartWork', {
          tagSpool: 'T'.repeat(10000),
          operation: 'ARM',
          workerId: 93,
          requestId: 'bad-input-2',
        }),
      ).message,
    ).toBe('VALIDATION: Solicitud inválida: tagSpool: el spool es demasiado largo.');
    // 500 keys of the wrong type: five named, the rest counted, the message stays short.
    const many = answer({ ...base, unionKeys: Array.from({ length: 500 }, (_, i) => i) });
    expect(many).toBe(
      'VALIDATION: Solicitud inválida: ' +
        [0, 1, 2, 3, 4].map((i) => `unionKeys.${i}: cada unión es un texto OT+N`).join('; ') +
        ' y 495 problemas más.',
    );
    expect(many.length).toBeLessThan(400);
  });

  it('maps domain errors to their codes across the boundary', () => {
    expect(
      failure(() =>
        bundle.call('apiStartWork', {
          tagSpool: demoTag(10),
          operation: 'ARM',
          workerId: 93,
          requestId: 'bundle-dup-1',
        }),
      ).message,
    ).toMatch(/^CONFLICT: El spool MK-1335-CW-25238-010 está repetido en Operaciones/);
    expect(failure(() => bundle.call('apiGetMetrics', { ot: '777' })).message).toBe(
      'NOT_FOUND: No existe la OT 777.',
    );
  });

  it('runs the metrics job and reports its status', () => {
    const step = bundle.call<{ state: string; total: number; message: string }>('apiRunJobStep', {
      kind: 'metrics',
    });
    expect(step).toMatchObject({ state: 'done', total: 9 });
    // OT 001's metrics were already written by the FINALIZAR above, OT 002's DN typed as a date keeps its
    // spool's metrics as they were: 7 of 9 change.
    expect(step.message).toBe(
      '9 spools revisados, 7 actualizados; spools repetidos sin tocar: MK-1335-CW-25238-010; sin recalcular ' +
        'por celdas ilegibles: MK-1335-CW-25238-002 (Uniones!E12 (DN_UNION): DN_UNION parece una fecha (46115 ' +
        '= 03-04-2026): si escribió 3/4, Sheets lo guardó como fecha; escriba 0,75); 1 celda ilegible (ver Metadata).',
    );
    expect(bundle.call<{ jobs: Array<{ state: string }> }>('apiJobStatus').jobs[0]!.state).toBe('done');
  });
});

describe('build/Code.js with the Sheets advanced service enabled', () => {
  it('reads once and writes once through it', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book, { sheetsApi: true });
    book.calls.keepLog = true;
    book.calls.reset();
    const result = bundle.call<{ updated: string[] }>('apiFinishWork', {
      ot: demoOt(1),
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1', '001+2'],
      requestId: 'bundle-api-1',
    });
    expect(result.updated).toEqual(['001+1', '001+2']);
    // Through the API: one get of what the document cache lacks (headers, Trabajadores, Roles), one batchGet
    // of the OT's rows, one write. TextFinder searches find the request id and the OT's rows (issue 9): the
    // id on Metadata, then the OT and then its tags on both sheets, each in one spreadsheet-wide search.
    expect(book.calls.log.filter((call) => call.startsWith('(sheets-api)'))).toEqual([
      '(sheets-api).get',
      '(sheets-api).get',
      '(sheets-api).batchUpdate',
    ]);
    expect(book.calls.log.filter((call) => call.includes('findAll')).map((c) => c.split(' ')[0])).toEqual([
      'Metadata.findAll',
      '(spreadsheet).findAll',
      '(spreadsheet).findAll',
    ]);
  });
});
