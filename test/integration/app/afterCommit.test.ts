import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { finishWork } from '../../../src/app/finishWork';
import { startWork } from '../../../src/app/startWork';
import { utf8Length } from '../../../src/domain/bytes';
import { DEMO_WORKERS, type DemoWorker } from '../../../src/memory/demoWorkbook';
import { environment, records, rowOf, tagOf, trackingBook } from '../../support/tracking';
import { failure } from '../../support/failure';

const TRABAJADORES_KEY = 'sut:v1:sheet:Trabajadores';

/**
 * The demo workers and enough others (accented names, no roles) that Trabajadores serializes to exactly
 * `bytes` UTF-8 bytes in `chars` characters: what the document cache is asked to hold.
 */
function workersOf(bytes: number, chars: number): DemoWorker[] {
  const workers: DemoWorker[] = [...DEMO_WORKERS];
  const names = ['José', 'Ñuñoa', 'Inés', 'Ramón', 'Sebastián', 'María José', 'Begoña', 'Ángel'];
  for (let i = 0; i < 900; i++) {
    workers.push({
      id: 1000 + i,
      nombre: names[i % names.length]!,
      apellido: `Muñoz Gutiérrez Peña ${i}`,
      activo: 'SI',
      roles: [],
    });
  }
  const size = (list: DemoWorker[]) => {
    const text = JSON.stringify([
      ['Id', 'Nombre', 'Apellido', 'Activo'],
      ...list.map((w) => [w.id, w.nombre, w.apellido, w.activo]),
    ]);
    return { bytes: utf8Length(text), chars: text.length };
  };
  const base = size(workers);
  // y accented (2 bytes) and x plain characters close the gap exactly.
  const accented = bytes - base.bytes - (chars - base.chars);
  const plain = chars - base.chars - accented;
  if (accented < 0 || plain < 0) throw new Error(`base too large: ${JSON.stringify(base)}`);
  const last = workers.pop()!;
  workers.push({ ...last, apellido: `${last.apellido}${'é'.repeat(accented)}${'a'.repeat(plain)}` });
  expect(size(workers)).toEqual({ bytes, chars });
  return workers;
}

function bookWith(workers: readonly DemoWorker[]) {
  return trackingBook({
    spools: [{ ot: '001', tag: tagOf('001') }],
    unions: [
      { ot: '001', n: 1 },
      { ot: '001', n: 2 },
    ],
    workers,
  });
}

