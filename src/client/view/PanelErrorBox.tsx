// The Panel's role=alert box: what failed in the user's words, Reintentar (the same intent, a release with
// its requestId) or Recargar (the occupied list, after a release met a spool already freed), and Cerrar.

import { panelErrorAction } from '../panelState';
import { errorText } from '../texts';
import type { PartProps, Today } from './parts';

export function PanelErrorBox({ state, controller, tr, today }: PartProps & { today: Today }) {
  const error = state.panel.error;
  if (!error) return null;
  const action = panelErrorAction(error);
  return (
    <div role="alert" class="alert">
      <p>{errorText(error, tr, today)}</p>
      <div class="row">
        {action && (
          <button
            type="button"
            class="button"
            disabled={state.panel.busy !== null}
            onClick={() => void controller.panel.retry()}
          >
            {tr.t(action === 'reload' ? 'button.reload' : 'button.retry')}
          </button>
        )}
        <button type="button" class="button quiet" onClick={() => controller.panel.dismissError()}>
          {tr.t('button.dismiss')}
        </button>
      </div>
    </div>
  );
}
