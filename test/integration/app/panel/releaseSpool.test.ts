// A supervisor frees a spool left taken (issue 16 §2): the cells, the audit event the other system reads, and
// every refusal leaving the sheet as it was.

import { describe, expect, it } from 'vitest';
import { releaseSpool } from '../../../../src/app/panel/releaseSpool';
import { startWork } from '../../../../src/app/startWork';
import { saveSettings } from '../../../../src/data/settingsRepository';
import { failure } from '../../../support/failure';
import { readEstadoDetalle, readMetadataRow } from '../../../support/sharedSheetReader';
import { BACKENDS, NOW, environment, progressBook, records, rowOf, tagOf } from '../../../support/tracking';

const TAG = tagOf('001');
const spool = (book: ReturnType<typeof progressBook>) =>
  rowOf(book, 'Operaciones', (r) => r.TAG_SPOOL === TAG);
const release = (requestId: string, workerId = 98, reason = 'Se fue sin finalizar') => ({
  tagSpool: TAG,
  workerId,
  reason,
  requestId,
});

/** OT 001 with 4 unions, 2 armed; MR(93) took it for ARM yesterday evening and left. */
function heldShop(backend: (typeof BACKENDS)[number]) {
  const book = progressBook({ ots: 2, unionsPerOt: 4, armed: 2, welded: 0 });
  const env = environment(book, NOW - 15 * 3_600_000, backend);
  startWork(env.ports(), { tagSpool: TAG, operation: 'ARM', workerId: 93, requestId: 'req-take-001' });
  env.clock.set(NOW);
  return { book, env };
}

describe.each(BACKENDS)('apiReleaseSpool (%s)', (backend) => {
  it('clears the occupation, writes the free Estado_Detalle and logs SPOOL_CANCELADO/CANCELAR', () => {
    const { book, env } = heldShop(backend);
    const unionsBefore = book.sheet('Uniones').dump();
    const result = releaseSpool(env.ports(), release('req-release-1'));
    expect(result).toEqual({
      tagSpool: TAG,
      ot: '001',
      formerHolder: 'MR(93)',
      heldSince: '21-11-2026 19:00:00',
      operation: 'ARM',
      releasedBy: 'CD(98)',
      estadoDetalle: 'Disponible - ARM pausado, SOLD pendiente',
      reason: 'Se fue sin finalizar',
      replayed: false,
    });
    const row = spool(book);
    expect([row.Ocupado_Por, row.Fecha_Ocupacion, row.Estado_Detalle]).toEqual([
      '',
      '',
      'Disponible - ARM pausado, SOLD pendiente',
    ]);
    expect(readEstadoDetalle(row.Estado_Detalle)).toEqual({
      kind: 'free',
      arm: 'pausado',
      sold: 'pendiente',
    });
    expect(row.version).toMatch(/^00000000-0000-4000-8000-/);
    expect(book.sheet('Uniones').dump()).toEqual(unionsBefore);
    const event = records(book, 'Metadata').at(-1)!;
    expect(readMetadataRow(event)).toEqual({
      kind: 'spool',
      tipo: 'SPOOL_CANCELADO',
      accion: 'CANCELAR',
      tag: TAG,
      operacion: 'ARM',
    });
    expect([event.Worker_ID, event.Worker_Nombre, event.Timestamp, event.ID]).toEqual([
      98,
      'CD(98)',
      '22-11-2026 10:00:00',
      'req-release-1-1',
    ]);
    const json = JSON.parse(String(event.Metadata_JSON));
    expect(json).toMatchObject({
      released_by: 'CD(98)',
      former_holder: 'MR(93)',
      reason: 'Se fue sin finalizar',
      requestId: 'req-release-1',
    });
  });

  it('a replayed requestId answers the first result and writes nothing', () => {
    const { book, env } = heldShop(backend);
    const first = releaseSpool(env.ports(), release('req-release-2'));
    const sheets = ['Operaciones', 'Metadata'].map((s) => book.sheet(s).dump());
    const again = releaseSpool(env.ports(), release('req-release-2'));
    expect(again).toEqual({ ...first, replayed: true });
    expect(['Operaciones', 'Metadata'].map((s) => book.sheet(s).dump())).toEqual(sheets);
  });

  it('a free spool is a CONFLICT naming it, and nothing is written', () => {
    const { book, env } = heldShop(backend);
    releaseSpool(env.ports(), release('req-release-3'));
    const sheets = ['Operaciones', 'Metadata'].map((s) => book.sheet(s).dump());
    expect(failure(() => releaseSpool(env.ports(), release('req-release-4'))).message).toBe(
      `CONFLICT: El spool ${TAG} no está ocupado: no hay nada que liberar.`,
    );
    expect(['Operaciones', 'Metadata'].map((s) => book.sheet(s).dump())).toEqual(sheets);
  });

  it('a blank reason is VALIDATION; an inactive worker or one without a releaseRoles role is FORBIDDEN', () => {
    const { book, env } = heldShop(backend);
    const sheets = ['Operaciones', 'Metadata'].map((s) => book.sheet(s).dump());
    expect(failure(() => releaseSpool(env.ports(), release('req-release-5', 98, '  '))).message).toBe(
      'VALIDATION: Indique el motivo para liberar el spool.',
    );
    expect(failure(() => releaseSpool(env.ports(), release('req-release-6', 97))).message).toBe(
      'FORBIDDEN: El trabajador LM(97) no está activo.',
    );
    saveSettings(env.ports().properties, { releaseRoles: ['Metrologia'] });
    expect(failure(() => releaseSpool(env.ports(), release('req-release-7', 98))).message).toBe(
      'FORBIDDEN: CD(98) no puede liberar spools: se necesita el rol Metrologia.',
    );
    expect(['Operaciones', 'Metadata'].map((s) => book.sheet(s).dump())).toEqual(sheets);
    // PS(96) holds Metrologia: allowed.
    expect(releaseSpool(env.ports(), release('req-release-8', 96)).releasedBy).toBe('PS(96)');
    expect(spool(book).Ocupado_Por).toBe('');
  });
});

describe('a spool whose Estado_Detalle was edited by hand', () => {
  it("takes the operation from its last INICIAR, so the other system reads the event's Operacion", () => {
    const { book, env } = heldShop('spreadsheetApp');
    const row = records(book, 'Operaciones').findIndex((r) => r.TAG_SPOOL === TAG) + 2;
    const col = Object.keys(spool(book)).indexOf('Estado_Detalle') + 1;
    book.sheet('Operaciones').writeBlock(row, col, [['en taller']], true);
    const result = releaseSpool(env.ports(), release('req-release-9'));
    expect(result.operation).toBe('ARM');
    expect(readMetadataRow(records(book, 'Metadata').at(-1)!)).toMatchObject({
      kind: 'spool',
      operacion: 'ARM',
    });
  });
});
