// The add-on-safe triggers of jobs: the hourly recompute (at most one per user and document, add-ons may
// not run more often) and the one-shot continuation a minute after a run left its job unfinished.

import type { TriggersPort } from '../ports';

/** The hourly trigger's handler (a top-level function of build/Code.js). */
export const METRICS_TRIGGER_HANDLER = 'onMetricsTrigger';
/** The one-shot continuation's handler. */
export const CONTINUATION_HANDLER = 'onJobContinuation';
/** How long after an unfinished run its continuation fires. */
export const CONTINUATION_DELAY_MS = 60_000;

/**
 * Turns the hourly recompute on (exactly one trigger of this user in this document: installing twice
 * leaves one) or off (none of this user's in this document; other documents' triggers are never seen).
 * Returns how many triggers it created and deleted.
 */
export function setAutomaticRecompute(
  triggers: TriggersPort,
  enabled: boolean,
): { created: number; deleted: number } {
  if (!enabled) {
    const deleted = triggers.deleteAll(METRICS_TRIGGER_HANDLER) + triggers.deleteAll(CONTINUATION_HANDLER);
    return { created: 0, deleted };
  }
  const existing = triggers.count(METRICS_TRIGGER_HANDLER);
  if (existing === 0) {
    triggers.createHourly(METRICS_TRIGGER_HANDLER, 1);
    return { created: 1, deleted: 0 };
  }
  return { created: 0, deleted: existing > 1 ? triggers.deleteAll(METRICS_TRIGGER_HANDLER, 1) : 0 };
}

/** Whether the hourly recompute is on for this user and document. */
export function automaticRecomputeOn(triggers: TriggersPort): boolean {
  return triggers.count(METRICS_TRIGGER_HANDLER) > 0;
}

/**
 * Schedules the continuation of an unfinished job a minute from now, unless one is already waiting
 * (the hourly trigger stays the safety net). Returns whether it created one.
 */
export function scheduleContinuation(triggers: TriggersPort): boolean {
  if (triggers.count(CONTINUATION_HANDLER) > 0) return false;
  triggers.createOnce(CONTINUATION_HANDLER, CONTINUATION_DELAY_MS);
  return true;
}

/** A fired one-shot trigger stays listed (disabled) until deleted: the continuation removes its own. */
export function clearContinuation(triggers: TriggersPort): number {
  return triggers.deleteAll(CONTINUATION_HANDLER);
}
