// The migration adds every column requests write (not only the metrics), reports the ones it cannot create
// by name with what to do, and never says "al día" while a request would then fail with SCHEMA.

import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { finishWork } from '../../../src/app/finishWork';
import { migrateSchema } from '../../../src/app/migrateSchema';
import { startWork } from '../../../src/app/startWork';
import type { Cell } from '../../../src/domain/cell';
import { addWorkerSheets, DEMO_WORKERS } from '../../../src/memory/demoWorkbook';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { METADATA_HEADER, UNIONES_HEADER } from '../../../src/data/productionHeaders';
import { failure } from '../../support/failure';
import { armRequest, BACKENDS, environment, NOW, records, TZ } from '../../support/tracking';

/** What the migration appends to an Operaciones that has none of them, in this order. */
const TRACKING = [
  'Fecha_Armado',
  'Armador',
  'Fecha_Soldadura',
  'Soldador',
  'Ocupado_Por',
  'Fecha_Ocupacion',
  'version',
  'Estado_Detalle',
];
const METRICS = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];

const union = (values: Record<string, Cell>) => UNIONES_HEADER.map((name) => values[name] ?? '');

/** A new user's spreadsheet: Operaciones with only OT, TAG_SPOOL and NV (a blank row between spools). */
function shortBook(header: readonly string[] = ['OT', 'TAG_SPOOL', 'NV']) {
  const ss = new FakeSpreadsheet({ timeZone: TZ });
  const spools: Record<string, Cell>[] = [
    { OT: '001', TAG_SPOOL: 'SP-001', NV: 'NV-1' },
    {},
    { OT: '002', TAG_SPOOL: 'SP-002', NV: 'NV-2' },
  ];
  ss.addSheet('Operaciones', [[...header], ...spools.map((s) => header.map((h) => s[h] ?? ''))]);
  ss.addSheet('Uniones', [
    [...UNIONES_HEADER],
    union({ OT: '001', N_UNION: 1, TAG_SPOOL: 'SP-001', DN_UNION: 6, TIPO_UNION: 'FW' }),
    union({ OT: '001', N_UNION: 2, TAG_SPOOL: 'SP-001', DN_UNION: 4, TIPO_UNION: 'FW' }),
  ]);
  addWorkerSheets(ss, DEMO_WORKERS.slice(0, 1));
  return ss;
}

describe('the migration adds the tracking columns, not only the metrics', () => {
  it.each(BACKENDS)(
    'an Operaciones of only OT, TAG_SPOOL, NV gets 13 columns with their formats, and INICIAR/FINALIZAR work (%s)',
    (backend) => {
      const ss = shortBook();
      const env = environment(ss, NOW, backend);
      const expected = [
        ...[...TRACKING, ...METRICS].map((name, i) => {
          const filled = METRICS.includes(name) ? ', 0 en 2 filas' : '';
          return `Agregar ${name} a Operaciones en la columna ${String.fromCharCode(68 + i)}${filled}.`;
        }),
        'Crear la hoja Metadata con 11 columnas.',
      ];
      // Before the migration a request says what is missing and where the menu item is.
      ss.addSheet('Metadata', [[...METADATA_HEADER]]);
      const start = { tagSpool: 'SP-001', operation: 'ARM' as const, workerId: 93, requestId: 'req-0' };
      expect(failure(() => startWork(env.ports(), start)).message).toBe(
        'SCHEMA: A la hoja "Operaciones" le falta la columna Ocupado_Por. Ejecute Extensiones → Spool Union Tracker → Migrar esquema…: agrega las columnas que puede y dice cómo agregar las demás.',
      );
      ss.deleteSheet(ss.sheet('Metadata'));
      const preview = migrateSchema(env.ports(), { dryRun: true });
      expect(preview).toMatchObject({ upToDate: false, blocked: false, problems: [], changes: expected });
      expect(preview.message).toBe('La migración hará 14 cambio(s).');

      const applied = migrateSchema(env.ports(), { dryRun: false });
      expect(applied).toMatchObject({ applied: true, changes: expected, problems: [] });
      const sheet = ss.sheet('Operaciones');
      expect(sheet.dump()).toEqual([
        ['OT', 'TAG_SPOOL', 'NV', ...TRACKING, ...METRICS],
        ['001', 'SP-001', 'NV-1', ...TRACKING.map(() => ''), 0, 0, 0, 0, 0],
        ['', '', '', ...TRACKING.map(() => ''), '', '', '', '', ''],
        ['002', 'SP-002', 'NV-2', ...TRACKING.map(() => ''), 0, 0, 0, 0, 0],
      ]);
      // Plain text where dates, names and tokens are written as text; numbers where metrics go.
      expect([4, 8, 9, 10, 11].map((col) => sheet.formatAt(2, col))).toEqual(['@', '@', '@', '@', '@']);
      expect([12, 13, 14, 15, 16].map((col) => sheet.formatAt(4, col))).toEqual([
        '0',
        '0',
        '0',
        '0.00',
        '0.00',
      ]);
      expect(migrateSchema(env.ports(), { dryRun: false })).toMatchObject({
        upToDate: true,
        message: 'El esquema ya está al día; no hay nada que cambiar.',
      });

      expect(
        startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-a' }),
      ).toMatchObject({ ocupadoPor: 'MR(93)' });
      expect(records(ss, 'Operaciones')[0]).toMatchObject({
        Ocupado_Por: 'MR(93)',
        Fecha_Ocupacion: '22-11-2026 10:00:00',
      });
      finishWork(env.ports(), armRequest(['001+1', '001+2'], 'req-b'));
      expect(records(ss, 'Operaciones')[0]).toMatchObject({
        Fecha_Armado: '22-11-2026',
        Armador: 'MR(93)',
        Ocupado_Por: '',
        Total_Uniones: 2,
        Uniones_ARM_Completadas: 2,
        Pulgadas_ARM: 10,
      });
    },
  );

  it('adds the missing Metadata columns at its end', () => {
    const ss = shortBook(['OT', 'TAG_SPOOL', 'NV', ...TRACKING, ...METRICS]);
    ss.addSheet('Metadata', [METADATA_HEADER.filter((h) => h !== 'Worker_Nombre' && h !== 'N_UNION')]);
    const result = migrateSchema(environment(ss).ports(), { dryRun: false });
    expect(result.changes).toEqual([
      'Agregar Worker_Nombre a Metadata en la columna J.',
      'Agregar N_UNION a Metadata en la columna K.',
    ]);
    expect(ss.sheet('Metadata').dump()[0]).toEqual([
      ...METADATA_HEADER.filter((h) => h !== 'Worker_Nombre' && h !== 'N_UNION'),
      'Worker_Nombre',
      'N_UNION',
    ]);
  });
});

