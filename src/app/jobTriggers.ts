// The metrics job's one time-driven trigger per user and document (Google's add-on restriction): hourly
// while the automatic recompute is on, replaced by a one-shot continuation while a job is unfinished and
// restored after; found by the unique id recorded for this user and document (issue 14 §4, §5). The record
// lives in the user's properties under the document's id: triggers are each user's, while document
// properties are shared by every user of the document (a colleague would read, and clean up, mine).

import { causeText, internalError, toAppError } from '../domain/errors';
import type { PropertiesPort, TriggersPort } from '../ports';
import { menuItem } from '../domain/menuPath';

/** The handler both schedules call (a top-level function of build/Code.js). */
export const METRICS_TRIGGER_HANDLER = 'onMetricsTrigger';
/** The one-shot continuation's handler in versions before issue 14; still served, no longer created. */
export const CONTINUATION_HANDLER = 'onJobContinuation';
/** How long after an unfinished run its continuation fires. */
export const CONTINUATION_DELAY_MS = 60_000;
/** The property recording the trigger; in the user's properties it is followed by `:` and the document id. */
export const TRIGGER_KEY = 'trigger:metrics';

/** The user-properties key of the record for document `documentId` (Spreadsheet.getId()). */
export const triggerKey = (documentId: string) => `${TRIGGER_KEY}:${documentId}`;

/**
 * What the document records of its trigger: its unique id and schedule (`id` null: none now), and whether
 * the hourly recompute is wanted (a continuation restores it when the job is done).
 */
export interface TriggerRecord {
  id: string | null;
  kind: 'hourly' | 'once' | null;
  hourly: boolean;
}

/**
 * The trigger port and where its record lives: this user's properties (PropertiesService.getUserProperties)
 * under `key` = triggerKey(document id). `key` defaults to TRIGGER_KEY for a store that is already this
 * user's and this document's alone (tests of one user).
 */
export interface TriggerSchedule {
  triggers: TriggersPort;
  properties: PropertiesPort;
  key?: string;
}

const NONE: TriggerRecord = { id: null, kind: null, hourly: false };

/** The record as stored now (a fresh read); an unreadable one counts as none. */
export function readTriggerRecord(properties: PropertiesPort, key = TRIGGER_KEY): TriggerRecord {
  const text = properties.getFresh(key);
  if (text === null) return NONE;
  try {
    const value = JSON.parse(text) as Partial<TriggerRecord>;
    return {
      id: typeof value.id === 'string' && value.id !== '' ? value.id : null,
      kind: value.kind === 'hourly' || value.kind === 'once' ? value.kind : null,
      hourly: value.hourly === true,
    };
  } catch {
    return NONE;
  }
}

function writeRecord(properties: PropertiesPort, key: string, record: TriggerRecord): void {
  if (record.id === null && !record.hourly) properties.delete(key);
  else properties.set(key, JSON.stringify(record));
}

/** Runs `step`; a failure becomes a Spanish warning (logged) instead of a thrown error. */
function attempt(warnings: string[], what: string, step: () => void): boolean {
  try {
    step();
    return true;
  } catch (error) {
    const cause = causeText(error);
    console.warn(`${what}: ${cause}`);
    warnings.push(`${what} (${cause}).`);
    return false;
  }
}

/** Triggers of ours that getUserTriggers lists but the record does not name (left by older versions). */
function strays(triggers: TriggersPort, recorded: string | null): string[] {
  return triggers
    .listed()
    .filter((t) => t.handler === METRICS_TRIGGER_HANDLER || t.handler === CONTINUATION_HANDLER)
    .filter((t) => t.id !== recorded)
    .map((t) => t.id);
}

/** The recorded trigger when it still exists; a recorded id whose trigger is gone reads as none. */
function live(schedule: TriggerSchedule, record: TriggerRecord): boolean {
  return record.id !== null && schedule.triggers.exists(record.id);
}

/**
 * Turns the hourly recompute on or off for this user and document. On: exactly one time-driven trigger
 * (enabling twice leaves one; a continuation waiting keeps its place and the hourly schedule comes back
 * when the job is done). Off: none (the recorded one and any older unrecorded one of ours listed in this
 * document; another document's trigger is never touched). Returns what it created and deleted; a failure
 * to create, or to record what it created (the new trigger is then deleted again), is thrown: nothing
 * changed. What fails after the trigger is gone (forgetting the record) is a warning.
 */
export function setAutomaticRecompute(
  schedule: TriggerSchedule,
  enabled: boolean,
): { created: number; deleted: number; warnings: string[] } {
  const { triggers, properties } = schedule;
  const key = schedule.key ?? TRIGGER_KEY;
  const record = readTriggerRecord(properties, key);
  const warnings: string[] = [];
  const exists = live(schedule, record);
  let deleted = 0;
  for (const id of strays(triggers, exists ? record.id : null)) if (triggers.delete(id)) deleted += 1;
  if (!enabled) {
    if (exists && triggers.delete(record.id!)) deleted += 1;
    attempt(warnings, 'No se pudo borrar el registro del disparador', () =>
      writeRecord(properties, key, NONE),
    );
    return { created: 0, deleted, warnings };
  }
  if (exists) {
    if (!record.hourly) properties.set(key, JSON.stringify({ ...record, hourly: true }));
    return { created: 0, deleted, warnings };
  }
  let id: string;
  try {
    id = triggers.createHourly(METRICS_TRIGGER_HANDLER, 1);
  } catch (error) {
    throw internalError(
      `No se pudo activar el recálculo automático: Apps Script no creó el disparador (${causeText(error)}). ` +
        'Si esta planilla ya tiene un disparador de tiempo de este complemento (de una versión anterior), ' +
        'bórrelo en script.google.com → Activadores y vuelva a activarlo.',
      { cause: causeText(error) },
    );
  }
  try {
    writeRecord(properties, key, { id, kind: 'hourly', hourly: true });
  } catch (error) {
    // Unrecorded, it could not be found again where getUserTriggers hides it: take it back.
    triggers.delete(id);
    throw internalError(
      'No se pudo activar el recálculo automático: no se pudo guardar el disparador; no quedó ninguno nuevo.',
      { cause: toAppError(error).message },
    );
  }
  return { created: 1, deleted, warnings };
}

