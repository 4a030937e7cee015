// The recording view: operation, worker and OT, the last answer, the OT's spools and unions, FINALIZAR,
// and the metrics recompute.

import { useEffect, useRef } from 'preact/hooks';
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
  return (
    <>
      <RecordForm {...props} />
      <div>
        <ResultView {...props} />
        <ErrorBox {...props} />
      </div>
      {state.list && <SpoolList {...props} />}
      <Actions {...props} />
      <JobPanel {...props} />
    </>
  );
}
