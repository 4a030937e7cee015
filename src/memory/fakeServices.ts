// In-memory LockService, PropertiesService, ScriptApp, Ui, HtmlService and Session, shaped like Apps Script's;
// lock, properties and trigger calls are counted (and priced by the cost model) in a CallCounter.

import { CallCounter } from './callCounter';

export const LOCK_TARGET = '(lock)';
export const PROPERTIES_TARGET = '(properties)';
export const TRIGGERS_TARGET = '(triggers)';
export const CACHE_TARGET = '(cache)';

import { PROPERTY_MAX_BYTES, utf8Length } from '../domain/boundedJson';

/** One document lock shared by every simulated execution; each Lock object is one execution's handle. */
export class FakeLockState {
  holder: FakeLock | null = null;
  /** Called when an execution would wait: lets a test run a competing execution in that moment. */
  onContention: (() => void) | null = null;
}

export class FakeLock {
  constructor(
    private readonly state: FakeLockState,
    private readonly calls = new CallCounter(),
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    this.calls.record(LOCK_TARGET, 'tryLock');
    if (this.state.holder === null || this.state.holder === this) {
      this.state.holder = this;
      return true;
    }
    this.state.onContention?.();
    if (this.state.holder === null) {
      this.state.holder = this;
      return true;
    }
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    // The tryLock inside counts the call.
    if (!this.tryLock(timeoutInMillis))
      throw new Error('Exception: Lock timeout: another process was holding the lock.');
  }

  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export class FakeLockService {
  readonly state = new FakeLockState();
  /** Where lock calls are counted (`tryLock` / `waitLock`: 60 ms each under the cost model). */
  constructor(readonly calls = new CallCounter()) {}
  getDocumentLock(): FakeLock {
    return new FakeLock(this.state, this.calls);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.state, this.calls);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.state, this.calls);
  }
}

export class FakeProperties {
  private readonly data = new Map<string, string>();
  constructor(private readonly calls = new CallCounter()) {}
  getProperty(key: string): string | null {
    this.calls.record(PROPERTIES_TARGET, 'getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.calls.record(PROPERTIES_TARGET, 'setProperty');
    // Apps Script refuses a value over 9 KB (UTF-8 bytes, key included).
    if (utf8Length(key) + utf8Length(String(value)) > PROPERTY_MAX_BYTES) {
      throw new Error('Exception: Argument too large: value');
    }
    this.data.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.calls.record(PROPERTIES_TARGET, 'deleteProperty');
    this.data.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    this.calls.record(PROPERTIES_TARGET, 'getProperties');
    return Object.fromEntries(this.data);
  }
}

export class FakePropertiesService {
  readonly document: FakeProperties;
  readonly script: FakeProperties;
  readonly user: FakeProperties;
  /** Where property calls are counted (get 30 ms, set/delete 62 ms under the cost model). */
  constructor(readonly calls = new CallCounter()) {
    this.document = new FakeProperties(calls);
    this.script = new FakeProperties(calls);
    this.user = new FakeProperties(calls);
  }
  getDocumentProperties() {
    return this.document;
  }
  getScriptProperties() {
    return this.script;
  }
  getUserProperties() {
    return this.user;
  }
}

export interface FakeTrigger {
  getHandlerFunction(): string;
  getEventType(): string;
  getUniqueId(): string;
  /** The document the trigger belongs to (add-on triggers are per document) and its owner. */
  getTriggerSourceId(): string;
  user: string;
  /** Hours between runs of a recurring trigger; null for a one-shot one. */
  everyHours: number | null;
  /** Milliseconds after creation a one-shot trigger fires; null for a recurring one. */
  afterMs: number | null;
}

/**
 * ScriptApp as one user sees it in one document. Triggers live in `triggers`, which several instances may
 * share (other documents, other users of the same add-on project); getUserTriggers(spreadsheet) gives only
 * this user's triggers of that document, getProjectTriggers this user's of every document.
 */
export class FakeScriptApp {
  private static nextId = 1;
  readonly EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN' };
  readonly AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  readonly triggers: FakeTrigger[];
  readonly documentId: string;
  readonly user: string;

  /** Where trigger calls are counted (100 ms each under the cost model). */
  constructor(
    readonly calls = new CallCounter(),
    options: { documentId?: string; user?: string; triggers?: FakeTrigger[] } = {},
  ) {
    this.documentId = options.documentId ?? 'fake-spreadsheet-id';
    this.user = options.user ?? 'supervisor@example.com';
    this.triggers = options.triggers ?? [];
  }

  getProjectTriggers(): FakeTrigger[] {
    this.calls.record(TRIGGERS_TARGET, 'getProjectTriggers');
    return this.triggers.filter((t) => t.user === this.user);
  }

  /** This user's triggers of `document` (a Spreadsheet: its id is compared). */
  getUserTriggers(document: { getId(): string }): FakeTrigger[] {
    this.calls.record(TRIGGERS_TARGET, 'getUserTriggers');
    const id = document.getId();
    return this.triggers.filter((t) => t.user === this.user && t.getTriggerSourceId() === id);
  }

  deleteTrigger(trigger: FakeTrigger): void {
    this.calls.record(TRIGGERS_TARGET, 'deleteTrigger');
    const i = this.triggers.indexOf(trigger);
    if (i >= 0) this.triggers.splice(i, 1);
  }

