// The built-in demo workbook: the real Operaciones header, 10 OTs × 10 unions, and the mess production holds
// (serial-number dates, a decimal-comma DN, a DN typed 3/4 that Sheets made a date, a blank row, a duplicated
// tag, an inactive worker).

import type { Cell } from '../domain/cell';
import {
  METADATA_HEADER,
  PRODUCTION_OPERACIONES_HEADER,
  ROLES_HEADER,
  TRABAJADORES_HEADER,
  UNIONES_HEADER,
} from '../data/productionHeaders';
import { OPERACIONES } from '../data/schema';
import { METRIC_FORMATS } from '../data/spoolRepository';
import { DEFAULT_SETTINGS, needsSold } from '../domain/settings';
import { addDemoEvents } from './demoEvents';
import { FakeSpreadsheet } from './fakeSpreadsheet';

/** The format Sheets gives a typed `DD-MM-YYYY HH:MM:SS`: serial dates show as dates, not as 46085,41. */
const SERIAL_DATE_FORMAT = 'dd-mm-yyyy hh:mm:ss';

/** 3/4 typed in a DN cell: Sheets reads it as 3 April, serial 46115 (issue 7 §3). */
const DN_AS_DATE = 46115;

const DNS = [4.5, 6, 8, 10, 12, 14, 16, 18, 20, 24];
const TYPES = ['BW', 'BW', 'SO', 'FW', 'BW', 'MIT', 'SW', 'BW', 'TH', 'BW'];

export const DEMO_WORKERS = [
  { id: 93, nombre: 'Mauricio', apellido: 'Rodriguez', activo: 'SI', roles: ['Armador'] },
  { id: 94, nombre: 'Juan', apellido: 'Pérez', activo: 'SI', roles: ['Soldador'] },
  { id: 95, nombre: 'Ana', apellido: 'Silva', activo: 'SI', roles: ['Ayudante'] },
  { id: 96, nombre: 'Pedro', apellido: 'Soto', activo: 'SI', roles: ['Metrologia'] },
  { id: 97, nombre: 'Luis', apellido: 'Muñoz', activo: 'NO', roles: ['Armador', 'Soldador'] },
  { id: 98, nombre: 'Carla', apellido: 'Díaz', activo: 'SI', roles: ['Armador', 'Soldador'] },
];

export const demoOt = (i: number) => String(i).padStart(3, '0');
export const demoTag = (i: number) => `MK-1335-CW-25238-${String(i).padStart(3, '0')}`;

/**
 * How far each OT of the demo had gone in March 2026: unions armed and welded (of 10), and how dates are
 * written. The recent sessions of src/memory/demoEvents.ts go on from here (OT 004's first ARM, 003+5, 006+7
 * and 006+8 welded, 007+1 armed), so this leaves them to do.
 */
const PROGRESS: Array<{ armed: number; welded: number; serialDates?: boolean }> = [
  { armed: 0, welded: 0 },
  { armed: 3, welded: 0, serialDates: true },
  { armed: 10, welded: 4 },
  { armed: 0, welded: 0 },
  { armed: 5, welded: 0, serialDates: true },
  { armed: 10, welded: 6 },
  { armed: 0, welded: 0 },
  { armed: 2, welded: 1 },
  { armed: 9, welded: 0 },
  { armed: 10, welded: 8 },
];

function row(header: readonly string[], values: Record<string, Cell>): Cell[] {
  return header.map((name) => values[name] ?? '');
}

/**
 * `events.now` (ms) adds the last three days the Panel shows (src/memory/demoEvents.ts), placed relative to
 * that time: their audit events, the unions they recorded in Uniones, the touched spools' metrics and
 * Estado_Detalle, and two occupied spools. Without it the demo is the March state: Metadata empty, every
 * spool free, the metric columns blank.
 */
