import { describe, expect, it } from 'vitest';
import { UnitOfWork } from '../../src/data/unitOfWork';
import { RowReader, describeIssue, type CellIssue } from '../../src/data/rowReader';
import { PRODUCTION_OPERACIONES_HEADER } from '../../src/data/productionHeaders';
import { escapeText } from '../../src/domain/text';
import type { Cell } from '../../src/domain/cell';
import { adapterFor, productionBook, withInsertedColumn } from '../support/workbooks';

const SPEC = {
  sheet: 'Operaciones',
  required: ['OT', 'TAG_SPOOL', 'Fecha_Materiales', 'Ocupado_Por', 'Total_Uniones'],
  optional: ['Fecha_Armado'],
};

const spools: Array<Record<string, Cell>> = [
  { OT: '001', TAG_SPOOL: 'SP-001', Fecha_Materiales: 46155.48180555556, Total_Uniones: 10 },
  { OT: '002', TAG_SPOOL: 'SP-002', Fecha_Materiales: '13-05-2026', Total_Uniones: '2,5' },
  {},
  { OT: '003', TAG_SPOOL: 'SP-003', Fecha_Materiales: new Date(Date.UTC(2026, 4, 1, 12)), Total_Uniones: 3 },
];

describe('table layer on the production Operaciones sheet', () => {
  it('reads the 75-column sheet once, skipping blank rows in the middle and trailing empty rows', () => {
    const book = productionBook(spools, { extraEmptyRows: 40 });
    const uow = new UnitOfWork(adapterFor(book));
    book.calls.reset();
    const table = uow.table(SPEC);
    uow.table(SPEC);
    expect(book.calls.of('Operaciones')).toBe(3); // getSheetByName, getDataRange, getValues: once
    expect(table.columns.width).toBe(75);
    expect(table.dataRows().map((r) => [r.rowNumber, table.get(r, 'TAG_SPOOL')])).toEqual([
      [2, 'SP-001'],
      [3, 'SP-002'],
      [5, 'SP-003'],
    ]);
  });

  it('decodes dates and numbers in every form the sheet holds, and reports what it cannot parse', () => {
    const book = productionBook([
      ...spools,
      { OT: '004', TAG_SPOOL: 'SP-004', Fecha_Materiales: '31-02-2026', Total_Uniones: 'diez' },
    ]);
    const uow = new UnitOfWork(adapterFor(book));
    const table = uow.table(SPEC);
    const issues: CellIssue[] = [];
    const read = new RowReader(table, uow.timeZone(), issues);
    const rows = table.dataRows();
    expect(rows.map((r) => read.number(r, 'Total_Uniones'))).toEqual([10, 2.5, 3, null]);
    expect(read.date(rows[0]!, 'Fecha_Materiales')).toBe(Date.UTC(2026, 4, 13, 15, 33, 48));
    expect(read.date(rows[1]!, 'Fecha_Materiales')).toBe(Date.UTC(2026, 4, 13, 4, 0, 0));
    expect(read.date(rows[3]!, 'Fecha_Materiales')).toBeNull();
    expect(issues.map(describeIssue)).toEqual([
      'Operaciones!BS6 (Total_Uniones): no es un número: "diez"',
      'Operaciones!AI6 (Fecha_Materiales): fecha inválida "31-02-2026"',
    ]);
  });

  it('writes by header after a column was inserted mid-sheet since the last request', () => {
    const book = productionBook(spools);
    const first = new UnitOfWork(adapterFor(book));
    const before = first.table(SPEC).columns.index('Ocupado_Por');

    book.sheet('Operaciones').insertColumnsAfter(3, 1); // someone adds a column after OT
    const second = new UnitOfWork(adapterFor(book));
    const table = second.table(SPEC);
    second.set(table, table.dataRows()[1]!, 'Ocupado_Por', escapeText('MR(93)'));
    second.commit();

    const values = book.sheet('Operaciones').dump();
    expect(values[0]![before + 1]).toBe('Ocupado_Por');
    expect(values[2]![before + 1]).toBe('MR(93)');
    expect(values[2]![before]).toBe(''); // MatSys, now left of it, untouched
    expect(values[0]![before]).toBe('MatSys');
  });

  it('reads a header with a column inserted mid-sheet', () => {
    const header = withInsertedColumn(PRODUCTION_OPERACIONES_HEADER, 'Observación QA', 'OT');
    const book = productionBook(spools, { header });
    const table = new UnitOfWork(adapterFor(book)).table(SPEC);
    expect(table.get(table.dataRows()[0]!, 'OT')).toBe('001');
  });

  it('commits scattered writes as exact rectangles: nothing read, only the cells asked for, others kept', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      OT: String(i).padStart(3, '0'),
      TAG_SPOOL: `SP-${i}`,
      Fecha_Materiales: '01-05-2026',
      Total_Uniones: i,
      Fecha_Armado: i === 7 ? "'=texto" : '',
    }));
    const book = productionBook(many);
    book
      .sheet('Operaciones')
      .getRange(100, PRODUCTION_OPERACIONES_HEADER.indexOf('MatSys') + 1)
      .setValue('=1+1'); // a formula between our columns
    const uow = new UnitOfWork(adapterFor(book));
    const table = uow.table(SPEC);
    const rows = table.dataRows();
    for (const i of [1, 50, 150, 299]) {
      uow.set(table, rows[i]!, 'Ocupado_Por', escapeText(`W${i}`));
      uow.set(table, rows[i]!, 'Total_Uniones', i * 10);
    }
    book.calls.reset();
    uow.commit();
    // Under the cost model a read is 120 ms and a buffered write 0.5 ms: never read back to coalesce.
    const priced = book.calls.price();
    expect(priced.reads).toBe(0);
    // 8 values, and the plain-text format of the 4 text cells (text goes in as text whatever the format).
    expect(priced.writes).toBe(12);
    expect(priced.cellsWritten).toBe(12);
    const values = book.sheet('Operaciones').dump();
    const col = (name: string) => PRODUCTION_OPERACIONES_HEADER.indexOf(name);
    expect(values[2]![col('Ocupado_Por')]).toBe('W1');
    expect(values[300]![col('Total_Uniones')]).toBe(2990);
    expect(values[3]![col('Total_Uniones')]).toBe(2); // untouched row inside the block, same value
    expect(values[3]![col('Ocupado_Por')]).toBe('');
    expect(values[8]![col('Fecha_Armado')]).toBe('=texto'); // text that looks like a formula stays text
    expect(book.sheet('Operaciones').formulaAt(100, col('MatSys') + 1)).toBe('=1+1');
    expect(values[1]![2]).toBe('000'); // OT as text keeps its zeros
    const sheet = book.sheet('Operaciones');
    expect(sheet.getRange(3, col('Ocupado_Por') + 1).getNumberFormats()[0]![0]).toBe('@');
    expect(sheet.getRange(3, col('Total_Uniones') + 1).getNumberFormats()[0]![0]).not.toBe('@');
  });

  it('appends by header in chunks, and lays out columns whatever their order', () => {
    const book = productionBook(spools);
    book.addSheet('Metadata', [['id', 'Evento_Tipo', 'TIMESTAMP']]);
    const uow = new UnitOfWork(adapterFor(book), { appendChunkSize: 2 });
    for (let i = 0; i < 5; i++) uow.append('Metadata', { ID: `e${i}`, Timestamp: i, Evento_Tipo: 'PRUEBA' });
    book.calls.keepLog = true;
    book.calls.reset();
    uow.commit();
    expect(book.calls.log.filter((c) => c.startsWith('Metadata.setValues'))).toEqual([
      'Metadata.setValues 2x3',
      'Metadata.setValues 2x3',
      'Metadata.setValues 1x3',
    ]);
    expect(book.sheet('Metadata').dump()).toEqual([
      ['id', 'Evento_Tipo', 'TIMESTAMP'],
      ['e0', 'PRUEBA', 0],
      ['e1', 'PRUEBA', 1],
      ['e2', 'PRUEBA', 2],
      ['e3', 'PRUEBA', 3],
      ['e4', 'PRUEBA', 4],
    ]);
  });

  it('undoes every write when the commit fails half-way', () => {
    const book = productionBook(spools);
    book.addSheet('Metadata', [['ID', 'Evento_Tipo']]);
    const before = {
      operaciones: book.sheet('Operaciones').dump(),
      metadata: book.sheet('Metadata').dump(),
    };
    const uow = new UnitOfWork(adapterFor(book), { appendChunkSize: 1 });
    const table = uow.table(SPEC);
    uow.set(table, table.dataRows()[0]!, 'Ocupado_Por', 'X');
    uow.set(table, table.dataRows()[2]!, 'Ocupado_Por', 'Y');
    uow.append('Metadata', { ID: 'a', Evento_Tipo: 'E' });
    uow.append('Metadata', { ID: 'b', Evento_Tipo: 'E' });
    book.calls.injectFault({ sheet: 'Metadata', method: 'setValues', after: 1 }); // the second chunk fails
    expect(() => uow.commit()).toThrow(/Service Spreadsheets failed/);
    expect(book.sheet('Operaciones').dump()).toEqual(before.operaciones);
    expect(book.sheet('Metadata').dump()).toEqual(before.metadata);
  });

  it('says which sheet is missing', () => {
    const uow = new UnitOfWork(adapterFor(productionBook(spools)));
    expect(() => uow.table({ sheet: 'Uniones', required: ['OT'] })).toThrow(
      'SCHEMA: No existe la hoja "Uniones".',
    );
  });
});
