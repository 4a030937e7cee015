// What the sidebar offers after a failed call: Reintentar (the same intent again, same requestId), Recargar
// (reload the OT: the list was stale), or nothing (resending cannot help).

import { isPanelRead, type PanelIntent } from './panelState';
import type { Intent, ScreenError } from './state';

/** A call that only reads (bootstrap, listing an OT, the Panel's views): a lost answer saved nothing. */
export function isReadIntent(intent: Intent | PanelIntent): boolean {
  switch (intent.kind) {
    case 'bootstrap':
    case 'load':
      return true;
    case 'start':
    case 'finish':
    case 'job':
      return false;
    default:
      return isPanelRead(intent);
  }
}

/**
 * The button an error gets: `reload` for a CONFLICT (the list was stale: its retry reloads the OT),
 * `retry` for a lost connection, a timeout, a busy or failing server or an unknown failure, null for a
 * missing OT, a refused or invalid request, or a browser signed into several Google accounts (resending
 * fails the same way).
 */
export function errorAction(error: Pick<ScreenError, 'code' | 'retry'>): 'retry' | 'reload' | null {
  switch (error.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'BUSY':
    case 'INTERNAL':
    case 'UNKNOWN':
      return 'retry';
    case 'CONFLICT':
      return error.retry.kind === 'load' ? 'reload' : null;
    default:
      return null;
  }
}

/** Whether the error's button (Reintentar or Recargar) may run its intent. */
export function retryable(error: Pick<ScreenError, 'code' | 'retry'>): boolean {
  return errorAction(error) !== null;
}
