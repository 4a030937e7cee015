// Turns state into the sentences the sidebar shows, through the catalogue: errors, outcomes, a spool's
// state, a union's note, the confirmation lines. Pure, so the wording is tested without a browser.

import type { Operation } from '../domain/operation';
import type { MessageKey, Translator } from './i18n';
import type { SpoolView, UnionItem } from './serverApi';
import type { SpoolAction } from '../app/finishWork';
import type { Outcome, PlanLine, ScreenError } from './state';

/** The user's text for a failure: the server's Spanish text without its code; never "[object Object]". */
export function errorText(error: Pick<ScreenError, 'code' | 'detail'>, tr: Translator): string {
  const detail = typeof error.detail === 'string' ? error.detail.trim() : '';
  switch (error.code) {
    case 'TIMEOUT':
      return tr.t('error.TIMEOUT', { detail: detail || '?' });
    case 'NETWORK':
      return tr.t('error.NETWORK');
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
export function shortTime(text: string, today: { day: number; month: number; year: number }): string {
  const m = /^(\d{2})-(\d{2})-(\d{4})(?: (\d{2}):(\d{2})(?::\d{2})?)?$/.exec(text.trim());
  if (!m) return text.trim();
  const [, d, mo, y, h, mi] = m;
  const time = h === undefined ? '' : h + ':' + mi;
  const isToday = Number(d) === today.day && Number(mo) === today.month && Number(y) === today.year;
  if (isToday && time) return time;
  return (d + '-' + mo + ' ' + time).trim();
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
  return union.disponible ? '' : union.reason;
}

export function unionLabel(union: UnionItem, tr: Translator): string {
  const dn = typeof union.dn === 'number' ? tr.t('union.dn', { dn: union.dn }) : tr.t('union.dnUnknown');
  return [union.key, dn, union.tipo].filter((part) => part !== '').join(' · ');
}

export function planLineText(line: PlanLine, tr: Translator): string {
  return tr.t(('confirm.' + line.action) as 'confirm.PAUSAR', {
    tag: line.tagSpool,
    n: line.unions,
    pulgadas: line.pulgadas,
  });
}

/** The lines of the role=status region for the last outcome. */
export function outcomeLines(outcome: Outcome, tr: Translator): string[] {
  switch (outcome.kind) {
    case 'loaded':
      return [
        tr.t('result.loaded', {
          ot: outcome.ot,
          n: outcome.unions,
          d: outcome.disponibles,
          op: outcome.operation,
        }),
      ];
    case 'started': {
      const r = outcome.result;
      const lines = [
        tr.t('result.started', { op: r.operation, who: r.ocupadoPor, tag: r.tagSpool, n: r.disponibles }),
      ];
      if (r.replayed) lines.push(tr.t('result.replayed'));
      return lines;
    }
    case 'finished': {
      const r = outcome.result;
      const updated = Array.isArray(r.updated) ? r.updated : [];
      const skipped = Array.isArray(r.skipped) ? r.skipped : [];
      const lines = [
        tr.t('result.finished', { op: r.operation, ot: r.ot, n: updated.length, pulgadas: r.pulgadas }),
      ];
      if (r.replayed) lines.push(tr.t('result.replayed'));
      for (const s of r.spools)
        lines.push(tr.t('result.spool', { tag: s.tagSpool, action: actionText(s.action, tr) }));
      if (updated.length > 0) lines.push(tr.t('result.recorded', { keys: updated.join(', ') }));
      if (skipped.length > 0) {
        lines.push(tr.t('result.skippedHeading'));
        for (const s of skipped) lines.push(tr.t('result.skipped', { key: s.key, reason: s.reason }));
      }
      // The server's warnings name the unreadable cells that held a spool back (no COMPLETAR, metrics kept).
      const warnings = Array.isArray(r.warnings) ? r.warnings : [];
      if (warnings.length > 0) {
        lines.push(tr.t('result.warningsHeading'));
        lines.push(...warnings);
      }
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
      return lines;
    }
  }
}