/**
 * Whether the hourly recompute is on for this user and document: the recorded trigger exists and the
 * hourly schedule is wanted. A recorded id whose trigger is gone is cleaned up (then off).
 */
export function automaticRecomputeOn(schedule: TriggerSchedule): boolean {
  const key = schedule.key ?? TRIGGER_KEY;
  const record = readTriggerRecord(schedule.properties, key);
  if (record.id === null) return false;
  if (live(schedule, record)) return record.hourly;
  attempt([], 'No se pudo borrar el registro del disparador', () =>
    writeRecord(schedule.properties, key, NONE),
  );
  return false;
}

/**
 * After a run of the job: keeps the document's one trigger right. `fired`: this execution was started by
 * a time-driven trigger. A one-shot continuation that fired is deleted (a fired trigger stays listed until
 * deleted). While the job is `unfinished` a continuation is made a minute on, replacing the hourly trigger
 * (Google allows one); once done, the hourly schedule comes back when it is wanted. Never throws: what
 * fails is returned as Spanish warnings (the run's work is saved whatever happens here).
 */
export function settleSchedule(
  schedule: TriggerSchedule,
  run: { fired: boolean; unfinished: boolean },
): string[] {
  const { triggers, properties } = schedule;
  const key = schedule.key ?? TRIGGER_KEY;
  const warnings: string[] = [];
  let record = NONE;
  if (
    !attempt(warnings, 'No se pudo leer el disparador', () => (record = readTriggerRecord(properties, key)))
  )
    return warnings;
  const stored = record as TriggerRecord;
  let current = stored;
  let exists = false;
  if (!attempt(warnings, 'No se pudo revisar el disparador', () => (exists = live(schedule, current))))
    return warnings;
  // No trigger recorded but one to make or one that fired: an older version's unrecorded trigger, where
  // getUserTriggers lists it, is adopted (hourly) or deleted (continuation), or Google refuses a new one.
  if (!exists && (run.unfinished || run.fired)) {
    attempt(warnings, 'No se pudieron revisar los disparadores anteriores', () => {
      for (const t of triggers.listed()) {
        if (t.handler === METRICS_TRIGGER_HANDLER && !exists) {
          current = { id: t.id, kind: 'hourly', hourly: true };
          exists = true;
        } else if (t.handler === CONTINUATION_HANDLER || t.handler === METRICS_TRIGGER_HANDLER) {
          triggers.delete(t.id);
        }
      }
    });
  }
  // A one-shot that is waiting stays while the job is unfinished; one that fired (this run) goes.
  if (current.kind === 'once' && exists && run.unfinished && !run.fired) return warnings;
  let state: TriggerRecord = exists ? current : { ...current, id: null, kind: null };
  if (state.kind === 'once' || (state.kind === 'hourly' && run.unfinished)) {
    const id = state.id!;
    if (!attempt(warnings, 'No se pudo quitar el disparador anterior', () => void triggers.delete(id)))
      return warnings;
    state = { ...state, id: null, kind: null };
  }
  if (run.unfinished) {
    let id = '';
    const made = attempt(
      warnings,
      'No se pudo programar la continuación de la tarea; siga con Recalcular métricas',
      () => (id = triggers.createOnce(METRICS_TRIGGER_HANDLER, CONTINUATION_DELAY_MS)),
    );
    if (made) state = { ...state, id, kind: 'once' };
  }
  if (state.id === null && state.hourly) {
    let id = '';
    const made = attempt(
      warnings,
      `No se pudo restablecer el recálculo automático; actívelo de nuevo con ${menuItem('Activar recálculo automático')}`,
      () => (id = triggers.createHourly(METRICS_TRIGGER_HANDLER, 1)),
    );
    if (made) state = { ...state, id, kind: 'hourly' };
  }
  // Written when it changed (a recorded id whose trigger is gone is cleaned up here too).
  if (JSON.stringify(state) !== JSON.stringify(stored))
    attempt(warnings, 'No se pudo guardar el disparador en las propiedades', () =>
      writeRecord(properties, key, state),
    );
  return warnings;
}

/**
 * Deletes the one-shot continuations of older versions (handler onJobContinuation) listed in this
 * document: a fired trigger stays listed until deleted. Returns how many it deleted.
 */
export function clearContinuation(triggers: TriggersPort): number {
  let deleted = 0;
  for (const t of triggers.listed()) {
    if (t.handler === CONTINUATION_HANDLER && triggers.delete(t.id)) deleted += 1;
  }
  return deleted;
}
