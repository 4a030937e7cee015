// Under every Panel section: the spreadsheet's capacity line (issue 16 §8), a warning that says what to do at
// 80 % or more, and Actualizar Resumen (which rewrites that sheet). The line is the one the last refresh (menu,
// hourly trigger) wrote on Resumen, read each time the Panel opens; after Actualizar Resumen, the one just
// measured.

import type { Translator } from '../i18n';
import type { PanelState } from '../panelState';
import { shortTime } from '../texts';
import type { PartProps, Today } from './parts';

interface Shown {
  line: string;
  advice: string | null;
  warning: boolean;
  note: string;
}

/** What the card says: a line with when it was measured, or in words why there is none. */
function shown(panel: PanelState, tr: Translator, today: Today): Shown | string {
  if (panel.summary) {
    const { capacity, refreshedAt } = panel.summary;
    return { ...capacity, note: tr.t('capacity.refreshed', { when: shortTime(refreshedAt, today) }) };
  }
  const { status, view, detail } = panel.capacity;
  // Read again each time the Panel opens: the line read before stays until the answer replaces it.
  if (status === 'loading' && !view) return tr.t('capacity.reading');
  if (status === 'failed') return tr.t('capacity.readFailed', { detail });
  if (status === 'idle' || !view) return tr.t('capacity.hint');
  if (view.state === 'missing') return tr.t('capacity.missing');
  if (view.state !== 'ok' || view.line === null) return tr.t('capacity.unreadable');
  return {
    line: view.line,
    advice: view.advice,
    warning: view.warning,
    note: tr.t('capacity.measured', { when: shortTime(view.refreshedAt ?? '', today) }),
  };
}

export function CapacityCard({ state, controller, tr, today }: PartProps & { today: Today }) {
  const panel = state.panel;
  const what = shown(panel, tr, today);
  const capacity = typeof what === 'string' ? null : what;
  return (
    <section
      class={capacity?.warning ? 'card capacity warn' : 'card capacity'}
      aria-labelledby="capacity-heading"
    >
      <p id="capacity-heading" class="label">
        {tr.t('capacity.heading')}
      </p>
      {capacity ? (
        <>
          <p class="capacity-line">{capacity.line}</p>
          {capacity.advice && <p class="capacity-advice">{capacity.advice}</p>}
          <p class="hint">{capacity.note}</p>
        </>
      ) : (
        <p class="hint" aria-live="polite">
          {what as string}
        </p>
      )}
      <button
        type="button"
        class="button wide"
        disabled={panel.busy !== null}
        onClick={() => void controller.panel.refreshSummary()}
      >
        {tr.t('capacity.refresh')}
      </button>
    </section>
  );
}
