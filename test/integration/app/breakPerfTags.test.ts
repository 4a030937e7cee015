// Adversarial review of cached headers proved by column tags (issue 15 §2): hand edits of Operaciones,
// Uniones and Metadata between two requests, a sheet re-created under its name, tags copied or doubled,
// tags on columns we do not use. Every write must land in the right column: the cells are asserted.
import { describe, expect, it } from 'vitest';
import { finishWork } from '../../../src/app/finishWork';
import { listUnions } from '../../../src/app/listUnions';
import { migrateSchema } from '../../../src/app/migrateSchema';
import { startWork } from '../../../src/app/startWork';
import { COLUMN_TAG_KEY } from '../../../src/data/uow/columnTags';
import type { Cell } from '../../../src/domain/cell';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { armRequest, environment, progressBook, records } from '../../support/tracking';

const OT = '030';
/** FINALIZAR ARM of OT's unions by MR(93) (armRequest, on this file's OT). */
const finish = (requestId: string, keys = [`${OT}+1`, `${OT}+2`]) => ({
  ...armRequest(keys, requestId),
  ot: OT,
});
const start = (requestId: string) => ({
  tagSpool: `SP-${OT}`,
  operation: 'ARM' as const,
  workerId: 93,
  requestId,
  listedOt: OT,
});

/** 40 OTs of 5 unions, migrated (tags in place), the cache warmed by a listing. */
function tagged() {
  const book = progressBook({ ots: 40, unionsPerOt: 5, armed: 0, welded: 0 });
  const env = environment(book);
  migrateSchema(env.ports(), { dryRun: false });
  listUnions(env.ports(), { ot: OT, operation: 'ARM' });
  env.resetCalls();
  return { book, env };
}

const colOf = (book: FakeSpreadsheet, sheet: string, name: string) =>
  book.sheet(sheet).dump()[0]!.map(String).indexOf(name) + 1;
const union = (book: FakeSpreadsheet, n: number) =>
  records(book, 'Uniones').find((r) => String(r.OT) === OT && r.N_UNION === n)!;
const spool = (book: FakeSpreadsheet) => records(book, 'Operaciones').find((r) => r.OT === OT)!;
const tagsOn = (book: FakeSpreadsheet, sheet: string) =>
  book.developerMetadata.dump().filter((t) => t.sheet === sheet);
function addTag(book: FakeSpreadsheet, sheet: string, col: number, value: string): void {
  const target = book.sheet(sheet);
  target.getRange(1, col, target.dimensions.maxRows, 1).addDeveloperMetadata(COLUMN_TAG_KEY, value);
}
const changedKeys = (before: Record<string, Cell>, after: Record<string, Cell>) =>
  Object.keys(after)
    .filter((k) => after[k] !== before[k])
    .sort();

/** The audit rows `requestId` appended, as {header: value}. */
const eventsOf = (book: FakeSpreadsheet, requestId: string) =>
  records(book, 'Metadata').filter((r) => String(r.ID ?? '').startsWith(`${requestId}-`));

