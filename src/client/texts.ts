// Turns state into the sentences the sidebar shows, through the catalogue: errors, outcomes, a spool's
// state, a union's note, the confirmation lines. Pure, so the wording is tested without a browser.

import type { Operation } from '../domain/operation';
import type { MessageKey, Translator } from './i18n';
import type { SpoolView, UnionItem } from './serverApi';
import type { SpoolAction } from '../domain/finishRules';
import { isReadIntent } from './failures';
import type { PanelIntent } from './panelState';
import type { Intent, Outcome, PlanLine, ScreenError, ScreenState } from './state';
import { listComplete, selectionSummary, spoolCards, warningsOf } from './state';

export type Today = { day: number; month: number; year: number };

/**
 * The user's text for a failure: the server's Spanish text without its code; never "[object Object]". A
 * lost answer of a read (`retry` a bootstrap or a listing) says nothing was saved; of a write, that it may
 * have been (and Reintentar does not record twice). Times in the server's text read as `shortTime`.
 */
export function errorText(
  error: Pick<ScreenError, 'code' | 'detail'> & { retry?: Intent | PanelIntent },
  tr: Translator,
  today?: Today,
): string {
  const raw = typeof error.detail === 'string' ? error.detail.trim() : '';
  const detail = today ? shortTimesIn(raw, today) : raw;
  const read = error.retry !== undefined && isReadIntent(error.retry);
  switch (error.code) {
    case 'TIMEOUT':
      return tr.t(read ? 'error.TIMEOUT.read' : 'error.TIMEOUT', { detail: detail || '?' });
    case 'NETWORK':
      return tr.t(read ? 'error.NETWORK.read' : 'error.NETWORK');
    case 'ACCOUNTS':
      return tr.t('error.ACCOUNTS');
    case 'UNAVAILABLE':
      return tr.t('error.UNAVAILABLE');
    case 'UNKNOWN':
      return detail ? tr.t('error.UNKNOWN.detail', { detail }) : tr.t('error.UNKNOWN');
    case 'INTERNAL':
      return detail || tr.t('error.INTERNAL');
    default:
      return detail || tr.t('error.generic');
  }
}

/** "10:32" for a `DD-MM-YYYY HH:MM:SS` of today, "09-05 10:32" otherwise; other text as it came. */
export function shortTime(text: string, today: Today): string {
  const m = /^(\d{2})-(\d{2})-(\d{4})(?: (\d{2}):(\d{2})(?::\d{2})?)?$/.exec(text.trim());
  if (!m) return text.trim();
  const [, d, mo, y, h, mi] = m;
  const time = h === undefined ? '' : h + ':' + mi;
  const isToday = Number(d) === today.day && Number(mo) === today.month && Number(y) === today.year;
  if (isToday && time) return time;
  return (d + '-' + mo + ' ' + time).trim();
}

/**
 * The server's text with every `DD-MM-YYYY HH:MM[:SS]` in it written as `shortTime`: one time format on the
 * screen, whether a time comes from a cell or from a message.
 */
export function shortTimesIn(text: string, today: Today): string {
  return text.replace(/\b\d{2}-\d{2}-\d{4} \d{2}:\d{2}(?::\d{2})?\b/g, (when) => shortTime(when, today));
}

export function spoolStateText(
  spool: SpoolView,
  me: string | null,
  tr: Translator,
  today: { day: number; month: number; year: number },
): string {
  if (spool.repetido) return tr.t('spool.repeated');
  if (spool.ocupadoPor === '') return tr.t('spool.free');
  if (me !== null && spool.ocupadoPor === me) return tr.t('spool.mine');
  const since = shortTime(spool.fechaOcupacion, today);
  return since
    ? tr.t('spool.busy', { who: spool.ocupadoPor, since })
    : tr.t('spool.busyNoTime', { who: spool.ocupadoPor });
}

/** The look of a spool's state pill: a repeated spool warns (it cannot be used), never looks free. */
export type SpoolTone = 'warn' | 'free' | 'mine' | 'busy';

export function spoolTone(spool: SpoolView, me: string | null): SpoolTone {
  if (spool.repetido) return 'warn';
  if (spool.ocupadoPor === '') return 'free';
  return me !== null && spool.ocupadoPor === me ? 'mine' : 'busy';
}

/** A spool action (COMPLETAR, PAUSAR, CANCELAR: the shared vocabulary) in the user's language. */
export function actionText(action: SpoolAction, tr: Translator): string {
  return tr.t(('action.' + action) as 'action.PAUSAR');
}

/**
 * The confirm button says what it does: record the selected unions, or only cancel (release) the spools
 * taken. Its accessible name starts with "Confirmar" (the contract of the browser tests).
 */
export function confirmLabelKey(plan: readonly PlanLine[]): MessageKey {
  return plan.length > 0 && plan.every((line) => line.action === 'CANCELAR')
    ? 'button.confirmCancel'
    : 'button.confirmRecord';
}

/** Under a union: who did it and when (done), or why it cannot be selected; '' for a selectable one. */
export function unionNote(
  union: UnionItem,
  operation: Operation,
  tr: Translator,
  today: { day: number; month: number; year: number },
): string {
  const record = operation === 'ARM' ? union.arm : union.sol;
  if (record.done) {
    const who = record.worker || '?';
    const when = shortTime(record.fin, today);
    return when
      ? tr.t('union.done', { op: operation, who, when })
      : tr.t('union.doneNow', { op: operation, who });
  }
  return union.disponible ? '' : shortTimesIn(union.reason, today);
}

