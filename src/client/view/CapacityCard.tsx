// Under every Panel section: the spreadsheet's capacity line from the last Resumen refresh (issue 16 §8),
// a warning that says what to do at 80 % or more, and Actualizar Resumen (which rewrites that sheet).

import { shortTime } from '../texts';
import type { PartProps, Today } from './parts';

export function CapacityCard({ state, controller, tr, today }: PartProps & { today: Today }) {
  const panel = state.panel;
  const capacity = panel.summary?.capacity ?? null;
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
          <p class="hint">
            {tr.t('capacity.refreshed', { when: shortTime(panel.summary!.refreshedAt, today) })}
          </p>
        </>
      ) : (
        <p class="hint">{tr.t('capacity.hint')}</p>
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
