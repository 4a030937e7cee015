// apiLastCapacity through build/Code.js: the capacity line the last Resumen refresh wrote, read without
// rewriting anything, and in words when there is no Resumen yet or it holds no readable line.

import { describe, expect, it } from 'vitest';
import { buildDemoWorkbook } from '../../src/memory/demoWorkbook';
import { loadBundle } from '../support/bundle';
import { failure } from '../support/failure';
import { records } from '../support/tracking';

interface LastCapacity {
  state: string;
  refreshedAt: string | null;
  line: string | null;
  advice: string | null;
  warning: boolean;
  message: string;
}

describe('apiLastCapacity (the Panel, on opening)', () => {
  it('no Resumen yet: says so in words, and creates nothing', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    const answer = bundle.call<LastCapacity>('apiLastCapacity');
    expect(answer).toEqual({
      state: 'missing',
      refreshedAt: null,
      line: null,
      advice: null,
      warning: false,
      message: 'Aún no hay hoja Resumen: la capacidad se mide al actualizarla (Actualizar Resumen).',
    });
    expect(book.hasSheet('Resumen')).toBe(false);
    expect(records(book, 'Metadata')).toEqual([]);
  });

  it('after a refresh: its line and time, read back as JSON; reading again changes nothing', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    const refreshed = bundle.call<{ refreshedAt: string; capacity: { line: string } }>('apiRefreshSummary');
    const resumen = book.sheet('Resumen').dump();
    const logged = records(book, 'Metadata').length;
    const answer = bundle.call<LastCapacity>('apiLastCapacity', {});
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
    expect(answer).toMatchObject({
      state: 'ok',
      refreshedAt: refreshed.refreshedAt,
      line: refreshed.capacity.line,
      advice: null,
      warning: false,
    });
    expect(answer.message).toBe(`${refreshed.capacity.line} (calculada el ${refreshed.refreshedAt}).`);
    expect(book.sheet('Resumen').dump()).toEqual(resumen);
    expect(records(book, 'Metadata')).toHaveLength(logged);
  });

  it('a Resumen without the line (made by hand): unreadable, said in words; a request with fields is VALIDATION', () => {
    const book = buildDemoWorkbook();
    book.addSheet('Resumen', [['Notas del turno']]);
    const bundle = loadBundle(book);
    const answer = bundle.call<LastCapacity>('apiLastCapacity');
    expect(answer.state).toBe('unreadable');
    expect(answer.message).toMatch(/^La hoja Resumen no tiene la línea de capacidad/);
    expect(failure(() => bundle.call('apiLastCapacity', { force: true })).message).toMatch(
      /^VALIDATION: Solicitud inválida: campos no esperados: force/,
    );
  });
});