export function buildDemoWorkbook(
  options: { timeZone?: string; events?: { now: number } } = {},
): FakeSpreadsheet {
  const book = new FakeSpreadsheet({
    timeZone: options.timeZone ?? 'America/Santiago',
    name: 'Producción (demo)',
  });
  const header = PRODUCTION_OPERACIONES_HEADER;

  const spools: Cell[][] = [];
  const unions: Cell[][] = [];
  let unionId = 1;
  /** Cells (row, column of Uniones, 1-based) holding a serial date: they carry a date format, as in Sheets. */
  const serialDateCells: Array<[number, number]> = [];
  const dnDateCells: Array<[number, number]> = [];
  PROGRESS.forEach((progress, index) => {
    const n = index + 1;
    const ot = demoOt(n);
    const tag = demoTag(n);
    spools.push(
      row(header, {
        id: n,
        NV: `NV-${4000 + n}`,
        OT: ot,
        SPLIT: tag,
        TAG_SPOOL: tag,
        Cliente: 'Minera Demo',
        DIAM: DNS[index]!,
        Fecha_Materiales: '02-03-2026',
        // Spool 9 was armed at spool level before union tracking (legacy).
        Fecha_Armado: n === 9 ? '10-03-2026' : '',
        Armador: n === 9 ? 'MR(93)' : '',
        version: 1,
      }),
    );
    if (n === 5) spools.push(header.map(() => '')); // a blank row in the middle
    for (let u = 1; u <= 10; u++) {
      const armed = u <= progress.armed && !(n === 9);
      const tipo = TYPES[(u - 1) % TYPES.length]!;
      // ARM-only types (FW, MIT by default) are never welded (design §3).
      const welded = armed && u <= progress.welded && needsSold(tipo, DEFAULT_SETTINGS);
      // Serial numbers as production's older rows hold them (46085.4 = 04-03-2026 09:36).
      const armDate: Cell = progress.serialDates ? 46085.4 + u / 100 : `04-03-2026 0${u % 10}:15:00`;
      const solDate: Cell = progress.serialDates ? 46086.5 : `05-03-2026 1${u % 10}:30:00`;
      // OT 004's union 6 has a decimal comma; OT 002's union 1 (armed) a 3/4 Sheets turned into a date (its
      // serial, 46115, with a date format): an unreadable row that holds COMPLETAR back.
      const dn: Cell =
        n === 4 && u === 6 ? '2,5' : n === 2 && u === 1 ? DN_AS_DATE : DNS[(index + u) % DNS.length]!;
      unions.push(
        row(UNIONES_HEADER, {
          ID: String(unionId++).padStart(4, '0'),
          OT: n === 7 && u === 3 ? '' : ot, // one union whose OT is blank: found through TAG_SPOOL
          N_UNION: u,
          TAG_SPOOL: tag,
          DN_UNION: dn,
          TIPO_UNION: tipo,
          ARM_FECHA_INICIO: armed ? armDate : '',
          ARM_FECHA_FIN: armed ? armDate : '',
          ARM_WORKER: armed ? 'MR(93)' : '',
          SOL_FECHA_INICIO: welded ? solDate : '',
          SOL_FECHA_FIN: welded ? solDate : '',
          SOL_WORKER: welded ? 'JP(94)' : '',
          version: 1,
        }),
      );
      if (dn === DN_AS_DATE) dnDateCells.push([unions.length + 1, UNIONES_HEADER.indexOf('DN_UNION') + 1]);
      if (progress.serialDates) {
        const rowNumber = unions.length + 1; // after the header
        const dated = [
          'ARM_FECHA_INICIO',
          'ARM_FECHA_FIN',
          ...(welded ? ['SOL_FECHA_INICIO', 'SOL_FECHA_FIN'] : []),
        ];
        if (armed)
          for (const name of dated) serialDateCells.push([rowNumber, UNIONES_HEADER.indexOf(name) + 1]);
      }
    }
  });
  // A duplicated TAG_SPOOL row, as copy-pasted in production.
  spools.push(row(header, { OT: demoOt(10), TAG_SPOOL: demoTag(10), Cliente: 'Minera Demo (copia)' }));

  const operaciones = book.addSheet('Operaciones', [[...header], ...spools], { extraEmptyRows: 20 });
  // The metric columns carry the formats the add-on writes (`0` counts, `0.00` pulgadas), as after Migrar
  // esquema: a column reads one way whether the add-on or the demo filled a cell.
  for (const [metric, format] of Object.entries(METRIC_FORMATS)) {
    const column = header.indexOf(OPERACIONES[metric as keyof typeof METRIC_FORMATS]) + 1;
    if (column > 0) operaciones.writeFormats(2, column, spools.length, 1, () => format);
  }
  const unionSheet = book.addSheet('Uniones', [[...UNIONES_HEADER], ...unions], { extraEmptyRows: 20 });
  for (const [r, c] of serialDateCells) unionSheet.writeFormats(r, c, 1, 1, () => SERIAL_DATE_FORMAT);
  for (const [r, c] of dnDateCells) unionSheet.writeFormats(r, c, 1, 1, () => 'd/m');
  book.addSheet('Metadata', [[...METADATA_HEADER]], { extraEmptyRows: 5 });
  addWorkerSheets(book, DEMO_WORKERS);
  if (options.events)
    addDemoEvents(book, options.events.now, {
      tag: demoTag,
      ot: demoOt,
      dn: demoDn,
      tipo: (_n, u) => TYPES[(u - 1) % TYPES.length]!,
    });
  return book;
}

/** DN_UNION of union `u` of demo spool `n` (as the rows above write it; the decimal-comma one as 2.5). */
function demoDn(n: number, u: number): number {
  return n === 4 && u === 6 ? 2.5 : DNS[(n - 1 + u) % DNS.length]!;
}

export type DemoWorker = (typeof DEMO_WORKERS)[number];

/** Trabajadores and Roles for `workers` (one Roles row per worker and role). */
export function addWorkerSheets(book: FakeSpreadsheet, workers: readonly DemoWorker[]): void {
  book.addSheet('Trabajadores', [
    [...TRABAJADORES_HEADER],
    ...workers.map((w) => [w.id, w.nombre, w.apellido, w.activo]),
  ]);
  book.addSheet('Roles', [
    [...ROLES_HEADER],
    ...workers.flatMap((w) => w.roles.map((rol) => [w.id, rol, 'SI'])),
  ]);
}
