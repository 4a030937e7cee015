// Turns the Panel's answers into the sentences it shows, through the catalogue (numbers by Intl: 18,5 in
// Spanish). Pure, so the wording is tested without a browser.

import type { Translator } from './i18n';
import type { PanelMessageKey } from './panelMessages';
import type { OccupiedSpoolView, ReleaseResult, SpoolHistoryView, WorkerDayView } from './serverApi';
import { shortTime, type Today } from './texts';

type DayEntry = WorkerDayView['entries'][number];
type HistoryEvent = SpoolHistoryView['events'][number];
type Session = SpoolHistoryView['sessions'][number];

/** `HH:MM` of a `DD-MM-YYYY HH:MM:SS` (the day is in the heading); other text as it came. */
export function clockOf(text: string): string {
  const m = /^\d{2}-\d{2}-\d{4} (\d{2}:\d{2})/.exec(text.trim());
  return m ? m[1]! : text.trim();
}

/** The lines of an occupied spool's card: who has it for what, since when, and (stale) why it stands out. */
export function occupiedLines(
  spool: OccupiedSpoolView,
  tr: Translator,
  today: Today,
): { holder: string; since: string; stale: string | null } {
  const holder = tr.t('occupied.by', {
    who: spool.ocupadoPor,
    op: spool.operation ?? tr.t('occupied.opUnknown'),
  });
  const since =
    spool.since === null || spool.hours === null
      ? tr.t('occupied.sinceUnknown')
      : tr.t('occupied.since', { since: shortTime(spool.since, today), hours: spool.hours });
  const stale = spool.stale && spool.hours !== null ? tr.t('occupied.stale', { hours: spool.hours }) : null;
  return { holder, since, stale };
}

/**
 * Mi día's heading: whose day and which ("MR(93) · 04-12-2026"), or what it waits for: a worker chosen in
 * Registrar (not an empty "Mi día"), the date, or the answer.
 */
export function dayHeading(
  day: WorkerDayView | null,
  loading: boolean,
  hasWorker: boolean,
  tr: Translator,
): string {
  if (day) return tr.t('day.heading', { who: day.worker.label, date: day.date });
  if (loading) return tr.t('day.loading');
  return hasWorker ? tr.t('day.notLoaded') : tr.t('day.noWorker');
}

export function dayEntryText(entry: DayEntry, tr: Translator): string {
  return tr.t('day.entry', {
    unions: entry.unions.join(', '),
    pulgadas: entry.pulgadas,
    time: clockOf(entry.at),
  });
}

/** "ARM: 3 uniones · 18,5 pulgadas" per operation that has work that day. */
export function dayTotals(day: WorkerDayView, tr: Translator): string[] {
  return (['ARM', 'SOLD'] as const)
    .filter((op) => day.totals[op].unions > 0)
    .map((op) => tr.t('day.total', { op, n: day.totals[op].unions, pulgadas: day.totals[op].pulgadas }));
}

/** 45 → "45 min", 120 → "2 h", 1805 → "30 h 5 min". */
export function durationText(minutes: number, tr: Translator): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return tr.t('duration.min', { m });
  return m === 0 ? tr.t('duration.h', { h }) : tr.t('duration.hm', { h, m });
}

/**
 * "SOLD · JP(94) · pausada" and "09-05 10:32 → 11:40 · 68 min"; a session a release ended says who freed the
 * spool and why ("liberada por MR(93): turno terminado"), not "cancelada".
 */
export function sessionLines(session: Session, tr: Translator, today: Today): { who: string; span: string } {
  const outcome = session.release
    ? tr.t('session.released', { by: session.release.by, reason: session.release.reason })
    : tr.t(('session.' + session.outcome) as PanelMessageKey);
  const who = [session.operation, session.worker, outcome].filter((p) => p).join(' · ');
  const from = shortTime(session.from, today);
  let span: string;
  if (session.outcome === 'abierta')
    span = tr.t('session.open', { from, duration: durationText(session.minutes ?? 0, tr) });
  else if (session.to === null || session.minutes === null) span = tr.t('session.noEnd', { from });
  else
    span = tr.t('session.span', {
      from,
      to: shortTime(session.to, today),
      duration: durationText(session.minutes, tr),
    });
  return { who, span };
}

/** Evento_Tipo codes the catalogue words; any other code is shown as written. */
const EVENT_WORDS: Readonly<Record<string, PanelMessageKey>> = {
  INICIAR_SPOOL: 'event.INICIAR_SPOOL',
  PAUSAR_SPOOL: 'event.PAUSAR_SPOOL',
  COMPLETAR_ARM: 'event.COMPLETAR_ARM',
  COMPLETAR_SOLD: 'event.COMPLETAR_SOLD',
  SPOOL_CANCELADO: 'event.SPOOL_CANCELADO',
  UNION_ARM_REGISTRADA: 'event.UNION_ARM_REGISTRADA',
  UNION_SOLD_REGISTRADA: 'event.UNION_SOLD_REGISTRADA',
  MIGRACION_ESQUEMA: 'event.MIGRACION_ESQUEMA',
  JOB_METRICAS: 'event.JOB_METRICAS',
  RESUMEN_PRODUCCION: 'event.RESUMEN_PRODUCCION',
  ERROR: 'event.ERROR',
};

/** An event code in words ("PAUSAR_SPOOL" → "Pausa"); an unknown code as it is. */
export function eventTypeText(type: string, tr: Translator): string {
  const key = Object.prototype.hasOwnProperty.call(EVENT_WORDS, type) ? EVENT_WORDS[type] : undefined;
  return key ? tr.t(key) : type;
}

/**
 * "09-05 10:32" and "Pausa · SOLD · JP(94) · uniones 1, 2" (the operation left out when the words name it:
 * "ARM completado · MR(93)"); a release "Liberado por MR(93) · SOLD · motivo: turno terminado".
 */
export function eventLines(
  event: HistoryEvent,
  tr: Translator,
  today: Today,
): { when: string; what: string } {
  const when = event.at === null ? tr.t('event.noTime') : shortTime(event.at, today);
  if (event.release) {
    const { by, reason } = event.release;
    const parts = [tr.t('event.released', { by }), event.operation ?? '', tr.t('event.reason', { reason })];
    return { when, what: parts.filter((p) => p).join(' · ') };
  }
  const type = eventTypeText(event.type, tr);
  const operation = event.operation && !type.includes(event.operation) ? event.operation : '';
  const unions = event.unions.length > 0 ? tr.t('event.unions', { list: event.unions.join(', ') }) : '';
  const what = [type, operation, event.worker, unions].filter((p) => p).join(' · ');
  return { when, what };
}

export function releaseDoneText(result: ReleaseResult, tr: Translator): string {
  const done = tr.t('release.done', {
    tag: result.tagSpool,
    who: result.formerHolder,
    estado: result.estadoDetalle,
  });
  return result.replayed ? done + ' ' + tr.t('result.replayed') : done;
}
