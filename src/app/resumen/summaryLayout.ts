// How the Resumen sheet is laid out (issue 16 §6–8): the daily table at A1, the per-worker table at G1,
// the notes (when, capacity, unreadable cells) in column M, and the chart's ranges and first place.

import type { CellIssue } from '../../data/rowReader';
import { type Capacity } from '../../domain/capacity';
import { fitCell } from '../../domain/bytes';
import type { Cell } from '../../domain/cell';
import { formatDateTime } from '../../domain/dates';
import { dayStart, dayText, type DailySummary } from '../../domain/dailySummary';
import { escapeText } from '../../domain/text';
import type { ChartSpec, OwnedBlock } from '../../ports';

export const SUMMARY_SHEET = 'Resumen';

export const DAILY_HEADER = ['Fecha', 'Uniones ARM', 'Pulgadas ARM', 'Uniones SOLD', 'Pulgadas SOLD'];
export const WORKER_HEADER = ['Fecha', 'Trabajador', 'Operación', 'Uniones', 'Pulgadas'];

/** M1: the notes' title, which also marks the notes column as the refresh's own. */
export const NOTES_TITLE = 'Resumen de producción';

/** Columns (1-based): A, G and M. */
export const DAILY_COL = 1;
export const WORKER_COL = 7;
export const NOTES_COL = 13;

const DATE_FORMAT = 'dd-mm-yyyy';
/** How many unreadable cells the sheet names one per row (the rest are counted). */
export const NAMED_ON_SHEET = 50;
/** Characters of one note naming an unreadable cell (its reason may quote the cell's text), marker included. */
export const NOTE_MAX_CHARS = 500;

/** `Uniones!H79`: a cell as the response and the sheet name it. */
export const cellName = (issue: CellIssue) => `${issue.sheet}!${issue.cell}`;

export interface SummaryLayout {
  blocks: OwnedBlock[];
  chart: ChartSpec;
}

/**
 * The three blocks and the chart. Fechas are Dates (the day's first instant in `timeZone`, shown
 * dd-mm-yyyy), counts and pulgadas numbers (formats `0` and `0.00`); worker text is escaped so a cell that
 * starts with `=` is not made a formula.
 */
export function summaryLayout(input: {
  summary: DailySummary;
  capacity: Capacity;
  unreadable: readonly CellIssue[];
  nowMs: number;
  timeZone: string;
}): SummaryLayout {
  const { summary, capacity, unreadable, nowMs, timeZone } = input;
  const date = (day: string) => new Date(dayStart(day, timeZone));
  const daily: Cell[][] = [
    DAILY_HEADER,
    ...summary.days.map((d) => [date(d.day), d.ARM.unions, d.ARM.pulgadas, d.SOLD.unions, d.SOLD.pulgadas]),
  ];
  const workers: Cell[][] = [
    WORKER_HEADER,
    ...summary.workers.map((w) => [
      date(w.day),
      escapeText(w.worker === '' ? '(sin trabajador)' : fitCell(w.worker, NOTE_MAX_CHARS)),
      w.operation,
      w.unions,
      w.pulgadas,
    ]),
  ];
  const first = summary.days[0]?.day;
  const last = summary.days[summary.days.length - 1]?.day;
  const notes: Cell[][] = [
    [NOTES_TITLE],
    [
      escapeText(
        `Actualizado ${formatDateTime(nowMs, timeZone)}; ${summary.days.length} días` +
          (first && last ? ` (${dayText(first)} a ${dayText(last)})` : '') +
          '. Fuente: hoja Uniones (ARM_FECHA_FIN / SOL_FECHA_FIN), quien haya registrado.',
      ),
    ],
    [escapeText(capacity.line)],
    ...(capacity.advice ? [[escapeText(capacity.advice)]] : []),
    ...unreadableNotes(unreadable),
  ];
  const dayRows = summary.days.length + 1;
  return {
    blocks: [
      {
        col: DAILY_COL,
        width: 5,
        rows: daily,
        formats: [DATE_FORMAT, '0', '0.00', '0', '0.00'],
      },
      { col: WORKER_COL, width: 5, rows: workers, formats: [DATE_FORMAT, null, null, '0', '0.00'] },
      { col: NOTES_COL, width: 1, rows: notes, formats: [null] },
    ],
    chart: {
      title: `Pulgadas ARM y SOLD por día (${summary.days.length} días)`,
      ranges: [DAILY_COL, DAILY_COL + 2, DAILY_COL + 4].map((col) => ({
        row: 1,
        col,
        numRows: dayRows,
        numCols: 1,
      })),
      anchor: { row: notes.length + 2, col: NOTES_COL },
    },
  };
}

function unreadableNotes(unreadable: readonly CellIssue[]): Cell[][] {
  if (unreadable.length === 0) return [];
  const named = unreadable
    .slice(0, NAMED_ON_SHEET)
    .map((issue) => [
      escapeText(fitCell(`${cellName(issue)} (${issue.column}): ${issue.reason}`, NOTE_MAX_CHARS)),
    ]);
  const rest = unreadable.length - named.length;
  return [
    [`Celdas que no se pudieron leer (${unreadable.length}); lo que dependía de ellas no se contó:`],
    ...named,
    ...(rest > 0 ? [[`… y ${rest} más.`]] : []),
  ];
}
