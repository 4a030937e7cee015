import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/client/i18n';
import { EVENT_TYPES } from '../../../src/domain/events';
import {
  DATE_FIELD_PATTERN,
  fieldToDay,
  panelErrorAction,
  todayField,
  todayIn,
} from '../../../src/client/panelState';
import { shortTime } from '../../../src/client/texts';
import {
  dayEntryText,
  dayHeading,
  dayTotals,
  eventLines,
  eventTypeText,
  occupiedLines,
  releaseDoneText,
  sessionLines,
} from '../../../src/client/panelTexts';
import { errorText } from '../../../src/client/texts';
import { history, occupied, released, workerDay } from '../../support/panelFixtures';

const es = translator('es');
const en = translator('en');
const today = { day: 4, month: 12, year: 2026 };

describe("the Panel's words", () => {
  it('a stale spool says so in words, with the hours held; a recent one does not', () => {
    const [stale, recent] = occupied().spools;
    expect(occupiedLines(stale!, es, today)).toEqual({
      holder: 'Lo tiene JP(94) · SOLD',
      since: 'Desde 03-12 12:00 (30 h)',
      stale: 'Lleva 30 h: probablemente quedó tomado',
    });
    expect(occupiedLines(recent!, es, today)).toEqual({
      holder: 'Lo tiene CD(98) · ARM',
      since: 'Desde 16:30 (1,5 h)',
      stale: null,
    });
    expect(occupiedLines(recent!, en, today).since).toBe('Since 16:30 (1.5 h)');
  });

  it('an unreadable Fecha_Ocupacion reads as such, never as a time', () => {
    const spool = { ...occupied().spools[0]!, since: null, hours: null, stale: false, operation: null };
    expect(occupiedLines(spool, es, today)).toEqual({
      holder: 'Lo tiene JP(94) · operación no indicada',
      since: 'Hora de inicio ilegible',
      stale: null,
    });
  });

  it('pulgadas by Intl: 18,5 in Spanish, 18.5 in English; totals only for operations with work', () => {
    const day = workerDay();
    expect(dayEntryText(day.entries[0]!, es)).toBe('Uniones 3, 4, 5 · 18,5 pulgadas · 14:30');
    expect(dayEntryText(day.entries[0]!, en)).toBe('Unions 3, 4, 5 · 18.5 inches · 14:30');
    expect(dayTotals(day, es)).toEqual(['ARM: 3 uniones · 18,5 pulgadas']);
    const both = {
      ...day,
      totals: { ARM: { unions: 3, pulgadas: 18.5 }, SOLD: { unions: 2, pulgadas: 1234.25 } },
    };
    expect(dayTotals(both, es)).toEqual([
      'ARM: 3 uniones · 18,5 pulgadas',
      'SOLD: 2 uniones · 1.234,25 pulgadas',
    ]);
  });

  it('sessions: an open one runs on, a closed one says how it ended and how long it took', () => {
    const [open, paused] = history().sessions;
    expect(sessionLines(open!, es, today)).toEqual({
      who: 'SOLD · JP(94) · abierta',
      span: '03-12 12:00 → en curso · 30 h',
    });
    expect(sessionLines(paused!, es, today)).toEqual({
      who: 'ARM · MR(93) · pausada',
      span: '02-12 08:00 → 02-12 10:00 · 2 h',
    });
    expect(sessionLines({ ...paused!, minutes: 1805 }, en, today).span).toBe(
      '02-12 08:00 → 02-12 10:00 · 30 h 5 min',
    );
    expect(sessionLines({ ...paused!, minutes: 45 }, es, today).span).toBe(
      '02-12 08:00 → 02-12 10:00 · 45 min',
    );
    expect(sessionLines({ ...paused!, outcome: 'sin cierre', to: null, minutes: null }, es, today).span).toBe(
      '02-12 08:00 → sin cierre',
    );
  });

  it("Mi día's heading: whose day, or what it waits for (a worker chosen in Registrar, not an empty 'Mi día')", () => {
    expect(dayHeading(null, false, false, es)).toBe('Elija un trabajador en Registrar');
    expect(dayHeading(null, false, false, en)).toBe('Choose a worker under Record');
    expect(dayHeading(null, false, true, es)).toBe('Elija la fecha y pulse Ver día.');
    expect(dayHeading(null, true, true, es)).toBe('Cargando el día…');
    expect(dayHeading(workerDay(), false, true, es)).toMatch(/^MR\(93\) · \d{2}-\d{2}-\d{4}$/);
  });

  it('events: when, the type in words, the operation, who, and the unions recorded', () => {
    const [iniciar, pausar] = history().events;
    expect(eventLines(pausar!, es, today)).toEqual({
      when: '02-12 10:00',
      what: 'Pausa · ARM · MR(93) · uniones 1, 2',
    });
    expect(eventLines(pausar!, en, today).what).toBe('Pause · ARM · MR(93) · unions 1, 2');
    expect(eventLines(iniciar!, es, today).what).toBe('Inicio · SOLD · JP(94)');
    expect(eventLines({ ...pausar!, at: null }, es, today).when).toBe('hora ilegible');
  });

  it('every code the product logs is worded in both languages; an unknown code shows as written', () => {
    for (const type of EVENT_TYPES) {
      for (const tr of [es, en]) {
        const words = eventTypeText(type, tr);
        expect(words, type).not.toBe(type);
        expect(words, type).not.toMatch(/^event\./);
      }
    }
    const [, pausar] = history().events;
    const completed = { ...pausar!, type: 'COMPLETAR_ARM', accion: 'COMPLETAR' };
    // The words already name the operation: it is not said twice.
    expect(eventLines(completed, es, today).what).toBe('ARM completado · MR(93) · uniones 1, 2');
    expect(eventLines({ ...completed, type: 'UNION_ARM_REGISTRADA' }, en, today).what).toBe(
      'ARM record · MR(93) · unions 1, 2',
    );
    expect(eventLines({ ...pausar!, type: 'EVENTO_NUEVO' }, en, today).what).toBe(
      'EVENTO_NUEVO · ARM · MR(93) · unions 1, 2',
    );
    expect(eventTypeText('toString', es)).toBe('toString');
  });

  it('a release reads as what it was: who freed the spool and why, on its event and on the session it ended', () => {
    const [open, paused] = history().sessions;
    const [iniciar] = history().events;
    const release = { by: 'MR(93)', reason: 'JP(94) no está en turno' };
    const ended = {
      ...open!,
      outcome: 'CANCELAR' as const,
      to: '04-12-2026 18:00:00',
      minutes: 1800,
      release,
    };
    expect(sessionLines(ended, es, today).who).toBe(
      'SOLD · JP(94) · liberada por MR(93): JP(94) no está en turno',
    );
    expect(sessionLines(ended, en, today).who).toBe(
      'SOLD · JP(94) · released by MR(93): JP(94) no está en turno',
    );
    // A FINALIZAR's CANCELAR (no release) stays "cancelada".
    expect(sessionLines({ ...paused!, outcome: 'CANCELAR' }, es, today).who).toBe('ARM · MR(93) · cancelada');
    const event = { ...iniciar!, type: 'SPOOL_CANCELADO', accion: 'CANCELAR', worker: 'MR(93)', release };
    expect(eventLines(event, es, today).what).toBe(
      'Liberado por MR(93) · SOLD · motivo: JP(94) no está en turno',
    );
    expect(eventLines(event, en, today).what).toBe(
      'Released by MR(93) · SOLD · reason: JP(94) no está en turno',
    );
    expect(eventLines({ ...event, release: null }, es, today).what).toBe(
      'Cancelado sin uniones · SOLD · MR(93)',
    );
  });

  it('a release says what the sheet now holds; a replay says nothing was written again', () => {
    expect(releaseDoneText(released(), es)).toBe(
      'Spool MK-1335-CW-25238-008 liberado (lo tenía JP(94)). Queda: Disponible - ARM pausado, SOLD pendiente.',
    );
    expect(releaseDoneText({ ...released(), replayed: true }, es)).toMatch(/no se escribió nada de nuevo/);
  });

  it('a lost Panel read says nothing was saved; a lost release that it may have been', () => {
    const read = errorText({ code: 'NETWORK', detail: '', retry: { kind: 'occupied' } }, es);
    expect(read).toMatch(/no guarda nada/);
    const write = errorText(
      {
        code: 'NETWORK',
        detail: '',
        retry: {
          kind: 'release',
          request: { tagSpool: 'X', workerId: 93, reason: 'r', requestId: 'abcdefgh' },
        },
      },
      es,
    );
    expect(write).toMatch(/Puede que la operación se haya guardado/);
    expect(panelErrorAction({ code: 'VALIDATION', retry: { kind: 'occupied' } })).toBeNull();
  });

  it('the date field and the server day convert both ways; today follows the sheet zone', () => {
    // The field is DD-MM-YYYY like every date on the screen; 7/12/2026 and 7.12.2026 are read too.
    expect(fieldToDay('04-12-2026')).toBe('04-12-2026');
    expect(fieldToDay(' 4/12/2026 ')).toBe('04-12-2026');
    expect(fieldToDay('4.2.2026')).toBe('04-02-2026');
    expect(fieldToDay('31-02-2026')).toBe('');
    expect(fieldToDay('2026-12-04')).toBe('');
    expect(fieldToDay('hoy')).toBe('');
    expect(fieldToDay('')).toBe('');
    expect(new RegExp('^(?:' + DATE_FIELD_PATTERN + ')$', 'v').test('07-12-2026')).toBe(true);
    expect(new RegExp('^(?:' + DATE_FIELD_PATTERN + ')$', 'v').test('2026-12-07')).toBe(false);
    expect(todayField(Date.UTC(2026, 11, 5, 2, 30), 'America/Santiago')).toBe('04-12-2026');
    expect(todayField(Date.UTC(2026, 11, 5, 2, 30), 'Europe/Madrid')).toBe('05-12-2026');
    expect(todayField(Date.UTC(2026, 11, 5, 12, 0), 'No/Such_Zone')).toMatch(/^0[45]-12-2026$/);
  });

  it('a time of today in the sheet zone reads as a time, even past midnight on the device (CI at 00:05 UTC)', () => {
    // 00:05 UTC on the 5th is 21:05 on the 4th in Santiago: the server wrote "04-12-2026 21:05".
    const now = Date.UTC(2026, 11, 5, 0, 5);
    expect(todayIn(now, 'America/Santiago')).toEqual({ day: 4, month: 12, year: 2026 });
    expect(shortTime('04-12-2026 21:05:00', todayIn(now, 'America/Santiago'))).toBe('21:05');
    expect(shortTime('04-12-2026 21:05:00', todayIn(now, 'Europe/Madrid'))).toBe('04-12 21:05');
  });
});