  /** A trigger of `handler` in this document for this user, made without a counted call (test set-up). */
  addTrigger(handler: string, everyHours: number | null, afterMs: number | null = null): FakeTrigger {
    const id = String(FakeScriptApp.nextId++);
    const source = this.documentId;
    const trigger: FakeTrigger = {
      getHandlerFunction: () => handler,
      getEventType: () => 'CLOCK',
      getUniqueId: () => id,
      getTriggerSourceId: () => source,
      user: this.user,
      everyHours,
      afterMs,
    };
    this.triggers.push(trigger);
    return trigger;
  }

  newTrigger(handler: string) {
    let hours: number | null = null;
    let after: number | null = null;
    const clock = {
      everyHours: (n: number) => {
        // Add-ons may not run a time-driven trigger more often than hourly.
        if (!Number.isInteger(n) || n < 1) throw new Error('Exception: everyHours must be at least 1.');
        hours = n;
        return clock;
      },
      after: (ms: number) => {
        after = ms;
        return clock;
      },
      create: (): FakeTrigger => {
        this.calls.record(TRIGGERS_TARGET, 'create', '', 0, 'trigger.create');
        if (hours === null && after === null)
          throw new Error('Exception: a time-based trigger needs a schedule.');
        return this.addTrigger(handler, hours, after);
      },
    };
    return { timeBased: () => clock };
  }
}

export interface RecordedMenuItem {
  caption: string;
  functionName: string;
}

export interface RecordedMenu {
  title: string;
  items: Array<RecordedMenuItem | 'separator'>;
}

export class FakeUi {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: Array<{ title: string; message: string }> = [];
  readonly sidebars: Array<{ title: string; content: string }> = [];
  readonly dialogs: Array<{ title: string; content: string }> = [];
  /** Answers the next confirm-style alerts will get ('YES' / 'NO'), in order; default YES. */
  readonly scriptedAnswers: string[] = [];
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

  private builder(title: string) {
    const menu: RecordedMenu = { title, items: [] };
    const builder = {
      addItem: (caption: string, functionName: string) => {
        menu.items.push({ caption, functionName });
        return builder;
      },
      addSeparator: () => {
        menu.items.push('separator');
        return builder;
      },
      addToUi: () => {
        this.menus.push(menu);
      },
    };
    return builder;
  }

  createMenu(title: string) {
    return this.builder(title);
  }

  createAddonMenu() {
    return this.builder('(add-on)');
  }

  alert(titleOrPrompt: string, prompt?: string, buttons?: string): string {
    const message = prompt ?? titleOrPrompt;
    this.alerts.push({ title: prompt === undefined ? '' : titleOrPrompt, message });
    if (buttons === this.ButtonSet.YES_NO || buttons === this.ButtonSet.OK_CANCEL) {
      return this.scriptedAnswers.shift() ?? this.Button.YES;
    }
    return this.Button.OK;
  }

  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push({ title: output.getTitle(), content: output.getContent() });
  }

  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ title, content: output.getContent() });
  }
}

export class FakeHtmlOutput {
  private title = '';
  private width = 300;
  constructor(private content: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getWidth() {
    return this.width;
  }
  getContent() {
    return this.content;
  }
  append(html: string) {
    this.content += html;
    return this;
  }
}

export class FakeHtmlService {
  /** Files pushed next to Code.js (e.g. Sidebar), by name without extension. */
  constructor(private readonly files: Record<string, string> = {}) {}
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    const content = this.files[name];
    if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return new FakeHtmlOutput(content);
  }
}

export class FakeSession {
  constructor(private readonly email = 'supervisor@example.com') {}
  getActiveUser() {
    return { getEmail: () => this.email };
  }
  getEffectiveUser() {
    return { getEmail: () => this.email };
  }
}

/**
 * CacheService's document cache: entries expire after the seconds they were put for, by the clock given
 * (tests move it); getAll and putAll are counted as one call each (cache get 3 ms, put 93 ms).
 */
export class FakeCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(
    private readonly now: () => number,
    private readonly calls = new CallCounter(),
  ) {}

  getAll(keys: string[]): Record<string, string> {
    this.calls.record(CACHE_TARGET, 'getAll', '', 0, 'cache.get');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry && entry.expires > this.now()) out[key] = entry.value;
    }
    return out;
  }

  putAll(values: Record<string, string>, expirationInSeconds: number): void {
    this.calls.record(CACHE_TARGET, 'putAll', '', 0, 'cache.put');
    for (const [key, value] of Object.entries(values)) {
      // Apps Script refuses a value over 100 KB.
      if (utf8Length(value) > 100 * 1024) throw new Error('Exception: Argument too large: value');
      this.entries.set(key, { value, expires: this.now() + expirationInSeconds * 1000 });
    }
  }

  removeAll(keys: string[]): void {
    this.calls.record(CACHE_TARGET, 'removeAll', '', 0, 'cache.put');
    for (const key of keys) this.entries.delete(key);
  }
}

export class FakeCacheService {
  readonly document: FakeCache;
  constructor(
    now: () => number,
    readonly calls = new CallCounter(),
  ) {
    this.document = new FakeCache(now, calls);
  }
  getDocumentCache(): FakeCache {
    return this.document;
  }
}
