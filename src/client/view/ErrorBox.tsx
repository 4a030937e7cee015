// The role=alert box of a failed call: what happened in the user's words, and the one button that can help
// (Reintentar the same intent, Recargar the OT after a CONFLICT, or none), and Cerrar.

import type { Ref } from 'preact';
import * as S from '../state';
import { errorText } from '../texts';
import type { PartProps, Today } from './parts';

/** Errors whose text is the server's own (Spanish) words, not a sentence of the catalogue. */
const SERVER_WORDED = new Set([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'SCHEMA',
  'BUSY',
  'INTERNAL',
]);

export function ErrorBox({
  state,
  controller,
  tr,
  today,
  box,
}: PartProps & { today: Today; box?: Ref<HTMLDivElement> }) {
  const error = state.error;
  if (!error) return null;
  const action = S.errorAction(error);
  // An UNKNOWN failure's text is Apps Script's (often English): no note about Spanish for it.
  const serverWorded = SERVER_WORDED.has(error.code) && error.detail.trim() !== '';
  return (
    <div role="alert" class="alert" ref={box} tabIndex={-1}>
      <p>{errorText(error, tr, today)}</p>
      {serverWorded && tr.t('server.spanish') !== '' && <p class="hint">{tr.t('server.spanish')}</p>}
      <div class="row">
        {action && (
          <button
            type="button"
            class="button"
            disabled={state.busy !== null}
            onClick={() => void controller.retry()}
          >
            {tr.t(action === 'reload' ? 'button.reload' : 'button.retry')}
          </button>
        )}
        <button type="button" class="button quiet" onClick={() => controller.dismissError()}>
          {tr.t('button.dismiss')}
        </button>
      </div>
    </div>
  );
}
