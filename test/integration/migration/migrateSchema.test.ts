import { describe, expect, it } from 'vitest';
import { migrateSchema } from '../../../src/app/migrateSchema';
import type { Cell } from '../../../src/domain/cell';
import {
  METADATA_HEADER,
  METRIC_COLUMNS,
  PRE_UNION_OPERACIONES_HEADER,
  PRODUCTION_OPERACIONES_HEADER,
  UNIONES_HEADER,
} from '../../../src/data/productionHeaders';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { addWorkerSheets, DEMO_WORKERS } from '../../../src/memory/demoWorkbook';
import { bootstrap } from '../../../src/app/bootstrap';
import { failure } from '../../support/failure';
import { SHEETS_API_TARGET } from '../../../src/memory/fakeSheetsApi';
import { environment, NOW, records, TZ } from '../../support/tracking';

const LEGACY_UNIONES_HEADER = [
  'ID_UNION',
  'OT',
  'N_UNION',
  'DN_UNION',
  'TIPO_UNION',
  'ARM_FECHA_INICIO',
  'ARM_FECHA_FIN',
  'ARM_WORKER',
  'SOL_FECHA_INICIO',
  'SOL_FECHA_FIN',
  'SOL_WORKER',
  'NDT_UNION',
  'R_NDT_UNION',
];

function row(header: readonly string[], values: Record<string, Cell>): Cell[] {
  return header.map((name) => values[name] ?? '');
}

/** Operaciones with 3 spools, a blank row between them and trailing empty rows. */
function book(
  operacionesHeader: readonly string[],
  options: {
    uniones?: Cell[][] | null;
    metadata?: readonly string[] | null;
    spools?: Array<Record<string, Cell>>;
    /** Trabajadores and Roles (with one worker) unless false. */
    people?: boolean;
  } = {},
) {
  const ss = new FakeSpreadsheet({ timeZone: TZ });
  const spools = options.spools ?? [
    { OT: '001', TAG_SPOOL: 'SP-001', NV: 'NV-1' },
    { OT: '002', TAG_SPOOL: 'SP-002', NV: 'NV-2' },
    {},
    { OT: '003', TAG_SPOOL: 'SP-003', NV: 'NV-3' },
  ];
  ss.addSheet('Operaciones', [[...operacionesHeader], ...spools.map((s) => row(operacionesHeader, s))], {
    extraEmptyRows: 30,
  });
  if (options.uniones !== null) {
    ss.addSheet('Uniones', options.uniones ?? [[...UNIONES_HEADER]]);
  }
  if (options.metadata !== null) ss.addSheet('Metadata', [[...(options.metadata ?? METADATA_HEADER)]]);
  if (options.people !== false) addWorkerSheets(ss, DEMO_WORKERS.slice(0, 1));
  return ss;
}

const writeCalls = (log: string[]) =>
  log.filter((c) =>
    /\.(setValues|setValue|setNumberFormats?|insert\w+|deleteRows|appendRow|deleteSheet)\b/.test(c),
  );

