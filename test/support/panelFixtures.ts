// Builders of the Panel's server answers as the sidebar receives them (the client's own response types).

import type {
  OccupiedList,
  ReleaseResult,
  SpoolHistoryView,
  SummaryView,
  WorkerDayView,
} from '../../src/client/serverApi';
import { capacityOf } from '../../src/domain/capacity';

export const TAG5 = 'MK-1335-CW-25238-005';
export const TAG8 = 'MK-1335-CW-25238-008';

export function occupied(): OccupiedList {
  return {
    spools: [
      {
        tagSpool: TAG8,
        ot: '008',
        ocupadoPor: 'JP(94)',
        workerId: 94,
        operation: 'SOLD',
        since: '03-12-2026 12:00:00',
        hours: 30,
        stale: true,
      },
      {
        tagSpool: TAG5,
        ot: '005',
        ocupadoPor: 'CD(98)',
        workerId: 98,
        operation: 'ARM',
        since: '04-12-2026 16:30:00',
        hours: 1.5,
        stale: false,
      },
    ],
    staleAfterHours: 12,
    warnings: [],
  };
}

export function workerDay(date = '04-12-2026'): WorkerDayView {
  return {
    worker: { id: 93, label: 'MR(93)' },
    date,
    entries: [
      {
        tagSpool: 'MK-1335-CW-25238-004',
        ot: '004',
        operation: 'ARM',
        unions: [3, 4, 5],
        pulgadas: 18.5,
        at: `${date} 14:30:00`,
      },
    ],
    totals: { ARM: { unions: 3, pulgadas: 18.5 }, SOLD: { unions: 0, pulgadas: 0 } },
    warnings: [],
  };
}

export function released(tagSpool = TAG8): ReleaseResult {
  return {
    tagSpool,
    ot: '008',
    formerHolder: 'JP(94)',
    heldSince: '03-12-2026 12:00:00',
    operation: 'SOLD',
    releasedBy: 'MR(93)',
    estadoDetalle: 'Disponible - ARM pausado, SOLD pendiente',
    reason: 'quedó tomado de anoche',
    replayed: false,
  };
}

export function history(tagSpool = TAG8): SpoolHistoryView {
  return {
    tagSpool,
    events: [
      {
        at: '03-12-2026 12:00:00',
        type: 'INICIAR_SPOOL',
        accion: 'INICIAR',
        operation: 'SOLD',
        worker: 'JP(94)',
        unions: [],
        release: null,
      },
      {
        at: '02-12-2026 10:00:00',
        type: 'PAUSAR_SPOOL',
        accion: 'PAUSAR',
        operation: 'ARM',
        worker: 'MR(93)',
        unions: [1, 2],
        release: null,
      },
    ],
    sessions: [
      {
        operation: 'SOLD',
        worker: 'JP(94)',
        from: '03-12-2026 12:00:00',
        to: null,
        minutes: 1800,
        outcome: 'abierta',
        release: null,
      },
      {
        operation: 'ARM',
        worker: 'MR(93)',
        from: '02-12-2026 08:00:00',
        to: '02-12-2026 10:00:00',
        minutes: 120,
        outcome: 'PAUSAR',
        release: null,
      },
    ],
    truncated: false,
    warnings: [],
  };
}

/** A Resumen refresh's answer with the capacity line the server's own capacityOf writes. */
export function summary(cellsUsed: number): SummaryView {
  return {
    created: false,
    clearedRows: 0,
    chart: 'updated',
    removedCharts: 0,
    sheet: 'Resumen',
    refreshedAt: '04-12-2026 18:00:00',
    from: '05-11-2026',
    to: '04-12-2026',
    days: 30,
    totals: { ARM: { unions: 5, pulgadas: 60 }, SOLD: { unions: 3, pulgadas: 30 } },
    workerRows: 4,
    unionRows: 100,
    unreadable: { count: 0, cells: [], details: [] },
    capacity: capacityOf(cellsUsed, 100_000),
    message: 'Hoja Resumen actualizada.',
  };
}
