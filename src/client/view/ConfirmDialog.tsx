// The FINALIZAR confirmation: per spool what the server will do (the shared rule, see plan.ts), which spools
// are released, Volver or Confirmar; a modal that keeps the focus inside and closes on Escape.

import { useEffect, useRef } from 'preact/hooks';
import * as S from '../state';
import { confirmLabelKey, planLineText } from '../texts';
import type { PartProps } from './parts';

export function ConfirmDialog({ state, controller, tr }: PartProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const plan = S.finishPlan(state);
  const released = S.releasedByFinish(state);
  const worker = S.currentWorker(state);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      controller.cancelFinish();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // Keep focus inside the dialog.
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>('button:not([disabled])'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div class="backdrop">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 id="confirm-title">{tr.t('confirm.title', { op: state.operation, ot: state.list?.ot ?? '' })}</h2>
        <div id="confirm-body">
          <p>{tr.t('confirm.intro', { who: worker ? worker.display + ' ' + worker.nombre : '' })}</p>
          <ul class="plan">
            {plan.map((line) => (
              <li
                key={line.tagSpool}
                class={'plan-' + line.action.toLowerCase() + (line.blocked ? ' plan-blocked' : '')}
              >
                {planLineText(line, tr)}
              </li>
            ))}
          </ul>
          {released.length > 0 && <p class="hint">{tr.t('confirm.note', { tags: released.join(', ') })}</p>}
        </div>
        <div class="row end">
          <button type="button" class="button quiet" onClick={() => controller.cancelFinish()}>
            {tr.t('button.back')}
          </button>
          <button
            type="button"
            class="button primary"
            ref={confirm}
            disabled={state.busy !== null}
            onClick={() => void controller.confirmFinish()}
          >
            {tr.t(confirmLabelKey(plan))}
          </button>
        </div>
      </div>
    </div>
  );
}