describe('schema migration', () => {
  it('brings the 67-column pre-union sheet to 72 columns, 0 on every data row, blank rows left blank', () => {
    const ss = book(PRE_UNION_OPERACIONES_HEADER);
    const env = environment(ss);
    const preview = migrateSchema(env.ports(), { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, applied: false, upToDate: false, blocked: false });
    expect(preview.changes).toEqual([
      'Agregar Total_Uniones a Operaciones en la columna BP, 0 en 3 filas.',
      'Agregar Uniones_ARM_Completadas a Operaciones en la columna BQ, 0 en 3 filas.',
      'Agregar Uniones_SOLD_Completadas a Operaciones en la columna BR, 0 en 3 filas.',
      'Agregar Pulgadas_ARM a Operaciones en la columna BS, 0 en 3 filas.',
      'Agregar Pulgadas_SOLD a Operaciones en la columna BT, 0 en 3 filas.',
    ]);
    expect(ss.sheet('Operaciones').dump()[0]).toHaveLength(67); // the preview wrote nothing

    const result = migrateSchema(env.ports(), { dryRun: false });
    expect(result).toMatchObject({ applied: true, message: 'Migración aplicada: 5 cambio(s).' });
    const values = ss.sheet('Operaciones').dump();
    expect(values[0]).toEqual([...PRE_UNION_OPERACIONES_HEADER, ...METRIC_COLUMNS]);
    expect(values.slice(1).map((r) => r.slice(67))).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      ['', '', '', '', ''],
      [0, 0, 0, 0, 0],
    ]);
    expect(ss.sheet('Operaciones').formatAt(2, 68)).toBe('0');
    expect(ss.sheet('Operaciones').formatAt(5, 72)).toBe('0.00');
    const events = records(ss, 'Metadata');
    expect(events.map((e) => [e.Evento_Tipo, e.Accion])).toEqual([['MIGRACION_ESQUEMA', 'MIGRAR']]);
    expect(JSON.parse(String(events[0]!.Metadata_JSON)).changes).toHaveLength(5);

    ss.calls.keepLog = true;
    ss.calls.reset();
    const again = migrateSchema(env.ports(), { dryRun: false });
    expect(again).toMatchObject({
      applied: false,
      upToDate: true,
      message: 'El esquema ya está al día; no hay nada que cambiar.',
    });
    expect(writeCalls(ss.calls.log)).toEqual([]);
    expect(records(ss, 'Metadata')).toHaveLength(1);
  });

  it.each([
    ['the 75-column production header', PRODUCTION_OPERACIONES_HEADER],
    [
      'the production header with MatSys moved mid-sheet',
      ((h) => (h.splice(h.indexOf('MatSys'), 1), h.splice(5, 0, 'MatSys'), h))([
        ...PRODUCTION_OPERACIONES_HEADER,
      ]),
    ],
    ['shuffled columns', [...PRODUCTION_OPERACIONES_HEADER].reverse()],
  ])('has nothing to do on %s', (_, header) => {
    const ss = book(header);
    const env = environment(ss);
    ss.calls.keepLog = true;
    const result = migrateSchema(env.ports(), { dryRun: false });
    expect(result).toMatchObject({ upToDate: true, applied: false, changes: [], problems: [] });
    expect(writeCalls(ss.calls.log)).toEqual([]);
  });

  it('adds the two metric columns that are missing, after the last used column', () => {
    const header = PRODUCTION_OPERACIONES_HEADER.filter(
      (h) => h !== 'Pulgadas_ARM' && h !== 'Uniones_SOLD_Completadas',
    );
    const ss = book(header);
    const result = migrateSchema(environment(ss).ports(), { dryRun: false });
    expect(result.changes).toEqual([
      'Agregar Uniones_SOLD_Completadas a Operaciones en la columna BV, 0 en 3 filas.',
      'Agregar Pulgadas_ARM a Operaciones en la columna BW, 0 en 3 filas.',
    ]);
    expect(ss.sheet('Operaciones').dump()[0]!.slice(-3)).toEqual([
      'Pulgadas_SOLD',
      'Uniones_SOLD_Completadas',
      'Pulgadas_ARM',
    ]);
  });

  it('creates Uniones and Metadata when they are missing', () => {
    const ss = book(PRODUCTION_OPERACIONES_HEADER, { uniones: null, metadata: null });
    const result = migrateSchema(environment(ss).ports(), { dryRun: false });
    expect(result.changes).toEqual([
      'Crear la hoja Uniones con 17 columnas.',
      'Crear la hoja Metadata con 11 columnas.',
    ]);
    expect(ss.sheet('Uniones').dump()).toEqual([[...UNIONES_HEADER]]);
    expect(records(ss, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['MIGRACION_ESQUEMA']);
  });

  it('completes the 13-column legacy Uniones: adds the missing columns and fills TAG_SPOOL where the OT says which', () => {
    const ss = book(PRODUCTION_OPERACIONES_HEADER, {
      spools: [
        { OT: '001', TAG_SPOOL: 'SP-001' },
        { OT: '002', TAG_SPOOL: 'SP-002A' },
        { OT: '002', TAG_SPOOL: 'SP-002B' },
      ],
      uniones: [
        LEGACY_UNIONES_HEADER,
        row(LEGACY_UNIONES_HEADER, {
          ID_UNION: '0011',
          OT: '001',
          N_UNION: 1,
          DN_UNION: 6,
          TIPO_UNION: 'BW',
        }),
        row(LEGACY_UNIONES_HEADER, {
          ID_UNION: '0012',
          OT: '002',
          N_UNION: 1,
          DN_UNION: 8,
          TIPO_UNION: 'BW',
        }),
        row(LEGACY_UNIONES_HEADER, {
          ID_UNION: '0013',
          OT: '009',
          N_UNION: 1,
          DN_UNION: 4,
          TIPO_UNION: 'FW',
        }),
      ],
    });
    const result = migrateSchema(environment(ss).ports(), { dryRun: false });
    expect(result.changes).toEqual([
      'Agregar TAG_SPOOL a Uniones en la columna N.',
      'Agregar NDT_FECHA a Uniones en la columna O.',
      'Agregar NDT_STATUS a Uniones en la columna P.',
      'Agregar version a Uniones en la columna Q, 1 en 3 filas.',
      'Completar TAG_SPOOL desde Operaciones en 1 filas de Uniones.',
    ]);
    expect(result.problems).toEqual([
      'Aviso — Uniones!N: TAG_SPOOL queda vacío en las filas 3 (la OT 002 tiene 2 spools), 4 (la OT 009 no está en Operaciones): complételo a mano.',
    ]);
    const uniones = records(ss, 'Uniones');
    expect(uniones.map((u) => [u.ID_UNION, u.TAG_SPOOL, u.version])).toEqual([
      ['0011', 'SP-001', 1],
      ['0012', '', 1],
      ['0013', '', 1],
    ]);
  });

  it('accepts Metadata with lower-case headers as it is', () => {
    const lower = METADATA_HEADER.map((h, i) => (i < 10 ? h.toLowerCase() : h));
    const ss = book(PRODUCTION_OPERACIONES_HEADER, { metadata: lower });
    expect(migrateSchema(environment(ss).ports(), { dryRun: true })).toMatchObject({
      upToDate: true,
      problems: [],
    });
  });

  describe('refuses, with a report, and writes nothing', () => {
    const refused = (ss: FakeSpreadsheet) => {
      const env = environment(ss);
      const before = ss.sheetNames().map((n) => ss.sheet(n).dump());
      const preview = migrateSchema(env.ports(), { dryRun: true });
      expect(preview.blocked).toBe(true);
      expect(() => migrateSchema(env.ports(), { dryRun: false })).toThrow(
        /^SCHEMA: La migración no se aplicó: Bloquea/,
      );
      expect(ss.sheetNames().map((n) => ss.sheet(n).dump())).toEqual(before);
      return preview.problems;
    };

    it('a duplicated TAG_SPOOL header', () => {
      const header = [...PRE_UNION_OPERACIONES_HEADER, 'TAG_SPOOL'];
      expect(refused(book(header))).toEqual([
        'Bloquea — Operaciones!F1, BP1: El encabezado TAG_SPOOL está repetido.',
      ]);
    });

    it('an empty header row', () => {
      const ss = new FakeSpreadsheet({ timeZone: TZ });
      ss.addSheet('Operaciones', [
        ['', '', ''],
        ['001', 'SP-001', ''],
      ]);
      expect(refused(ss)).toEqual(['Bloquea — Operaciones!1:1: La fila de encabezados está vacía.']);
    });

    it('Pulgadas_ARM holding text in some rows', () => {
      const ss = book(PRODUCTION_OPERACIONES_HEADER, {
        spools: [
          { OT: '001', TAG_SPOOL: 'SP-001', Pulgadas_ARM: 12.5 },
          { OT: '002', TAG_SPOOL: 'SP-002', Pulgadas_ARM: 'pendiente' },
          { OT: '003', TAG_SPOOL: 'SP-003', Pulgadas_ARM: '3,5' },
          { OT: '004', TAG_SPOOL: 'SP-004', Pulgadas_ARM: 'n/a' },
        ],
      });
      expect(refused(ss)).toEqual([
        'Bloquea — Operaciones!BV3: Pulgadas_ARM tiene texto en las filas 3, 5; corríjalo a mano (no se sobrescribe).',
      ]);
    });
  });

  it.each([['setValues'], ['setNumberFormats']])(
    'a fault in the middle of apply (%s) leaves every sheet as before',
    (method) => {
      const ss = book(PRE_UNION_OPERACIONES_HEADER, { uniones: null });
      const env = environment(ss);
      const before = ss.sheet('Operaciones').dump();
      ss.calls.injectFault({ sheet: 'Operaciones', method });
      expect(() => migrateSchema(env.ports(), { dryRun: false })).toThrow(
        'INTERNAL: La migración falló y se deshizo; la planilla quedó como estaba.',
      );
      expect(ss.sheet('Operaciones').dump()).toEqual(before);
      expect(ss.hasSheet('Uniones')).toBe(false); // the sheet it had created is gone again
      expect(records(ss, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['ERROR']);
      // And it applies cleanly once the fault is gone.
      expect(migrateSchema(env.ports(), { dryRun: false }).applied).toBe(true);
    },
  );
});

