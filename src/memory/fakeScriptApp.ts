// In-memory ScriptApp triggers as one user sees them in one document: Google's add-on restriction (one
// time-driven trigger per user and document) enforced, getUserTriggers(spreadsheet) following either
// behaviour reported for add-ons, calls counted, and failures injectable.

import { CallCounter } from './callCounter';
import { Faults } from './faults';

export const TRIGGERS_TARGET = '(triggers)';

/** Google's refusal of a second time-driven trigger of an add-on for one user and document. */
export const TOO_MANY_TIME_TRIGGERS =
  'Exception: This add-on has created too many time-based triggers in this document for this Google user account.';

export interface FakeTrigger {
  getHandlerFunction(): string;
  getEventType(): string;
  getUniqueId(): string;
  /** The document the trigger belongs to (add-on triggers are per document). */
  getTriggerSourceId(): string;
  /** Its owner. */
  user: string;
  /** Hours between runs of a recurring trigger; null for a one-shot one. */
  everyHours: number | null;
  /** Milliseconds after creation a one-shot trigger fires; null for a recurring one. */
  afterMs: number | null;
}

/**
 * Whether getUserTriggers(spreadsheet) lists the add-on's time-driven triggers: `lists` (some add-ons see
 * them there) or `hides` (they are seen only through getProjectTriggers). Not settled by the documentation.
 */
export type UserTriggersBehaviour = 'lists' | 'hides';

export interface FakeScriptAppOptions {
  documentId?: string;
  user?: string;
  /** Shared by the instances of one project (other documents, other users). */
  triggers?: FakeTrigger[];
  userTriggers?: UserTriggersBehaviour;
  faults?: Faults;
}

/**
 * ScriptApp as one user sees it in one document. Triggers live in `triggers`, which several instances may
 * share; getProjectTriggers gives this user's triggers of every document, getUserTriggers(spreadsheet) this
 * user's of that document (time-driven ones only in `lists` mode). A second time-driven trigger of one user
 * in one document is refused. Faults: `triggers.create`, `triggers.delete`, `triggers.list`.
 */
export class FakeScriptApp {
  private static nextId = 1;
  readonly EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN' };
  readonly AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
  readonly triggers: FakeTrigger[];
  readonly documentId: string;
  readonly user: string;
  readonly faults: Faults;
  userTriggers: UserTriggersBehaviour;

  /** Where trigger calls are counted (100 ms each under the cost model). */
  constructor(
    readonly calls = new CallCounter(),
    options: FakeScriptAppOptions = {},
  ) {
    this.documentId = options.documentId ?? 'fake-spreadsheet-id';
    this.user = options.user ?? 'supervisor@example.com';
    this.triggers = options.triggers ?? [];
    this.userTriggers = options.userTriggers ?? 'lists';
    this.faults = options.faults ?? new Faults();
  }

  getProjectTriggers(): FakeTrigger[] {
    this.calls.record(TRIGGERS_TARGET, 'getProjectTriggers');
    this.faults.check('triggers.list');
    return this.triggers.filter((t) => t.user === this.user);
  }

  /** This user's triggers of `document` (a Spreadsheet: its id is compared), as `userTriggers` says. */
  getUserTriggers(document: { getId(): string }): FakeTrigger[] {
    this.calls.record(TRIGGERS_TARGET, 'getUserTriggers');
    this.faults.check('triggers.list');
    const id = document.getId();
    return this.triggers.filter(
      (t) =>
        t.user === this.user &&
        t.getTriggerSourceId() === id &&
        (this.userTriggers === 'lists' || t.getEventType() !== 'CLOCK'),
    );
  }

  deleteTrigger(trigger: FakeTrigger): void {
    this.calls.record(TRIGGERS_TARGET, 'deleteTrigger');
    this.faults.check('triggers.delete');
    const i = this.triggers.indexOf(trigger);
    if (i >= 0) this.triggers.splice(i, 1);
  }

  /** This user's time-driven triggers in this document (test inspection; not counted). */
  timeDriven(): FakeTrigger[] {
    return this.triggers.filter(
      (t) =>
        t.user === this.user && t.getTriggerSourceId() === this.documentId && t.getEventType() === 'CLOCK',
    );
  }

  /** A trigger of `handler` in this document for this user, made without a counted call nor the limit (set-up). */
  addTrigger(handler: string, everyHours: number | null, afterMs: number | null = null): FakeTrigger {
    const id = `trigger-${FakeScriptApp.nextId++}`;
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
        this.faults.check('triggers.create');
        if (hours === null && after === null)
          throw new Error('Exception: a time-based trigger needs a schedule.');
        if (this.timeDriven().length > 0) throw new Error(TOO_MANY_TIME_TRIGGERS);
        return this.addTrigger(handler, hours, after);
      },
    };
    return { timeBased: () => clock };
  }
}
