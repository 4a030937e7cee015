// The selection's totals, Seleccionar disponibles / Quitar selección, and FINALIZAR (with why it is disabled).

import * as S from '../state';
import { summaryText } from '../texts';
import type { PartProps } from './parts';

export function Actions({
  state,
  controller,
  tr,
  finishButton,
}: PartProps & { finishButton: { current: HTMLButtonElement | null } }) {
  const why = S.availability(state);
  return (
    <section class="card actions">
      {state.list && <p class="summary">{summaryText(state, tr)}</p>}
      <div class="row">
        <button
          type="button"
          class="button"
          disabled={why.selectAvailable !== null}
          onClick={() => controller.selectAvailable()}
        >
          {tr.t('button.selectAvailable')}
        </button>
        {state.selected.length > 0 && (
          <button
            type="button"
            class="button quiet"
            disabled={state.busy !== null}
            onClick={() => controller.clearSelection()}
          >
            {tr.t('button.clearSelection')}
          </button>
        )}
      </div>
      <button
        type="button"
        class="button primary wide"
        ref={finishButton}
        disabled={why.finish !== null}
        aria-describedby={why.finish ? 'finish-why' : undefined}
        onClick={() => controller.askFinish()}
      >
        {tr.t('button.finish')}
      </button>
      {why.finish && (
        <p id="finish-why" class="hint">
          {tr.t(why.finish)}
        </p>
      )}
    </section>
  );
}