describe('a fresh spreadsheet with only Operaciones', () => {
  it('is refused with a guide, then the migration creates Uniones, Metadata, Trabajadores and Roles', () => {
    const ss = book(PRODUCTION_OPERACIONES_HEADER, { uniones: null, metadata: null, people: false });
    const env = environment(ss);
    expect(failure(() => bootstrap(env.ports())).message).toBe(
      'SCHEMA: No existe la hoja "Trabajadores". Créela con Extensiones → Spool Union Tracker → Migrar esquema… (vea docs/setup.md).',
    );
    const preview = migrateSchema(env.ports(), { dryRun: true });
    expect(preview.changes).toEqual([
      'Crear la hoja Uniones con 17 columnas.',
      'Crear la hoja Metadata con 11 columnas.',
      'Crear la hoja Trabajadores con 4 columnas.',
      'Crear la hoja Roles con 3 columnas.',
    ]);
    expect(migrateSchema(env.ports(), { dryRun: false }).applied).toBe(true);
    expect(ss.sheet('Trabajadores').dump()).toEqual([['Id', 'Nombre', 'Apellido', 'Activo']]);
    expect(ss.sheet('Roles').dump()).toEqual([['Id', 'Rol', 'Activo']]);
    expect(bootstrap(env.ports()).workers).toEqual([]);
    expect(migrateSchema(env.ports(), { dryRun: false }).upToDate).toBe(true);
  });

  it('leaves Trabajadores and Roles untouched when present, and reports a missing column as pending (not "al día")', () => {
    const ss = book(PRODUCTION_OPERACIONES_HEADER, { people: false });
    ss.addSheet('Trabajadores', [
      ['Id', 'Nombre', 'Apellido', 'Turno'],
      [93, 'Mauricio', 'Rodriguez', 'noche'],
    ]);
    ss.addSheet('Roles', [
      ['Id', 'Rol', 'Activo'],
      [93, 'Armador', 1],
    ]);
    const before = ['Trabajadores', 'Roles'].map((name) => ss.sheet(name).dump());
    const result = migrateSchema(environment(ss).ports(), { dryRun: false });
    expect(result).toMatchObject({ changes: [], upToDate: false, applied: false });
    expect(result.problems).toEqual([
      'Pendiente — Trabajadores!1:1: Faltan las columnas Activo, que el complemento necesita; agréguelas a mano en la fila 1 (la migración no modifica esta hoja) y vuelva a ejecutar Migrar esquema… (Extensiones → Spool Union Tracker).',
    ]);
    expect(['Trabajadores', 'Roles'].map((name) => ss.sheet(name).dump())).toEqual(before);
  });
});

