// The release confirmation: which spool, who has it since when, what happens and the reason; Volver or
// Confirmar liberación. A modal that keeps the focus inside and closes on Escape (back to the reason).

import { useEffect, useRef } from 'preact/hooks';
import { currentWorker } from '../state';
import { shortTime } from '../texts';
import type { PartProps, Today } from './parts';

export function ReleaseDialog({ state, controller, tr, today }: PartProps & { today: Today }) {
  const dialog = useRef<HTMLDivElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const draft = state.panel.draft!;
  const spool = state.panel.occupied?.spools.find((s) => s.tagSpool === draft.tagSpool);
  const me = currentWorker(state);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      controller.panel.backToReason();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
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
  const held = spool
    ? spool.since
      ? tr.t('release.held', { who: spool.ocupadoPor, since: shortTime(spool.since, today) })
      : tr.t('release.heldNoTime', { who: spool.ocupadoPor })
    : '';
  return (
    <div class="backdrop">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="release-title"
        aria-describedby="release-body"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 id="release-title">{tr.t('release.title', { tag: draft.tagSpool })}</h2>
        <div id="release-body">
          {held && <p>{held}</p>}
          <p>{tr.t('release.effect', { me: me ? me.display + ' ' + me.nombre : '' })}</p>
          <p class="reason-line">{tr.t('release.reasonLine', { reason: draft.reason.trim() })}</p>
        </div>
        <div class="row end">
          <button type="button" class="button quiet" onClick={() => controller.panel.backToReason()}>
            {tr.t('button.back')}
          </button>
          <button
            type="button"
            class="button primary"
            ref={confirm}
            disabled={state.panel.busy !== null}
            onClick={() => void controller.panel.confirmRelease()}
          >
            {tr.t('release.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
