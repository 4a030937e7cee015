// Port adapters over Apps Script's lock, properties, triggers and UI objects (passed in, not global).

import type { CachePort, ClockPort, LockPort, PropertiesPort, TriggersPort, UiPort } from '../ports';

interface LockLike {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export function lockAdapter(lock: LockLike): LockPort {
  return {
    tryLock: (timeoutMs) => lock.tryLock(timeoutMs),
    release: () => lock.releaseLock(),
  };
}

interface PropertiesLike {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}

/**
 * Reads every property in one call the first time one is asked for (settings, request log and job
 * status then cost one round trip together); writes go straight through and update the snapshot.
 * Create one per request, so another execution's writes are seen by the next request.
 */
export function propertiesAdapter(properties: PropertiesLike): PropertiesPort {
  let snapshot: Record<string, string> | null = null;
  const all = () => (snapshot ??= { ...properties.getProperties() });
  return {
    get: (key) => all()[key] ?? null,
    // A change updates the snapshot only when one was read: reading it just to update it would cost a call.
    set: (key, value) => {
      properties.setProperty(key, value);
      if (snapshot) snapshot[key] = value;
    },
    delete: (key) => {
      properties.deleteProperty(key);
      if (snapshot) delete snapshot[key];
    },
    getFresh: (key) => {
      const value = properties.getProperty(key);
      if (snapshot && value === null) delete snapshot[key];
      else if (snapshot) snapshot[key] = value!;
      return value;
    },
    listFresh: (prefix) => {
      snapshot = { ...properties.getProperties() };
      return Object.entries(snapshot).filter(([key]) => key.startsWith(prefix));
    },
  };
}

interface CacheLike {
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, expirationInSeconds: number): void;
  removeAll(keys: string[]): void;
}

/** The document cache as a port; undefined where Apps Script has none (getDocumentCache gives null). */
export function cacheAdapter(cache: CacheLike | null): CachePort | undefined {
  if (!cache) return undefined;
  return {
    getAll: (keys) => (keys.length === 0 ? {} : cache.getAll([...keys])),
    putAll: (entries, seconds) => {
      if (Object.keys(entries).length > 0) cache.putAll(entries, seconds);
    },
    removeAll: (keys) => {
      if (keys.length > 0) cache.removeAll([...keys]);
    },
  };
}

export const systemClock: ClockPort = { now: () => Date.now() };

interface TriggerLike {
  getHandlerFunction(): string;
  getUniqueId(): string;
}

interface TimeBuilderLike {
  everyHours(n: number): TimeBuilderLike;
  after(ms: number): TimeBuilderLike;
  create(): unknown;
}

interface ScriptAppLike {
  getUserTriggers(document: unknown): TriggerLike[];
  getProjectTriggers(): TriggerLike[];
  deleteTrigger(trigger: TriggerLike): void;
  newTrigger(handler: string): { timeBased(): TimeBuilderLike };
}

/**
 * Triggers of this user in `document`, found by unique id: first in getUserTriggers(document), then (an
 * add-on's time-driven triggers may be listed only there) in getProjectTriggers. An id names one trigger,
 * so an add-on installed in many documents never deletes another document's trigger.
 */
export function triggersAdapter(scriptApp: ScriptAppLike, document: unknown): TriggersPort {
  const find = (id: string): TriggerLike | null =>
    scriptApp.getUserTriggers(document).find((t) => t.getUniqueId() === id) ??
    scriptApp.getProjectTriggers().find((t) => t.getUniqueId() === id) ??
    null;
  const idOf = (trigger: unknown) => (trigger as TriggerLike).getUniqueId();
  return {
    listed: () =>
      scriptApp
        .getUserTriggers(document)
        .map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction() })),
    exists: (id) => find(id) !== null,
    createHourly: (handler, everyHours) =>
      idOf(scriptApp.newTrigger(handler).timeBased().everyHours(everyHours).create()),
    createOnce: (handler, afterMs) => idOf(scriptApp.newTrigger(handler).timeBased().after(afterMs).create()),
    delete: (id) => {
      const trigger = find(id);
      if (!trigger) return false;
      scriptApp.deleteTrigger(trigger);
      return true;
    },
  };
}

interface UiLike {
  alert(title: string, prompt: string, buttons: unknown): unknown;
  ButtonSet: { OK: unknown; YES_NO: unknown };
  Button: { YES: unknown };
}

interface ToastLike {
  toast(message: string, title: string, timeoutSeconds: number): void;
}

/** `document` gives the toast (Spreadsheet.toast), which also works where no dialog can be shown. */
export function uiAdapter(ui: UiLike, document?: ToastLike): UiPort {
  return {
    alert: (title, message) => void ui.alert(title, message, ui.ButtonSet.OK),
    confirm: (title, message) => ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES,
    ...(document ? { toast: (title: string, message: string) => document.toast(message, title, 8) } : {}),
  };
}
