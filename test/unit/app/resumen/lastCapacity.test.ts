import { describe, expect, it } from 'vitest';
import { capacityFromNotes } from '../../../../src/app/resumen/lastCapacity';
import { summaryLayout } from '../../../../src/app/resumen/summaryLayout';
import { capacityOf } from '../../../../src/domain/capacity';

const TZ = 'America/Santiago';
const NOW = Date.UTC(2026, 10, 22, 13);

/** Column M as a refresh writes it (summaryLayout's notes block), as text. */
function notesFor(cellsUsed: number) {
  const capacity = capacityOf(cellsUsed, 200_000);
  const layout = summaryLayout({
    summary: {
      days: [],
      workers: [],
      totals: { ARM: { unions: 0, pulgadas: 0 }, SOLD: { unions: 0, pulgadas: 0 } },
    },
    capacity,
    unreadable: [],
    nowMs: NOW,
    timeZone: TZ,
  } as never);
  const notes = layout.blocks.find((b) => b.col === 13)!.rows.map((r) => String(r[0]));
  return { capacity, notes };
}

describe('capacityFromNotes: the line the last refresh wrote in column M', () => {
  it('reads back the line and the time summaryLayout writes', () => {
    const { capacity, notes } = notesFor(1_234_567);
    expect(capacityFromNotes(notes)).toMatchObject({
      state: 'ok',
      refreshedAt: '22-11-2026 10:00:00',
      line: capacity.line,
      advice: null,
      warning: false,
    });
  });

  it('at 80 % or more: the warning and what to do', () => {
    const { capacity, notes } = notesFor(8_500_000);
    const read = capacityFromNotes(notes);
    expect(read).toMatchObject({ state: 'ok', warning: true, line: capacity.line, advice: capacity.advice });
    expect(read.line).toMatch(/^ATENCIÓN: Capacidad: 8\.500\.000 de 10\.000\.000 celdas \(85,0 %\)/);
  });

  it('no sheet, an empty column, a line moved or edited: never a blank answer', () => {
    expect(capacityFromNotes(null).state).toBe('missing');
    expect(capacityFromNotes([]).state).toBe('unreadable');
    const { notes } = notesFor(1_000);
    expect(capacityFromNotes([notes[0]!, notes[1]!, 'borrado']).state).toBe('unreadable');
    for (const n of [null, [], ['x']]) expect(capacityFromNotes(n).message).not.toBe('');
  });
});