describe('nothing said after a commit may be false (issue 14 §1)', () => {
  it('a Trabajadores of 104,073 UTF-8 bytes (80,562 characters): bootstrap and INICIAR succeed, the sheet is not cached', () => {
    const book = bookWith(workersOf(104_073, 80_562));
    const env = environment(book);
    const boot = bootstrap(env.ports());
    expect(boot.workers.map((w) => w.id)).toContain(93);
    expect(boot.warnings).toEqual([]);
    // Too large for one cache value: read each time, never a refused put.
    expect(env.cacheService.document.keys()).not.toContain(TRABAJADORES_KEY);
    expect(env.cacheService.document.keys()).toContain('sut:v1:sheet:Roles');

    const answer = startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-bytes-0001',
    });
    expect(answer).toMatchObject({
      tagSpool: tagOf('001'),
      ocupadoPor: 'MR(93)',
      warnings: [],
      replayed: false,
    });
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf('001')).Ocupado_Por).toBe('MR(93)');
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['INICIAR_SPOOL']);
  });

  it('one byte under the cache limit the sheet is cached; one byte over it is read each time', () => {
    const under = bookWith(workersOf(102_400, 80_000));
    const envUnder = environment(under);
    bootstrap(envUnder.ports());
    expect(envUnder.cacheService.document.keys()).toContain(TRABAJADORES_KEY);

    const over = bookWith(workersOf(102_401, 80_000));
    const envOver = environment(over);
    expect(bootstrap(envOver.ports()).warnings).toEqual([]);
    expect(envOver.cacheService.document.keys()).not.toContain(TRABAJADORES_KEY);
  });

  it.each([
    ['€ (3 bytes)', 'ééé', '€€'],
    ['an emoji (4 bytes, a surrogate pair)', 'éé', '😀'],
  ])(
    'at the cache limit with %s: exactly 102,400 bytes cached, one byte more read each time',
    (_what, from, to) => {
      const exactly = (extra: string) => {
        const workers = workersOf(102_400, 80_000);
        const last = workers.pop()!;
        const apellido = last.apellido.replace(from, to).replace(from, to) + extra;
        return [...workers, { ...last, apellido }];
      };
      const serialized = (workers: readonly DemoWorker[]) =>
        JSON.stringify([
          ['Id', 'Nombre', 'Apellido', 'Activo'],
          ...workers.map((w) => [w.id, w.nombre, w.apellido, w.activo]),
        ]);
      expect(utf8Length(serialized(exactly('')))).toBe(102_400);
      expect(serialized(exactly(''))).toContain(to + to);
      const envAt = environment(bookWith(exactly('')));
      const answer = bootstrap(envAt.ports());
      expect(answer.warnings).toEqual([]);
      expect(envAt.cacheService.document.keys()).toContain(TRABAJADORES_KEY);
      // Read back from the cache, the name keeps its characters whole.
      const cached = bootstrap(envAt.ports());
      expect(cached.workers.map((w) => w.display)).toEqual(answer.workers.map((w) => w.display));

      const envOver = environment(bookWith(exactly('a')));
      expect(bootstrap(envOver.ports()).warnings).toEqual([]);
      expect(envOver.cacheService.document.keys()).not.toContain(TRABAJADORES_KEY);
    },
  );

  it('a cache put refused after the commit: INICIAR answers success with a warning; the cells and the event stay', () => {
    const book = bookWith(DEMO_WORKERS);
    const env = environment(book);
    env.cacheService.faults.failAlways('cache.putAll', 'Exception: Argument too large: value');
    const answer = startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-cache-0001',
    });
    expect(answer.warnings).toEqual([
      'No se pudo guardar la copia de las hojas en la caché (Exception: Argument too large: value); la planilla no se ve afectada.',
    ]);
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf('001')).Ocupado_Por).toBe('MR(93)');
    // No ERROR event: nothing failed that the sheet would show.
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['INICIAR_SPOOL']);
    // Bootstrap too answers, with the same warning.
    expect(bootstrap(env.ports()).warnings).toHaveLength(1);

    const finish = finishWork(env.ports(), {
      ot: '001',
      operation: 'ARM',
      workerId: 93,
      unionKeys: ['001+1', '001+2'],
      requestId: 'req-cache-0002',
    });
    expect(finish.spools.map((s) => s.action)).toEqual(['COMPLETAR']);
    expect(finish.warnings.at(-1)).toMatch(/^No se pudo guardar la copia de las hojas en la caché/);
    expect(records(book, 'Uniones').map((u) => u.ARM_WORKER)).toEqual(['MR(93)', 'MR(93)']);
  });

  it('a lock release refused after the commit: INICIAR still answers its success, the cells and the event stay', () => {
    const book = bookWith(DEMO_WORKERS);
    const env = environment(book);
    env.lockService.faults.fail(
      'lock.releaseLock',
      'Exception: There are too many LockService operations against the same script.',
    );
    const answer = startWork(env.ports(), {
      tagSpool: tagOf('001'),
      operation: 'ARM',
      workerId: 93,
      requestId: 'req-lock-0001',
    });
    expect(answer).toMatchObject({ tagSpool: tagOf('001'), replayed: false });
    expect(answer.warnings).toEqual([
      'No se pudo soltar el bloqueo de la planilla (Exception: There are too many LockService operations against the same script.); se soltará al terminar esta ejecución. Lo guardado queda guardado.',
    ]);
    expect(rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === tagOf('001')).Ocupado_Por).toBe('MR(93)');
    expect(records(book, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['INICIAR_SPOOL']);
  });

  it("a lock release refused after a request that failed: the request's own error is the answer", () => {
    const book = bookWith(DEMO_WORKERS);
    const env = environment(book);
    env.lockService.faults.fail(
      'lock.releaseLock',
      'Exception: There are too many LockService operations against the same script.',
    );
    expect(
      failure(() =>
        startWork(env.ports(), {
          tagSpool: 'NO-EXISTE',
          operation: 'ARM',
          workerId: 93,
          requestId: 'req-lock-0002',
        }),
      ).message,
    ).toMatch(/^NOT_FOUND:/);
  });

  it('a cache that cannot be read is a miss, never a failed request', () => {
    const book = bookWith(DEMO_WORKERS);
    const env = environment(book);
    env.cacheService.faults.failAlways('cache.getAll');
    expect(bootstrap(env.ports()).workers.length).toBeGreaterThan(0);
  });
});

describe('CANCELAR on a spool whose TAG_SPOOL is on two rows (issue 14 §7)', () => {
  it('answers CONFLICT naming both rows, and writes nothing', () => {
    const tag = tagOf('001');
    const book = trackingBook({
      spools: [
        {
          ot: '001',
          tag,
          Ocupado_Por: 'MR(93)',
          Estado_Detalle: 'MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)',
        },
        {
          ot: '001',
          tag,
          Ocupado_Por: 'MR(93)',
          Estado_Detalle: 'MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)',
        },
      ],
      unions: [{ ot: '001', n: 1 }],
    });
    const env = environment(book);
    const before = book.sheet('Operaciones').dump();
    const error = failure(() =>
      finishWork(env.ports(), {
        ot: '001',
        operation: 'ARM',
        workerId: 93,
        unionKeys: [],
        requestId: 'req-dup-0001',
      }),
    );
    expect(error.message).toBe(
      `CONFLICT: El spool ${tag} está repetido en Operaciones (filas 2, 3); no se canceló: corrija la planilla.`,
    );
    expect(book.sheet('Operaciones').dump()).toEqual(before);
    expect(records(book, 'Metadata')).toEqual([]);
  });
});
