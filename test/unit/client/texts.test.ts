import { describe, expect, it } from 'vitest';
import { chooseLocale, translator } from '../../../src/client/i18n';
import {
  confirmLabelKey,
  errorText,
  outcomeLines,
  outcomeView,
  shortTime,
  shortTimesIn,
  spoolStateText,
  spoolTone,
  unionLabel,
  unionNote,
} from '../../../src/client/texts';
import { toUnionItem } from '../../../src/client/serverApi';
import { toCallError } from '../../../src/client/serverClient';
import type { Intent } from '../../../src/client/state';
import { done, finishResult, union } from '../../support/clientFixtures';

/** A union as the sidebar keeps it. */
const item = (...args: Parameters<typeof union>) => toUnionItem(union(...args));

const es = translator('es');
const today = { day: 13, month: 5, year: 2026 };

describe('the sidebar texts', () => {
  it('errors show the server text without its code, or a catalogue sentence; never [object Object]', () => {
    expect(errorText({ code: 'NOT_FOUND', detail: 'No existe la OT <script>.' }, es)).toBe(
      'No existe la OT <script>.',
    );
    expect(errorText({ code: 'TIMEOUT', detail: '380' }, es)).toBe(
      'El servidor no respondió en 380 s. Puede que la operación se haya guardado: use Reintentar, no se registrará dos veces.',
    );
    expect(errorText({ code: 'UNKNOWN', detail: '' }, es)).toBe('Error inesperado del servidor.');
    expect(errorText({ code: 'INTERNAL', detail: '' }, es)).toBe(
      'Error interno del servidor; intente de nuevo.',
    );
    expect(errorText({ code: 'CONFLICT', detail: {} as unknown as string }, es)).toBe(
      'No se pudo completar la operación.',
    );
  });

  it('a spool reads libre, ocupado por NR(94) desde 10:32 (today) or with the day, or tomado por usted', () => {
    const spool = {
      tagSpool: 'SP-1',
      ocupadoPor: '',
      fechaOcupacion: '',
      estadoDetalle: '',
      repetido: false,
    };
    expect(spoolStateText(spool, 'MR(93)', es, today)).toBe('libre');
    const busy = { ...spool, ocupadoPor: 'NR(94)', fechaOcupacion: '13-05-2026 10:32:05' };
    expect(spoolStateText(busy, 'MR(93)', es, today)).toBe('ocupado por NR(94) desde 10:32');
    expect(spoolStateText({ ...busy, fechaOcupacion: '12-05-2026 18:01:00' }, null, es, today)).toBe(
      'ocupado por NR(94) desde 12-05 18:01',
    );
    expect(spoolStateText(busy, 'NR(94)', es, today)).toBe('tomado por usted');
    expect(shortTime('46155.48', today)).toBe('46155.48');
  });

  it('a union label starts with its key; the note says who did it and when, or why it is blocked', () => {
    const armed = item('002+4', 'SP-1', 2.5, { arm: done('MR(93)'), disponible: false });
    expect(unionLabel(armed, es)).toBe('002+4 · DN 2,5 · BW');
    expect(unionNote(armed, 'ARM', es, today)).toBe('ARM por MR(93) 11:33');
    const unreadable = item('002+5', 'SP-1', null, {
      disponible: false,
      reason: 'Celda ilegible Uniones!E81',
    });
    expect(unionLabel(unreadable, es)).toBe('002+5 · DN ? · BW');
    expect(unionNote(unreadable, 'ARM', es, today)).toBe('Celda ilegible Uniones!E81');
    expect(unionNote(item('002+6', 'SP-1', 1), 'ARM', es, today)).toBe('');
  });

  it('the FINALIZAR result lists actions, recorded keys, skipped keys with reasons and the new metrics', () => {
    expect(outcomeLines({ kind: 'finished', result: finishResult(), soldNeeded: {} }, es)).toEqual([
      'FINALIZAR ARM de la OT 002 · uniones registradas: 2 · pulgadas: 10,5',
      'SP-A: PAUSAR',
      'Registradas: 002+2, 002+3',
      'SP-A — ARM 3/6 (12,5 pulg.) · SOLD 0/6 (0 pulg.)',
      'Omitidas:',
      '002+4: Falta ARM',
    ]);
    const replayed = outcomeLines(
      { kind: 'finished', result: finishResult({ replayed: true, skipped: [] }), soldNeeded: {} },
      es,
    );
    expect(replayed[1]).toBe('Esta solicitud ya se había registrado; no se escribió nada de nuevo.');
  });

  it('the FINALIZAR warnings are shown: the unreadable cell that kept a spool from COMPLETAR', () => {
    const warning =
      'Uniones!E81 (DN_UNION): no es un número: "3/4" — el spool SP-A queda en PAUSAR (no se completa) y sus métricas no se reescriben.';
    const lines = outcomeLines(
      {
        kind: 'finished',
        soldNeeded: {},
        result: finishResult({
          skipped: [],
          warnings: [warning],
          spools: [{ tagSpool: 'SP-A', action: 'PAUSAR', metrics: null }],
        }),
      },
      es,
    );
    expect(lines).toEqual([
      'FINALIZAR ARM de la OT 002 · uniones registradas: 2 · pulgadas: 10,5',
      'SP-A: PAUSAR',
      'Registradas: 002+2, 002+3',
      'Avisos:',
      warning,
    ]);
  });

  it('a lost connection reads as a plain sentence, in Spanish or English, never the browser text', () => {
    const lost = toCallError(new Error('NetworkError: Connection failure due to HTTP 0'));
    expect(lost.code).toBe('NETWORK');
    expect(errorText(lost, es)).toBe(
      'Se perdió la conexión con la planilla antes de recibir la respuesta. Puede que la operación se haya guardado: use Reintentar, no se registrará dos veces.',
    );
    expect(errorText(lost, translator('en'))).not.toMatch(/NetworkError|HTTP 0/);
  });

  it('Spanish unless a setting or the spreadsheet locale says English; numbers by Intl', () => {
    expect(chooseLocale(null, undefined)).toBe('es');
    expect(chooseLocale(null, 'en_US')).toBe('en');
    expect(chooseLocale('es', 'en_US')).toBe('es');
    expect(es.number(1234.5)).toBe('1.234,5');
    expect(translator('en').number(18.5)).toBe('18.5');
  });

  describe('what a new user met (issue: sidebar polish)', () => {
    const en = translator('en');
    const threeActions = finishResult({
      skipped: [],
      spools: [
        { tagSpool: 'SP-A', action: 'PAUSAR', metrics: null },
        { tagSpool: 'SP-B', action: 'COMPLETAR', metrics: null },
        { tagSpool: 'SP-C', action: 'CANCELAR', metrics: null },
      ],
    });

    it('in English the result names the actions in English; Spanish keeps the shared words', () => {
      const lines = (tr: typeof es) =>
        outcomeLines({ kind: 'finished', result: threeActions, soldNeeded: {} }, tr);
      expect(lines(en).slice(1, 4)).toEqual(['SP-A: PAUSE', 'SP-B: COMPLETE', 'SP-C: CANCEL']);
      expect(lines(es).slice(1, 4)).toEqual(['SP-A: PAUSAR', 'SP-B: COMPLETAR', 'SP-C: CANCELAR']);
      expect(lines(en).join('\n')).not.toMatch(/PAUSAR|COMPLETAR|CANCELAR/);
    });

    it('SOLD is counted against the unions that need SOLD, ARM against all', () => {
      const lines = outcomeLines(
        { kind: 'finished', result: finishResult({ skipped: [] }), soldNeeded: { 'SP-A': 4 } },
        es,
      );
      expect(lines[lines.length - 1]).toBe('SP-A — ARM 3/6 (12,5 pulg.) · SOLD 0/4 (0 pulg.)');
    });

    it('a repeated spool warns (never the green of libre), even when nobody holds it', () => {
      const free = {
        tagSpool: 'SP-1',
        ocupadoPor: '',
        fechaOcupacion: '',
        estadoDetalle: '',
        repetido: false,
      };
      expect(spoolTone(free, null)).toBe('free');
      expect(spoolTone({ ...free, repetido: true }, null)).toBe('warn');
      expect(spoolStateText({ ...free, repetido: true }, null, es, today)).toBe(
        'Spool repetido en Operaciones',
      );
      expect(spoolTone({ ...free, ocupadoPor: 'MR(93)' }, 'MR(93)')).toBe('mine');
      expect(spoolTone({ ...free, ocupadoPor: 'NR(94)' }, 'MR(93)')).toBe('busy');
    });

    it('the confirmation buttons say Volver and what Confirmar does (record, or only CANCELAR)', () => {
      const line = (action: 'PAUSAR' | 'CANCELAR') => ({
        tagSpool: 'SP',
        action,
        unions: 0,
        pulgadas: 0,
        blocked: false,
      });
      expect(es.t(confirmLabelKey([line('CANCELAR')]))).toBe('Confirmar CANCELAR');
      expect(es.t(confirmLabelKey([line('PAUSAR'), line('CANCELAR')]))).toBe('Confirmar y registrar');
      expect(es.t('button.back')).toBe('Volver');
      expect(en.t(confirmLabelKey([line('CANCELAR')]))).toBe('Confirm CANCEL');
    });
  });

  describe('answers and failures that tell the truth (issue 14)', () => {
    const en = translator('en');
    const today = { day: 4, month: 12, year: 2026 };
    const load = { kind: 'load', ot: '002', operation: 'ARM' } as const;
    const finishIntent = {
      kind: 'finish',
      request: { ot: '002', operation: 'ARM', workerId: 93, unionKeys: ['002+2'], requestId: 'r-12345678' },
    } satisfies Intent;

    it('a lost answer of a search says nothing was saved; of a FINALIZAR, that it may have been', () => {
      const read = errorText({ code: 'NETWORK', detail: '', retry: load }, es);
      expect(read).toMatch(/Una búsqueda no guarda nada/);
      expect(read).not.toMatch(/Puede que la operación se haya guardado/);
      expect(errorText({ code: 'TIMEOUT', detail: '380', retry: { kind: 'bootstrap' } }, es)).not.toMatch(
        /se haya guardado/,
      );
      expect(errorText({ code: 'NETWORK', detail: '', retry: finishIntent }, es)).toMatch(
        /Puede que la operación se haya guardado/,
      );
    });

    it('several Google accounts: explained in Spanish, what to do, no Reintentar', () => {
      for (const raw of [
        'PERMISSION_DENIED',
        "We're sorry, a server error occurred. Please wait a bit and try again.",
        'ScriptError: Authorization is required to perform that action.',
      ]) {
        const error = toCallError(new Error(raw));
        expect(error.code, raw).toBe('ACCOUNTS');
        const text = errorText({ ...error, retry: load }, es);
        expect(text).toMatch(/varias cuentas de Google/);
        expect(text).toMatch(/una sola cuenta/);
        expect(text).toMatch(/la cuenta que instaló el complemento/);
      }
    });

    it('one time format: a server text with a full date-time reads as the short time', () => {
      expect(shortTimesIn('El spool X está ocupado por MR(93) desde 04-12-2026 14:40:43.', today)).toBe(
        'El spool X está ocupado por MR(93) desde 14:40.',
      );
      expect(shortTimesIn('Ya armada por MR(93) el 03-12-2026 09:05:00.', today)).toBe(
        'Ya armada por MR(93) el 03-12 09:05.',
      );
      expect(
        errorText({ code: 'CONFLICT', detail: 'ocupado desde 04-12-2026 14:40:43', retry: load }, es, today),
      ).toBe('ocupado desde 14:40');
    });

    it('an answer that recorded everything is ok; nothing recorded, skipped unions or warnings warn', () => {
      const view = (over: Parameters<typeof finishResult>[0]) =>
        outcomeView({ kind: 'finished', result: finishResult(over), soldNeeded: {} }, es);
      expect(view({ skipped: [] }).tone).toBe('ok');
      expect(view({}).tone).toBe('warn');
      expect(view({}).skipped).toEqual(['002+4: Falta ARM']);
      const nothing = view({
        updated: [],
        skipped: [{ key: '001+1', reason: 'El spool está ocupado por MR(93).' }],
        spools: [],
        pulgadas: 0,
      });
      expect(nothing.tone).toBe('warn');
      expect(view({ updated: [], skipped: [], spools: [] }).tone).toBe('warn');
      const cancelled = view({
        updated: [],
        skipped: [],
        spools: [{ tagSpool: 'SP-A', action: 'CANCELAR', metrics: null }],
      });
      expect(cancelled.tone).toBe('ok');
      const warned = view({ skipped: [], warnings: ['La caché no se actualizó.'] });
      expect(warned).toMatchObject({ tone: 'warn', warnings: ['La caché no se actualizó.'] });
      const started = outcomeView(
        {
          kind: 'started',
          result: {
            tagSpool: 'SP-A',
            ot: '002',
            operation: 'ARM',
            ocupadoPor: 'MR(93)',
            fechaOcupacion: '',
            estadoDetalle: '',
            disponibles: 3,
            replayed: false,
            ...{ warnings: ['No se pudo guardar la caché; el spool quedó tomado.'] },
          },
        },
        es,
      );
      expect(started).toMatchObject({
        tone: 'warn',
        warnings: ['No se pudo guardar la caché; el spool quedó tomado.'],
      });
    });

    it("in English the sidebar says the sheet's own messages are Spanish; in Spanish it says nothing", () => {
      expect(en.t('server.spanish')).toMatch(/Spanish/);
      expect(es.t('server.spanish')).toBe('');
    });
  });
});
