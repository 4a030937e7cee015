// The recording view: operation, worker and OT, the last answer, the OT's spools and unions, FINALIZAR,
// and the metrics recompute.

import { useEffect, useRef } from 'preact/hooks';
import { answerMove } from '../answerFocus';
import type { Busy } from '../state';
import { Actions } from './Actions';
import { ErrorBox } from './ErrorBox';
import { JobPanel } from './JobPanel';
import type { PartProps, Today } from './parts';
import { RecordForm } from './RecordForm';
import { ResultView } from './ResultView';
import { SpoolList } from './SpoolList';

export function RecordView(
  props: PartProps & { today: Today; finishButton: { current: HTMLButtonElement | null } },
) {
  const { state, finishButton } = props;
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus goes back to FINALIZAR when the dialog closes.
    if (wasConfirming.current && !state.confirming) finishButton.current?.focus();
    wasConfirming.current = state.confirming;
  }, [state.confirming]);
  // When a call ends, its answer (or error) is brought into view and, after INICIAR, FINALIZAR or an error,
  // focused: the page may be scrolled far below it (where the dialog or the spool's card was).
  const startedAs = useRef<Busy>(null);
  const statusBox = useRef<HTMLDivElement>(null);
  const alertBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.busy !== null) {
      // INICIAR runs as 'start' then 'load' (the list read again): the intent is the first.
      startedAs.current ??= state.busy;
      return;
    }
    const move = answerMove(startedAs.current, state);
    startedAs.current = null;
    const target = state.error ? alertBox.current : statusBox.current;
    if (!move || !target) return;
    target.scrollIntoView?.({ block: 'nearest' });
    if (move === 'focus') target.focus({ preventScroll: true });
  }, [state.busy]);
  return (
    <>
      <RecordForm {...props} />
      <div>
        <ResultView {...props} box={statusBox} />
        <ErrorBox {...props} box={alertBox} />
      </div>
      {state.list && <SpoolList {...props} />}
      <Actions {...props} />
      <JobPanel {...props} />
    </>
  );
}
