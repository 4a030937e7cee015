// Where the sidebar takes the user when a call ends (issue: the answer to FINALIZAR stayed scrolled out of
// view where the dialog was). Pure, so the rule is tested without a browser; RecordView applies it.

import type { Busy, ScreenState } from './state';

/**
 * What to do with the answer once the call started as `startedAs` has ended (`state.busy` back to null):
 * `focus` scrolls it into view and moves the focus to it (screen readers read it; the button pressed may be
 * gone, as INICIAR is once the spool is taken); `scroll` only brings it into view, the focus staying in the
 * form (a search, which changing the operation with the arrow keys also runs); null leaves the page as it is.
 * An error is always focused: its box holds the one button that can help.
 */
export function answerMove(
  startedAs: Busy,
  state: Pick<ScreenState, 'error' | 'outcome'>,
): 'focus' | 'scroll' | null {
  if (startedAs === null) return null;
  if (state.error) return 'focus';
  if (state.outcome === null || startedAs === 'job') return null;
  return startedAs === 'start' || startedAs === 'finish' ? 'focus' : 'scroll';
}
