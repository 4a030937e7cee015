import { describe, expect, it } from 'vitest';
import { a1Ranges } from '../../../src/domain/cell';
import {
  estadoLibre,
  estadoOcupado,
  heldOperation,
  operationState,
  parseEstadoDetalle,
  spoolStates,
} from '../../../src/domain/estadoDetalle';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { unionOf } from '../../support/unions';

const union = (n: number, tipo: string, armed: boolean, welded: boolean) =>
  unionOf(n, { tipo, armFin: armed ? 1 : null, solFin: welded ? 1 : null });
const context = { settings: DEFAULT_SETTINGS, legacyArmed: false, unreadable: false };

describe('estadoDetalle', () => {
  it('derives each state from the unions: none pendiente, some pausado, all completado', () => {
    const unions = [union(1, 'BW', true, true), union(2, 'BW', true, false), union(3, 'FW', true, false)];
    expect(operationState(unions, 'ARM', context)).toBe('completado');
    expect(operationState(unions, 'SOLD', context)).toBe('pausado'); // FW needs no SOLD
    expect(operationState([union(1, 'BW', false, false)], 'ARM', context)).toBe('pendiente');
    expect(operationState(unions, 'ARM', { ...context, unreadable: true })).toBe('pausado');
    expect(operationState([union(1, 'BW', false, false)], 'ARM', { ...context, legacyArmed: true })).toBe(
      'completado',
    );
  });

  it('formats and reads back the two shapes of the shared grammar', () => {
    const states = spoolStates([union(1, 'BW', true, false)], context, 'SOLD');
    const occupied = estadoOcupado('JP(94)', 'SOLD', states);
    expect(occupied).toBe('JP(94) trabajando SOLD (ARM completado, SOLD en progreso)');
    expect(parseEstadoDetalle(occupied)).toEqual({
      occupiedBy: 'JP(94)',
      operation: 'SOLD',
      states: { ARM: 'completado', SOLD: 'en progreso' },
    });
    const free = estadoLibre(spoolStates([union(1, 'BW', true, false)], context));
    expect(free).toBe('Disponible - ARM completado, SOLD pendiente');
    expect(parseEstadoDetalle(free)).toMatchObject({ occupiedBy: null, operation: null });
  });

  it('tells the held operation only for that worker, from our legacy text too, else null', () => {
    expect(heldOperation('MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)', 'MR(93)')).toBe('ARM');
    expect(heldOperation('MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)', 'JP(94)')).toBeNull();
    expect(heldOperation('SOLD en curso - JP(94)', 'JP(94)')).toBe('SOLD');
    expect(heldOperation('soldando', 'JP(94)')).toBeNull();
  });
});

describe('a1Ranges', () => {
  it('names exact cells as few rectangles', () => {
    const cells = [9, 10, 11].flatMap((row) => [7, 8, 9, 17].map((col) => ({ row, col })));
    expect(a1Ranges(cells)).toEqual(['G9:I11', 'Q9:Q11']);
    expect(a1Ranges([{ row: 2, col: 36 }])).toEqual(['AJ2']);
    expect(
      a1Ranges([
        { row: 2, col: 1 },
        { row: 4, col: 1 },
      ]),
    ).toEqual(['A2', 'A4']);
  });
});
