// How full the workbook is against Google's 10,000,000-cell limit, and how long it lasts at the current
// growth (issue 16 §8): the figures and the Spanish line Resumen and the Panel show. Pure.

/** Cells a Google spreadsheet may hold, over all its sheets (every cell of each grid counts, empty or not). */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;
/** From this share of the limit on, the capacity line is a warning that says what to do. */
export const CAPACITY_WARNING_SHARE = 0.8;
/** Where the archive procedure is written (linked from the README). */
export const ARCHIVE_DOC = 'docs/archive.md';

export interface Capacity {
  /** Σ rows × columns of every sheet's grid. */
  cellsUsed: number;
  cellLimit: number;
  /** cellsUsed / cellLimit, 0–1 (4 decimals). */
  share: number;
  /** Cells added over the last 30 days (estimated; see capacityGrowth in src/app/resumen/capacityRead.ts). */
  growthPer30Days: number;
  /** Months (30 days) until the limit at that growth, 1 decimal; null when nothing grew (no end in sight). */
  monthsLeft: number | null;
  /** share ≥ 80 %. */
  warning: boolean;
  /** The line shown on Resumen and in the Panel. */
  line: string;
  /** What to do, when `warning`. */
  advice: string | null;
}

/** 1234567 → "1.234.567" (Spanish grouping, without relying on Intl data in Apps Script). */
export function groupThousands(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${grouped}` : grouped;
}

/** 12.34 → "12,3" (one decimal, decimal comma). */
export function oneDecimal(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1).replace('.', ',');
}

/** "8,5 meses"; past two years, "12 años" (a month is 30 days, a year 12 of them). */
function timeLeft(months: number): string {
  return months > 24 ? `${groupThousands(months / 12)} años` : `${oneDecimal(months)} meses`;
}

/** The capacity figures and text for `cellsUsed` cells in use that grew by `growthPer30Days` in 30 days. */
export function capacityOf(cellsUsed: number, growthPer30Days: number): Capacity {
  const share = Math.round((cellsUsed / SPREADSHEET_CELL_LIMIT) * 10_000) / 10_000;
  const growth = Math.max(0, Math.round(growthPer30Days));
  const left = Math.max(0, SPREADSHEET_CELL_LIMIT - cellsUsed);
  const monthsLeft = growth > 0 ? Math.round((left / growth) * 10) / 10 : null;
  const warning = cellsUsed / SPREADSHEET_CELL_LIMIT >= CAPACITY_WARNING_SHARE;
  const pace =
    monthsLeft === null
      ? 'sin crecimiento en los últimos 30 días'
      : `al ritmo de los últimos 30 días (+${groupThousands(growth)} celdas) alcanza el límite en ~${timeLeft(monthsLeft)}`;
  const line =
    `${warning ? 'ATENCIÓN: ' : ''}Capacidad: ${groupThousands(cellsUsed)} de ` +
    `${groupThousands(SPREADSHEET_CELL_LIMIT)} celdas (${oneDecimal(share * 100)} %); ${pace}.`;
  const advice = warning
    ? 'Archive las OT terminadas en otra planilla antes de llegar al límite (una planilla llena no acepta ' +
      `más registros): vea ${ARCHIVE_DOC}.`
    : null;
  return {
    cellsUsed,
    cellLimit: SPREADSHEET_CELL_LIMIT,
    share,
    growthPer30Days: growth,
    monthsLeft,
    warning,
    line,
    advice,
  };
}
