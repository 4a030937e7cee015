// `npm start`: a console check of the built-in demo workbook through the table layer.

import { UnitOfWork } from '../src/data/unitOfWork';
import { RowReader, describeIssue, type CellIssue } from '../src/data/rowReader';
import { AppsScriptSpreadsheet } from '../src/gas/spreadsheetAdapter';
import { buildDemoWorkbook } from '../src/memory/demoWorkbook';

const book = buildDemoWorkbook();
const uow = new UnitOfWork(new AppsScriptSpreadsheet(book));
uow.prefetch(book.sheetNames());
const issues: CellIssue[] = [];
const tz = uow.timeZone();
console.log(`Demo workbook "${book.getName()}" (${tz})`);
for (const name of book.sheetNames()) {
  const table = uow.table({ sheet: name, required: [] });
  console.log(
    `  ${name.padEnd(13)} ${String(table.columns.width).padStart(3)} columns, ${table.dataRows().length} rows`,
  );
}
const uniones = uow.table({ sheet: 'Uniones', required: ['OT', 'N_UNION', 'DN_UNION', 'ARM_FECHA_FIN'] });
const read = new RowReader(uniones, tz, issues);
let pulgadas = 0;
for (const row of uniones.dataRows()) {
  if (read.date(row, 'ARM_FECHA_FIN') !== null) pulgadas += read.number(row, 'DN_UNION') ?? 0;
}
console.log(`Pulgadas-diámetro armadas en el libro: ${pulgadas.toFixed(2)}`);
console.log(issues.length ? issues.map(describeIssue).join('\n') : 'Sin celdas ilegibles.');
console.log(`Service calls: ${JSON.stringify(book.calls.byTarget())}`);