export function unionLabel(union: UnionItem, tr: Translator): string {
  const dn = typeof union.dn === 'number' ? tr.t('union.dn', { dn: union.dn }) : tr.t('union.dnUnknown');
  return [union.key, dn, union.tipo].filter((part) => part !== '').join(' · ');
}

export function planLineText(line: PlanLine, tr: Translator): string {
  const text = tr.t(('confirm.' + line.action) as 'confirm.PAUSAR', {
    tag: line.tagSpool,
    n: line.unions,
    pulgadas: line.pulgadas,
  });
  // Said on the line: a worker expecting COMPLETAR sees why it is PAUSAR.
  return line.blocked ? text + ' ' + tr.t('confirm.blocked') : text;
}

/** How an answer looks: `ok` when it did what was asked, `warn` when nothing was recorded, unions were
 * skipped or the server warned (saved, but something after the commit failed, or a cell held a spool back). */
export type OutcomeTone = 'ok' | 'warn';

/**
 * The live line over FINALIZAR: "Seleccionadas 3/10 · 24 pulgadas"; when every spool listed is complete for
 * the operation, "Spool completo en ARM" (not "Seleccionadas 0/0 · 0 pulgadas").
 */
export function summaryText(state: ScreenState, tr: Translator): string {
  const op = state.list?.operation ?? state.operation;
  if (state.list && listComplete(state)) {
    const n = spoolCards(state).length;
    return n === 1
      ? tr.t('summary.complete', { op })
      : tr.t('summary.allComplete', { n, ot: state.list.ot, op });
  }
  const summary = selectionSummary(state);
  return tr.t('summary', { n: summary.selected, of: summary.of, pulgadas: summary.pulgadas });
}

/** The status region's content: the summary lines, then skipped unions and warnings, each its own block. */
export interface OutcomeView {
  tone: OutcomeTone;
  lines: string[];
  /** "key: reason" per union the server did not record. */
  skipped: string[];
  warnings: string[];
}

export function outcomeView(outcome: Outcome, tr: Translator, today?: Today): OutcomeView {
  const fix = (text: string) => (today ? shortTimesIn(text, today) : text);
  switch (outcome.kind) {
    case 'booted':
      return { tone: 'warn', lines: [], skipped: [], warnings: outcome.warnings.map(fix) };
    case 'loaded':
      return {
        tone: 'ok',
        lines: [
          tr.t('result.loaded', {
            ot: outcome.ot,
            n: outcome.unions,
            d: outcome.disponibles,
            op: outcome.operation,
          }),
        ],
        skipped: [],
        warnings: [],
      };
    case 'started': {
      const r = outcome.result;
      const lines = [
        tr.t('result.started', { op: r.operation, who: r.ocupadoPor, tag: r.tagSpool, n: r.disponibles }),
      ];
      if (r.replayed) lines.push(tr.t('result.replayed'));
      const warnings = warningsOf(r).map(fix);
      return { tone: warnings.length > 0 ? 'warn' : 'ok', lines, skipped: [], warnings };
    }
    case 'finished': {
      const r = outcome.result;
      const updated = Array.isArray(r.updated) ? r.updated : [];
      const skippedList = Array.isArray(r.skipped) ? r.skipped : [];
      const lines = [
        tr.t('result.finished', { op: r.operation, ot: r.ot, n: updated.length, pulgadas: r.pulgadas }),
      ];
      if (r.replayed) lines.push(tr.t('result.replayed'));
      for (const s of r.spools)
        lines.push(tr.t('result.spool', { tag: s.tagSpool, action: actionText(s.action, tr) }));
      if (updated.length > 0) lines.push(tr.t('result.recorded', { keys: updated.join(', ') }));
      for (const s of r.spools) {
        const m = s.metrics;
        // No metrics for a spool with an unreadable union row: its warning says why.
        if (m === null) continue;
        // SOLD is counted against the unions that need it (ARM-only types excluded), as the list showed them.
        const soldOf = outcome.soldNeeded?.[s.tagSpool] ?? m.totalUniones;
        lines.push(
          tr.t('result.metrics', {
            tag: s.tagSpool,
            arm: m.unionesArm,
            sold: m.unionesSold,
            total: m.totalUniones,
            soldOf,
            parm: m.pulgadasArm,
            psold: m.pulgadasSold,
          }),
        );
      }
      const skipped = skippedList.map((s) => tr.t('result.skipped', { key: s.key, reason: fix(s.reason) }));
      // The server's warnings name the unreadable cells that held a spool back (no COMPLETAR, metrics kept).
      const warnings = warningsOf(r).map(fix);
      // Nothing recorded is a warning unless it was asked for: a CANCELAR of spools with nothing selected.
      const onlyCancel = r.spools.length > 0 && r.spools.every((s) => s.action === 'CANCELAR');
      const nothing = updated.length === 0 && !r.replayed && !onlyCancel;
      const tone: OutcomeTone = nothing || skipped.length > 0 || warnings.length > 0 ? 'warn' : 'ok';
      return { tone, lines, skipped, warnings };
    }
  }
}

/** The lines of the role=status region for the last outcome (headings before skipped unions and warnings). */
export function outcomeLines(outcome: Outcome, tr: Translator): string[] {
  const view = outcomeView(outcome, tr);
  return [
    ...view.lines,
    ...(view.skipped.length > 0 ? [tr.t('result.skippedHeading'), ...view.skipped] : []),
    ...(view.warnings.length > 0 ? [tr.t('result.warningsHeading'), ...view.warnings] : []),
  ];
}
