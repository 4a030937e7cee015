// A cell holds at most 50,000 characters (issue 14 §1): the in-memory services refuse more as Apps Script
// does, and nothing we write can pass it; the settings property is refused over 9 KB in Spanish.

import { describe, expect, it } from 'vitest';
import { releaseSpool } from '../../../src/app/panel/releaseSpool';
import { summaryService } from '../../../src/app/resumen/summaryJob';
import { startWork } from '../../../src/app/startWork';
import { loadSettings, saveSettings } from '../../../src/data/settingsRepository';
import {
  CELL_MAX_CHARS,
  CUT_MARKER,
  fitCell,
  PROPERTY_MAX_BYTES,
  utf8Length,
} from '../../../src/domain/bytes';
import { CELL_TOO_LONG_MESSAGE } from '../../../src/memory/fakeGrid';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { failure } from '../../support/failure';
import { notes } from '../../support/resumen';
import { BACKENDS, environment, NOW, progressBook, records, trackingBook } from '../../support/tracking';

describe('the in-memory spreadsheet refuses a cell over 50,000 characters', () => {
  it('setValues, setValue and appendRow: 50,000 go in, 50,001 throw Apps Script’s text and change nothing', () => {
    const book = new FakeSpreadsheet();
    const sheet = book.addSheet('Hoja', [['a', 'b']]);
    sheet.getRange(1, 1, 1, 2).setValues([['x'.repeat(CELL_MAX_CHARS), 'ok']]);
    expect(String(sheet.dump()[0]![0]).length).toBe(CELL_MAX_CHARS);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['y', 'z'.repeat(CELL_MAX_CHARS + 1)]])).toThrow(
      CELL_TOO_LONG_MESSAGE,
    );
    expect(() => sheet.getRange(1, 2).setValue('z'.repeat(CELL_MAX_CHARS + 1))).toThrow(
      CELL_TOO_LONG_MESSAGE,
    );
    expect(() => sheet.appendRow(['z'.repeat(CELL_MAX_CHARS + 1)])).toThrow(CELL_TOO_LONG_MESSAGE);
    expect(sheet.dump()).toEqual([['x'.repeat(CELL_MAX_CHARS), 'ok']]);
    expect(CELL_TOO_LONG_MESSAGE).toBe(
      'Exception: Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('fitCell cuts with a marker, never past the limit, never half an emoji', () => {
    expect(fitCell('abc')).toBe('abc');
    const cut = fitCell('😀'.repeat(CELL_MAX_CHARS));
    expect(cut.length).toBeLessThanOrEqual(CELL_MAX_CHARS - 1);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});

describe.each(BACKENDS)('text we write stays within a cell (%s)', (backend) => {
  it('a release reason over 500 characters is a VALIDATION naming the field and the limit; nothing written', () => {
    const book = progressBook({ ots: 1, unionsPerOt: 2, armed: 0, welded: 0 });
    const env = environment(book, NOW, backend);
    startWork(env.ports(), { tagSpool: 'SP-001', operation: 'ARM', workerId: 93, requestId: 'req-take-1' });
    const before = ['Operaciones', 'Metadata'].map((n) => book.sheet(n).dump());
    const release = (reason: string, requestId: string) =>
      releaseSpool(env.ports(), { tagSpool: 'SP-001', workerId: 98, reason, requestId });
    expect(failure(() => release('m'.repeat(501), 'req-release-long')).message).toBe(
      'VALIDATION: El motivo es demasiado largo: 501 caracteres, a lo más 500.',
    );
    expect(['Operaciones', 'Metadata'].map((n) => book.sheet(n).dump())).toEqual(before);
    expect(release('m'.repeat(500), 'req-release-500').reason).toBe('m'.repeat(500));
    const event = JSON.parse(String(records(book, 'Metadata').at(-1)!.Metadata_JSON)) as { reason: string };
    expect(event.reason).toBe('m'.repeat(500));
  });
});

describe('Resumen notes and the settings property are bounded', () => {
  it('a note naming an unreadable cell that holds 49,000 characters stays within 500', () => {
    const book = trackingBook({
      spools: [{ ot: '001', tag: 'SP-001' }],
      unions: [{ ot: '001', n: 1, ARM_FECHA_FIN: `x${'9'.repeat(48_999)}`, ARM_WORKER: 'MR(93)' }],
    });
    const env = environment(book);
    const result = summaryService(env.ports()).refresh('menu');
    expect(result.unreadable.count).toBe(1);
    const lines = notes(book);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(500);
    expect(lines.some((l) => /^Uniones!H2 .*\[recortado\]$/.test(l))).toBe(true);
  });

  it('settings of 9,216 bytes (key included) are saved; 9,217 are a VALIDATION, nothing saved', () => {
    const env = environment(progressBook({ ots: 1, unionsPerOt: 1, armed: 0, welded: 0 }));
    const properties = env.ports().properties;
    const sized = (bytes: number) => {
      const base =
        utf8Length('settings') +
        utf8Length(JSON.stringify({ ...loadSettings(properties), armOnlyTypes: ['FW', ''] }));
      // "ñ" is 2 bytes: the padding lands on the exact byte count asked for.
      const pad = bytes - base;
      return ['FW', 'ñ'.repeat(Math.floor(pad / 2)) + 'a'.repeat(pad % 2)];
    };
    const stored = saveSettings(properties, { armOnlyTypes: sized(PROPERTY_MAX_BYTES) });
    expect(utf8Length('settings') + utf8Length(properties.getFresh('settings')!)).toBe(PROPERTY_MAX_BYTES);
    expect(loadSettings(properties).armOnlyTypes).toEqual(stored.armOnlyTypes);
    const error = failure(() => saveSettings(properties, { armOnlyTypes: sized(PROPERTY_MAX_BYTES + 1) }));
    expect(error.message).toBe(
      'VALIDATION: La configuración ocupa 9217 bytes y una propiedad del documento admite a lo más 9216 ' +
        '(9 KB): acorte las listas (armOnlyTypes, releaseRoles); no se guardó nada.',
    );
    expect(loadSettings(properties).armOnlyTypes).toEqual(stored.armOnlyTypes);
  });
});