describe('a required column the migration cannot create is a problem, never "al día"', () => {
  const AGAIN = 'vuelva a ejecutar Migrar esquema… (Extensiones → Spool Union Tracker)';

  it.each([
    [
      'TAG_SPOOL with no SPLIT',
      ['OT', 'NV'],
      `Bloquea — Operaciones: Falta la columna TAG_SPOOL (o SPLIT), con la etiqueta de cada spool, que la migración no puede crear: agréguela a mano (encabezado TAG_SPOOL en la fila 1 y la etiqueta en cada fila) y ${AGAIN}.`,
    ],
    [
      'OT',
      ['TAG_SPOOL', 'NV'],
      `Bloquea — Operaciones: Falta la columna obligatoria OT, que la migración no puede crear porque sus valores son datos de la planta: agréguela a mano (encabezado OT en la fila 1 y su valor en cada fila) y ${AGAIN}.`,
    ],
  ])('Operaciones without %s: blocked, nothing written', (_, header, problem) => {
    const ss = shortBook(header);
    const before = ss.sheet('Operaciones').dump();
    const env = environment(ss);
    const preview = migrateSchema(env.ports(), { dryRun: true });
    expect(preview).toMatchObject({ blocked: true, upToDate: false, problems: [problem] });
    expect(() => migrateSchema(env.ports(), { dryRun: false })).toThrow(/^SCHEMA: La migración no se aplicó/);
    expect(ss.sheet('Operaciones').dump()).toEqual(before);
    expect(ss.hasSheet('Metadata')).toBe(false);
  });

  it('Uniones without N_UNION: blocked, naming the column and what to do', () => {
    const ss = shortBook(['OT', 'TAG_SPOOL', 'NV', ...TRACKING, ...METRICS]);
    ss.addSheet('Metadata', [[...METADATA_HEADER]]);
    const uniones = ss.sheet('Uniones').dump();
    ss.deleteSheet(ss.sheet('Uniones'));
    ss.addSheet(
      'Uniones',
      uniones.map((row) => row.filter((_, i) => UNIONES_HEADER[i] !== 'N_UNION')),
    );
    expect(migrateSchema(environment(ss).ports(), { dryRun: true })).toMatchObject({
      blocked: true,
      upToDate: false,
      problems: [
        `Bloquea — Uniones: Falta la columna obligatoria N_UNION, que la migración no puede crear porque sus valores son datos de la planta: agréguela a mano (encabezado N_UNION en la fila 1 y su valor en cada fila) y ${AGAIN}.`,
      ],
    });
  });

  it('Trabajadores without Activo: applies the rest, then is still not "al día" while a request fails', () => {
    const ss = shortBook();
    ss.deleteSheet(ss.sheet('Trabajadores'));
    ss.addSheet('Trabajadores', [
      ['Id', 'Nombre', 'Apellido'],
      [93, 'Mauricio', 'Rodriguez'],
    ]);
    const env = environment(ss);
    const pending = `Pendiente — Trabajadores!1:1: Faltan las columnas Activo, que el complemento necesita; agréguelas a mano en la fila 1 (la migración no modifica esta hoja) y ${AGAIN}.`;
    const applied = migrateSchema(env.ports(), { dryRun: false });
    expect(applied).toMatchObject({ applied: true, upToDate: false, problems: [pending] });
    expect(applied.message).toBe(
      'Migración aplicada: 14 cambio(s). Queda pendiente lo marcado "Pendiente": corríjalo a mano.',
    );
    const again = migrateSchema(env.ports(), { dryRun: false });
    expect(again).toMatchObject({ applied: false, upToDate: false, changes: [], problems: [pending] });
    expect(again.message).toBe(
      'La migración no tiene nada que cambiar, pero el esquema no está completo. Queda pendiente lo marcado "Pendiente": corríjalo a mano.',
    );
    expect(failure(() => bootstrap(env.ports())).message).toMatch(/^SCHEMA: .*Activo/);
    expect(ss.sheet('Trabajadores').dump()[0]).toEqual(['Id', 'Nombre', 'Apellido']);
  });
});
