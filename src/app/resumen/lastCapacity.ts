// The capacity line the last Resumen refresh wrote (issue 16 §8), read back for the Panel without rewriting
// anything: M1:M4 of Resumen (title, "Actualizado …", the line, the advice) in one read, so a workbook near the
// 10,000,000-cell limit is warned as soon as the Panel opens; Actualizar Resumen recomputes it.

import { internalError } from '../../domain/errors';
import type { Ports } from '../../ports';
import { NOTES_COL, NOTES_TITLE, SUMMARY_SHEET } from './summaryLayout';

/** What the Panel shows (JSON-safe). `state` says whether there is a line; `message` says why not, in Spanish. */
export interface LastCapacity {
  state: 'ok' | 'missing' | 'unreadable';
  /** When the refresh that wrote the line ran, `DD-MM-YYYY HH:MM:SS` in the spreadsheet's zone. */
  refreshedAt: string | null;
  line: string | null;
  /** What to do, when the line is a warning (80 % or more). */
  advice: string | null;
  warning: boolean;
  message: string;
}

/** Cells read: the title, the refresh time, the line and the advice that may follow it. */
const NOTE_ROWS = 4;
const REFRESHED = /^Actualizado (\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2});/;
const LINE = /^(ATENCIÓN: )?Capacidad: /;

/** Reads notes as summaryLayout writes them; pure, so the wording of every case is tested without a sheet. */
export function capacityFromNotes(notes: readonly string[] | null): LastCapacity {
  const none = { refreshedAt: null, line: null, advice: null, warning: false };
  if (notes === null)
    return {
      state: 'missing',
      ...none,
      message: `Aún no hay hoja ${SUMMARY_SHEET}: la capacidad se mide al actualizarla (Actualizar Resumen).`,
    };
  const [title = '', refreshed = '', line = '', next = ''] = notes;
  const when = REFRESHED.exec(refreshed);
  const warning = line.startsWith('ATENCIÓN: ');
  if (title !== NOTES_TITLE || !when || !LINE.test(line))
    return {
      state: 'unreadable',
      ...none,
      message:
        `La hoja ${SUMMARY_SHEET} no tiene la línea de capacidad donde la escribe el resumen (columna M): ` +
        'Actualizar Resumen la vuelve a escribir.',
    };
  return {
    state: 'ok',
    refreshedAt: when[1]!,
    line,
    advice: warning && next !== '' ? next : null,
    warning,
    message: `${line} (calculada el ${when[1]!}).`,
  };
}

/** apiLastCapacity: the last refresh's capacity line, read (never recomputed: no lock, nothing written). */
export function lastCapacity(ports: Ports): LastCapacity {
  const sheets = ports.summarySheet;
  if (!sheets)
    throw internalError('Esta ejecución no tiene acceso a la hoja Resumen; no se leyó la capacidad.');
  return capacityFromNotes(sheets.columnHead(SUMMARY_SHEET, NOTES_COL, NOTE_ROWS));
}