describe('schema migration through the Sheets advanced service', () => {
  it('migrates the pre-union sheet and creates the missing sheets', () => {
    const ss = book(PRE_UNION_OPERACIONES_HEADER, { uniones: null, metadata: null });
    const env = environment(ss, NOW, 'sheetsApi');
    const result = migrateSchema(env.ports(), { dryRun: false });
    expect(result.changes).toHaveLength(7);
    const values = ss.sheet('Operaciones').dump();
    expect(values[0]).toEqual([...PRE_UNION_OPERACIONES_HEADER, ...METRIC_COLUMNS]);
    expect(values[4]!.slice(67)).toEqual([0, 0, 0, 0, 0]);
    expect(values[3]!.slice(67)).toEqual(['', '', '', '', '']);
    expect(ss.sheet('Operaciones').formatAt(2, 71)).toBe('0.00');
    expect(ss.sheet('Uniones').dump()).toEqual([[...UNIONES_HEADER]]);
    expect(records(ss, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['MIGRACION_ESQUEMA']);
    expect(migrateSchema(env.ports(), { dryRun: false }).upToDate).toBe(true);
  });

  it('a failed final write removes the sheets it created and leaves Operaciones as it was', () => {
    const ss = book(PRE_UNION_OPERACIONES_HEADER, { uniones: null });
    const env = environment(ss, NOW, 'sheetsApi');
    const before = ss.sheet('Operaciones').dump();
    // 1st batchUpdate creates Uniones, 2nd sets the formats, 3rd writes every cell: that one fails.
    ss.calls.injectFault({ sheet: SHEETS_API_TARGET, method: 'batchUpdate', after: 2 });
    expect(() => migrateSchema(env.ports(), { dryRun: false })).toThrow(
      /^INTERNAL: La migración falló y se deshizo/,
    );
    expect(ss.sheet('Operaciones').dump()).toEqual(before);
    expect(ss.hasSheet('Uniones')).toBe(false);
  });
});
