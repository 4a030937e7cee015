import { describe, expect, it } from 'vitest';
import { AppendPlanner } from '../../../../src/data/uow/appendPlanner';

const header = ['ID', 'Fecha', '', 'Evento', 'Nota', ''];

describe('AppendPlanner', () => {
  it('lays rows out by the header, cut after the last column written, anchored on a column all rows fill', () => {
    const planner = new AppendPlanner();
    planner.append('Metadata', { evento: 'ARM', ID: 'a' });
    planner.append('Metadata', { Evento: 'SOLD', Fecha: 5 });
    const { rows, anchors } = planner.layOut(() => header);
    expect(rows.get('Metadata')).toEqual([
      ['a', '', '', 'ARM'],
      ['', 5, '', 'SOLD'],
    ]);
    expect(anchors.get('Metadata')).toBe(4); // Evento: the leftmost column every row fills
  });

  it('refuses a field with no column and a missing sheet with SCHEMA', () => {
    const planner = new AppendPlanner();
    planner.append('Metadata', { Otro: 1 });
    expect(() => planner.layOut(() => header)).toThrow(
      expect.objectContaining({ code: 'SCHEMA', details: { sheet: 'Metadata', missing: ['Otro'] } }),
    );
    expect(() => planner.layOut(() => null)).toThrow(expect.objectContaining({ code: 'SCHEMA' }));
    planner.clearQueued();
    expect(planner.layOut(() => null).rows.size).toBe(0);
  });

  it('keeps a position found ahead for its anchor only, and moves it below each append', () => {
    const planner = new AppendPlanner();
    planner.locate('Metadata', 4, { row: 10, maxRows: 10 });
    expect(planner.positionFor('Metadata', 1)).toBeUndefined();
    expect(planner.positionFor('Metadata', 4)).toEqual({ row: 10, maxRows: 10 });
    planner.appended('Metadata', 10, 3, true);
    expect(planner.positionFor('Metadata', 4)).toEqual({ row: 13, maxRows: 12 });
    planner.appended('Metadata', 13, 1, false); // placed without it: no longer known
    expect(planner.positionFor('Metadata', 4)).toBeUndefined();
    planner.locate('Metadata', 4, { row: 2, maxRows: 5 });
    planner.forgetPosition();
    expect(planner.positionFor('Metadata', 4)).toBeUndefined();
  });
});
