// A brand-new spreadsheet (`clasp create --type sheets`): the migration creates Operaciones too, saying so in
// its plan; an Operaciones that exists is never recreated, only ever given columns at its end.

import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/app/bootstrap';
import { migrateSchema } from '../../../src/app/migrateSchema';
import { startWork } from '../../../src/app/startWork';
import { UNIONES_HEADER } from '../../../src/data/productionHeaders';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { addWorkerSheets, DEMO_WORKERS } from '../../../src/memory/demoWorkbook';
import { failure } from '../../support/failure';
import { BACKENDS, environment, NOW, records, TZ } from '../../support/tracking';

const NEW_HEADER = [
  'OT',
  'TAG_SPOOL',
  'NV',
  'Fecha_Armado',
  'Armador',
  'Fecha_Soldadura',
  'Soldador',
  'Ocupado_Por',
  'Fecha_Ocupacion',
  'version',
  'Estado_Detalle',
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
];

const CREATE_OPERACIONES = `Crear la hoja Operaciones, que no existe, con 16 columnas: ${NEW_HEADER.join(', ')}; después escriba en ella sus spools (OT, TAG_SPOOL, NV).`;

/** What `clasp create --type sheets` makes: one empty sheet. */
function newSpreadsheet() {
  const ss = new FakeSpreadsheet({ timeZone: TZ });
  ss.addSheet('Hoja 1', [[]]);
  return ss;
}

describe('a brand-new spreadsheet', () => {
  it.each(BACKENDS)('gets every sheet, Operaciones included, and can then record work (%s)', (backend) => {
    const ss = newSpreadsheet();
    const env = environment(ss, NOW, backend);
    const hoja1 = ss.sheet('Hoja 1').dump();
    const expected = [
      CREATE_OPERACIONES,
      'Crear la hoja Uniones con 17 columnas.',
      'Crear la hoja Metadata con 11 columnas.',
      'Crear la hoja Trabajadores con 4 columnas.',
      'Crear la hoja Roles con 3 columnas.',
    ];
    const preview = migrateSchema(env.ports(), { dryRun: true });
    expect(preview).toMatchObject({ blocked: false, upToDate: false, problems: [], changes: expected });
    expect(ss.hasSheet('Operaciones')).toBe(false); // the preview wrote nothing

    expect(migrateSchema(env.ports(), { dryRun: false })).toMatchObject({
      applied: true,
      changes: expected,
      message: 'Migración aplicada: 5 cambio(s).',
    });
    expect(ss.sheet('Operaciones').dump()).toEqual([NEW_HEADER]);
    expect(ss.sheet('Hoja 1').dump()).toEqual(hoja1); // left as it was
    expect(records(ss, 'Metadata').map((e) => e.Evento_Tipo)).toEqual(['MIGRACION_ESQUEMA']);
    expect(migrateSchema(env.ports(), { dryRun: false }).upToDate).toBe(true);

    // The shop fills it in: a spool, its union, a worker; INICIAR writes the spool's row.
    ss.sheet('Operaciones')
      .getRange(2, 1, 1, 3)
      .setValues([['001', 'SP-001', 'NV-1']]);
    const union = UNIONES_HEADER.map(
      (h) => ({ OT: '001', N_UNION: 1, TAG_SPOOL: 'SP-001', DN_UNION: 6, TIPO_UNION: 'FW' })[h] ?? '',
    );
    ss.sheet('Uniones').getRange(2, 1, 1, union.length).setValues([union]);
    ss.deleteSheet(ss.sheet('Trabajadores'));
    ss.deleteSheet(ss.sheet('Roles'));
    addWorkerSheets(ss, DEMO_WORKERS.slice(0, 1));
    expect(bootstrap(env.ports()).workers.map((w) => w.id)).toEqual([93]);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-new-1' });
    expect(records(ss, 'Operaciones')[0]).toMatchObject({ TAG_SPOOL: 'SP-001', Ocupado_Por: 'MR(93)' });
  });

  it('a failed apply removes the Operaciones it had created', () => {
    const ss = newSpreadsheet();
    const env = environment(ss);
    ss.calls.injectFault({ sheet: 'Metadata', method: 'setValues' });
    expect(() => migrateSchema(env.ports(), { dryRun: false })).toThrow(/^INTERNAL: La migración falló/);
    expect(ss.sheetNames()).toEqual(['Hoja 1']); // Operaciones and Uniones removed, Metadata never left half-made
    expect(migrateSchema(env.ports(), { dryRun: false }).applied).toBe(true);
  });
});

describe('an Operaciones that exists is never recreated', () => {
  it('even with no spool rows: it only gains the columns it lacks, at its end', () => {
    const ss = newSpreadsheet();
    ss.addSheet('Operaciones', [['OT', 'TAG_SPOOL', 'Cliente']]);
    const result = migrateSchema(environment(ss).ports(), { dryRun: false });
    expect(result.changes).not.toContain(CREATE_OPERACIONES);
    expect(result.changes.filter((c) => c.includes('Operaciones'))).toHaveLength(13);
    expect(ss.sheet('Operaciones').dump()[0]).toEqual(['OT', 'TAG_SPOOL', 'Cliente', ...NEW_HEADER.slice(3)]);
  });

  it('one that appears between the preview and the apply is extended, not replaced', () => {
    const ss = newSpreadsheet();
    const env = environment(ss);
    expect(migrateSchema(env.ports(), { dryRun: true }).changes[0]).toBe(CREATE_OPERACIONES);
    // Someone adds the shop's real sheet before confirming: the apply plans again under the lock.
    ss.addSheet('Operaciones', [
      ['OT', 'TAG_SPOOL', 'NV'],
      ['001', 'SP-001', 'NV-1'],
    ]);
    const applied = migrateSchema(env.ports(), { dryRun: false });
    expect(applied.changes).not.toContain(CREATE_OPERACIONES);
    expect(records(ss, 'Operaciones')).toEqual([
      expect.objectContaining({ OT: '001', TAG_SPOOL: 'SP-001', NV: 'NV-1', Total_Uniones: 0 }),
    ]);
  });

  it('one with an empty header row is refused, never replaced', () => {
    const ss = newSpreadsheet();
    ss.addSheet('Operaciones', [
      ['', '', ''],
      ['001', 'SP-001', 'NV-1'],
    ]);
    const env = environment(ss);
    expect(migrateSchema(env.ports(), { dryRun: true })).toMatchObject({ blocked: true });
    expect(failure(() => migrateSchema(env.ports(), { dryRun: false })).message).toMatch(/^SCHEMA: /);
    expect(ss.sheet('Operaciones').dump()).toEqual([
      ['', '', ''],
      ['001', 'SP-001', 'NV-1'],
    ]);
  });
});