describe('column tags against hand edits (SpreadsheetApp)', () => {
  it('Metadata: Evento_Tipo moved to the first column and a column inserted before ID: audit rows by header', () => {
    const { book, env } = tagged();
    const meta = book.sheet('Metadata');
    meta.moveColumns(meta.getRange(1, colOf(book, 'Metadata', 'Evento_Tipo')), 1);
    meta.insertColumnBefore(colOf(book, 'Metadata', 'ID'));
    meta.getRange(1, colOf(book, 'Metadata', 'ID') - 1).setValue('Notas');
    const result = finishWork(env.ports(), finish('req-bpt-meta'));
    expect(result.updated).toEqual([`${OT}+1`, `${OT}+2`]);
    const events = eventsOf(book, 'req-bpt-meta');
    expect(events.map((e) => e.Evento_Tipo)).toContain('UNION_ARM_REGISTRADA');
    expect(events.every((e) => e.Notas === '' && e.Operacion === 'ARM' && e.TAG_SPOOL === `SP-${OT}`)).toBe(
      true,
    );
    expect(union(book, 1).ARM_WORKER).toBe('MR(93)');
  });

  it('Operaciones: Ocupado_Por moved after the last column, CT deleted: INICIAR writes the right cells', () => {
    const { book, env } = tagged();
    const ops = book.sheet('Operaciones');
    ops.deleteColumns(colOf(book, 'Operaciones', 'CT'));
    const last = ops.dump()[0]!.length;
    ops.moveColumns(ops.getRange(1, colOf(book, 'Operaciones', 'Ocupado_Por')), last + 1);
    expect(ops.dump()[0]![last - 1]).toBe('Ocupado_Por');
    const before = spool(book);
    startWork(env.ports(), start('req-bpt-ops'));
    const after = spool(book);
    expect(changedKeys(before, after)).toEqual([
      'Estado_Detalle',
      'Fecha_Ocupacion',
      'Ocupado_Por',
      'version',
    ]);
    expect(after.Ocupado_Por).toBe('MR(93)');
  });

  it('Uniones deleted and re-created under its name in another column order (its tags gone): right cells, re-tagged', () => {
    const { book, env } = tagged();
    const old = book.sheet('Uniones').dump();
    const order = [...old[0]!.keys()].reverse();
    book.deleteSheet(book.sheet('Uniones'));
    const fresh = book.insertSheet('Uniones');
    fresh.load(old.map((row) => order.map((i) => row[i] ?? '')));
    expect(tagsOn(book, 'Uniones')).toEqual([]);
    const before = union(book, 3);
    const result = finishWork(env.ports(), finish('req-bpt-recreated', [`${OT}+3`]));
    expect(result.updated).toEqual([`${OT}+3`]);
    const after = union(book, 3);
    expect(changedKeys(before, after)).toEqual([
      'ARM_FECHA_FIN',
      'ARM_FECHA_INICIO',
      'ARM_WORKER',
      'version',
    ]);
    expect(after.ARM_WORKER).toBe('MR(93)');
    // Re-tagged from the header read: ARM_WORKER's tag is on its new column.
    expect(tagsOn(book, 'Uniones').find((t) => t.value === 'armworker')!.col).toBe(
      colOf(book, 'Uniones', 'ARM_WORKER'),
    );
  });

  it("a duplicated sheet's copied tags, a second copy of every Uniones tag, and tags on columns we do not use", () => {
    const { book, env } = tagged();
    // "Copia de Uniones": the same layout and tags, then reordered there (its tags move with its columns).
    const copy = book.insertSheet('Copia de Uniones');
    copy.load(book.sheet('Uniones').dump());
    for (const t of tagsOn(book, 'Uniones')) addTag(book, 'Copia de Uniones', t.col, t.value ?? '');
    copy.moveColumns(copy.getRange(1, colOf(book, 'Copia de Uniones', 'ARM_WORKER')), 1);
    // Every Uniones tag twice (two spreadsheets' worth), and ours on Operaciones' CT and a stray value.
    for (const t of tagsOn(book, 'Uniones')) addTag(book, 'Uniones', t.col, t.value ?? '');
    addTag(book, 'Operaciones', colOf(book, 'Operaciones', 'CT'), 'ct');
    addTag(book, 'Operaciones', colOf(book, 'Operaciones', 'Notas'), 'otra-cosa');
    // And Uniones' columns really moved: a column inserted before ARM_WORKER.
    book.sheet('Uniones').insertColumnBefore(colOf(book, 'Uniones', 'ARM_WORKER'));
    const before = union(book, 4);
    const result = finishWork(env.ports(), finish('req-bpt-copies', [`${OT}+4`]));
    expect(result.updated).toEqual([`${OT}+4`]);
    const after = union(book, 4);
    expect(changedKeys(before, after)).toEqual([
      'ARM_FECHA_FIN',
      'ARM_FECHA_INICIO',
      'ARM_WORKER',
      'version',
    ]);
    expect(after.ARM_WORKER).toBe('MR(93)');
    expect(records(book, 'Copia de Uniones').every((r) => r.ARM_WORKER === '')).toBe(true);
    // Re-tagged once each: one tag per schema column, each on its column.
    const armTags = tagsOn(book, 'Uniones').filter((t) => t.value === 'armworker');
    expect(armTags.map((t) => t.col)).toEqual([colOf(book, 'Uniones', 'ARM_WORKER')]);
    env.resetCalls();
    expect(finishWork(env.ports(), finish('req-bpt-copies2', [`${OT}+5`])).updated).toEqual([`${OT}+5`]);
    expect(union(book, 5).ARM_WORKER).toBe('MR(93)');
    const names = tagsOn(book, 'Uniones').map((t) => t.value);
    expect(names).toHaveLength(new Set(names).size);
  });

  // Known hole (docs/performance.md, "What the tags do not catch"): a header changed in place, without
  // moving a column (renamed, or a table pasted over the sheet in another order), keeps its tags; within
  // the cache's minute the cached header is "proved" and the write lands under the other name.
  it.fails(
    'a table pasted over Uniones with ARM_WORKER and SOL_WORKER swapped, within the cache minute',
    () => {
      const { book, env } = tagged();
      const uni = book.sheet('Uniones');
      const arm = colOf(book, 'Uniones', 'ARM_WORKER');
      const sol = colOf(book, 'Uniones', 'SOL_WORKER');
      const rows = uni.dump();
      const swapped = rows.map((row) =>
        row.map((v, i) => (i === arm - 1 ? row[sol - 1] : i === sol - 1 ? row[arm - 1] : v)),
      );
      uni
        .getRange(1, 1, swapped.length, swapped[0]!.length)
        .setValues(swapped.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v))));
      finishWork(env.ports(), finish('req-bpt-pasted', [`${OT}+1`]));
      expect(union(book, 1).ARM_WORKER).toBe('MR(93)');
      expect(union(book, 1).SOL_WORKER).toBe('');
    },
  );
});
