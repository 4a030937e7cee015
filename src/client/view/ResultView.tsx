// The role=status region: what is running, or the last answer styled as what it is (done; or warned:
// nothing recorded, unions skipped, a warning from the server), skipped unions and warnings in their own
// blocks.

import type { Ref } from 'preact';
import type { Outcome } from '../state';
import { outcomeView } from '../texts';
import type { PartProps, Today } from './parts';

export function ResultView({
  state,
  tr,
  today,
  box,
}: PartProps & { today: Today; box?: Ref<HTMLDivElement> }) {
  const busyKey =
    state.busy === 'bootstrap'
      ? 'starting'
      : state.busy === 'load' || state.busy === 'job'
        ? 'loading'
        : state.busy
          ? 'working'
          : null;
  const view = !busyKey && state.outcome ? outcomeView(state.outcome, tr, today) : null;
  const lines = busyKey ? [tr.t(busyKey)] : (view?.lines ?? []);
  const empty = lines.length === 0 && !view?.skipped.length && !view?.warnings.length;
  return (
    <div
      role="status"
      class={empty ? 'status empty' : 'status ' + (view?.tone ?? 'ok')}
      ref={box}
      tabIndex={-1}
    >
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {view && view.skipped.length > 0 && (
        <div class="sub">
          <p class="sub-head">{tr.t('result.skippedHeading')}</p>
          <ul>
            {view.skipped.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {view && view.warnings.length > 0 && (
        <div class="sub">
          <p class="sub-head">{tr.t('result.warningsHeading')}</p>
          <ul>
            {view.warnings.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {view && hasServerText(state.outcome, view) && tr.t('server.spanish') !== '' && (
        <p class="hint">{tr.t('server.spanish')}</p>
      )}
    </div>
  );
}

/** The answer shows the server's own (Spanish) words: skip reasons or warnings. */
function hasServerText(outcome: Outcome | null, view: { skipped: string[]; warnings: string[] }): boolean {
  return outcome !== null && (view.skipped.length > 0 || view.warnings.length > 0);
}
