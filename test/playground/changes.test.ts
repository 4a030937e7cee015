// What a call changed, as the playground page lists it: changed cells (cleared ones too), A1 ranges joined
// into rectangles, sheet names quoted as Sheets quotes them, a sheet added, nothing changed.

import { describe, expect, it } from 'vitest';
import { changedCells, rangesOf, sheetPrefix, workbookChange } from '../../scripts/playground/changes';

describe('the changes of a call', () => {
  it('finds changed, added and cleared cells, rows of different lengths read as blank beyond their end', () => {
    const before = [['a', 'b'], ['c'], ['d', 'e', 'f']];
    const after = [
      ['a', 'B'],
      ['c', 'x'],
      ['d', 'e'],
      ['', '', 'g'],
    ];
    expect(changedCells(before, after)).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
      [3, 2],
    ]);
    expect(changedCells(before, before)).toEqual([]);
  });

  it('joins runs of a row, and equal runs of consecutive rows, into rectangles', () => {
    // G2:I4 (three rows of three columns), A28:K28, then a lone cell and a run that differ in span.
    const cells: Array<[number, number]> = [];
    for (let r = 1; r <= 3; r++) for (let c = 6; c <= 8; c++) cells.push([r, c]);
    cells.push([5, 0], [6, 0], [6, 1]);
    for (let c = 0; c <= 10; c++) cells.push([27, c]);
    expect(rangesOf(cells)).toEqual(['G2:I4', 'A6', 'A7:B7', 'A28:K28']);
    // Far columns, as Operaciones' metrics: BO2:BQ2.
    expect(
      rangesOf([
        [1, 66],
        [1, 67],
        [1, 68],
      ]),
    ).toEqual(['BO2:BQ2']);
    // A gap in a row splits it; a rectangle interrupted by a row is two.
    expect(
      rangesOf([
        [0, 0],
        [0, 2],
        [2, 0],
        [2, 2],
      ]),
    ).toEqual(['A1', 'C1', 'A3', 'C3']);
  });

  it('names ranges with their sheet, quoted when the name needs it', () => {
    expect(sheetPrefix('Operaciones')).toBe('Operaciones');
    expect(sheetPrefix('Mi hoja')).toBe("'Mi hoja'");
    expect(sheetPrefix("Juan's")).toBe("'Juan''s'");
    const change = workbookChange(
      'apiStartWork',
      [
        {
          name: 'Operaciones',
          rows: [
            ['OT', 'Ocupado_Por'],
            ['001', ''],
          ],
        },
        { name: 'Mi hoja', rows: [['x']] },
      ],
      [
        {
          name: 'Operaciones',
          rows: [
            ['OT', 'Ocupado_Por'],
            ['001', 'MR(93)'],
          ],
        },
        { name: 'Mi hoja', rows: [['x']] },
        {
          name: 'Resumen',
          rows: [
            ['Fecha', 'Uniones'],
            ['', '3'],
          ],
        },
      ],
    );
    expect(change).toEqual({
      call: 'apiStartWork',
      sheets: [
        { name: 'Operaciones', cells: [[1, 1]], ranges: ['Operaciones!B2'] },
        {
          name: 'Resumen',
          cells: [
            [0, 0],
            [0, 1],
            [1, 1],
          ],
          ranges: ['Resumen!A1:B1', 'Resumen!B2'],
        },
      ],
    });
  });

  it('is null when no shown cell changed (a read-only call)', () => {
    const sheets = [{ name: 'Uniones', rows: [['ID'], ['0001']] }];
    expect(workbookChange('apiListUnions', sheets, sheets)).toBeNull();
  });
});
