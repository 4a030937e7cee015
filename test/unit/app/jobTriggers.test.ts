import { describe, expect, it } from 'vitest';
import {
  METRICS_TRIGGER_HANDLER,
  TRIGGER_KEY,
  automaticRecomputeOn,
  readTriggerRecord,
  setAutomaticRecompute,
  settleSchedule,
  type TriggerSchedule,
} from '../../../src/app/jobTriggers';
import { propertiesAdapter, triggersAdapter } from '../../../src/gas/services';
import {
  FakeProperties,
  FakeScriptApp,
  PROPERTY_STORE_FULL,
  TOO_MANY_TIME_TRIGGERS,
  type FakeTrigger,
  type UserTriggersBehaviour,
} from '../../../src/memory/fakeServices';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { CallCounter } from '../../../src/memory/callCounter';

/** One project's triggers, seen by `user` in document `id`, with that document's properties. */
function seenFrom(
  shared: FakeTrigger[],
  id: string,
  userTriggers: UserTriggersBehaviour,
  user = 'supervisor@example.com',
) {
  const scriptApp = new FakeScriptApp(undefined, { documentId: id, user, triggers: shared, userTriggers });
  const store = new FakeProperties();
  const schedule: TriggerSchedule = {
    triggers: triggersAdapter(scriptApp, new FakeSpreadsheet({ id })),
    properties: propertiesAdapter(store),
  };
  return { scriptApp, store, schedule };
}

const schedules = (app: FakeScriptApp) =>
  app.timeDriven().map((t) => [t.getHandlerFunction(), t.everyHours, t.afterMs]);

describe.each<UserTriggersBehaviour>(['lists', 'hides'])(
  'one time-driven trigger per document, getUserTriggers %s them',
  (mode) => {
    it('enabling twice leaves one, disabling leaves none; other documents and users untouched', () => {
      const shared: FakeTrigger[] = [];
      const other = seenFrom(shared, 'other-document', mode);
      const colleague = seenFrom(shared, 'doc-1', mode, 'colega@example.com');
      setAutomaticRecompute(other.schedule, true);
      setAutomaticRecompute(colleague.schedule, true);
      const mine = seenFrom(shared, 'doc-1', mode);

      expect(setAutomaticRecompute(mine.schedule, true)).toEqual({ created: 1, deleted: 0, warnings: [] });
      expect(setAutomaticRecompute(mine.schedule, true)).toEqual({ created: 0, deleted: 0, warnings: [] });
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, 1, null]]);
      const id = mine.scriptApp.timeDriven()[0]!.getUniqueId();
      expect(readTriggerRecord(mine.schedule.properties)).toEqual({ id, kind: 'hourly', hourly: true });
      expect(automaticRecomputeOn(mine.schedule)).toBe(true);

      expect(setAutomaticRecompute(mine.schedule, false)).toEqual({ created: 0, deleted: 1, warnings: [] });
      expect(mine.scriptApp.timeDriven()).toEqual([]);
      expect(mine.store.getProperty(TRIGGER_KEY)).toBeNull();
      expect(automaticRecomputeOn(mine.schedule)).toBe(false);
      expect(other.scriptApp.timeDriven()).toHaveLength(1);
      expect(colleague.scriptApp.timeDriven()).toHaveLength(1);
      expect(shared).toHaveLength(2);
      const methods = mine.scriptApp.calls.calls.map((c) => c.method);
      // Where getUserTriggers lists them, the project's list is never needed.
      if (mode === 'lists') expect(methods).not.toContain('getProjectTriggers');
      else expect(methods).toContain('getProjectTriggers');
    });

    it('a recorded id whose trigger is gone is cleaned up, and enabling makes a new one', () => {
      const mine = seenFrom([], 'doc-1', mode);
      setAutomaticRecompute(mine.schedule, true);
      // Deleted by hand (or by Google): the record still names it.
      mine.scriptApp.triggers.splice(0);
      expect(automaticRecomputeOn(mine.schedule)).toBe(false);
      expect(mine.store.getProperty(TRIGGER_KEY)).toBeNull();
      expect(setAutomaticRecompute(mine.schedule, true)).toMatchObject({ created: 1 });
      expect(mine.scriptApp.timeDriven()).toHaveLength(1);
      expect(readTriggerRecord(mine.schedule.properties).id).toBe(
        mine.scriptApp.timeDriven()[0]!.getUniqueId(),
      );
    });

    it('a continuation replaces the hourly trigger and, once the job is done, the hourly one comes back', () => {
      const mine = seenFrom([], 'doc-1', mode);
      setAutomaticRecompute(mine.schedule, true);
      expect(settleSchedule(mine.schedule, { fired: true, unfinished: true })).toEqual([]);
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, null, 60_000]]);
      expect(readTriggerRecord(mine.schedule.properties)).toMatchObject({ kind: 'once', hourly: true });
      // A step from the sidebar while the continuation waits leaves it as it is.
      expect(settleSchedule(mine.schedule, { fired: false, unfinished: true })).toEqual([]);
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, null, 60_000]]);
      // The continuation fires and the job is still unfinished: one new one-shot, never two.
      const first = mine.scriptApp.timeDriven()[0]!.getUniqueId();
      settleSchedule(mine.schedule, { fired: true, unfinished: true });
      expect(mine.scriptApp.timeDriven()).toHaveLength(1);
      expect(mine.scriptApp.timeDriven()[0]!.getUniqueId()).not.toBe(first);
      // Done: the hourly schedule is back.
      settleSchedule(mine.schedule, { fired: true, unfinished: false });
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, 1, null]]);
      expect(automaticRecomputeOn(mine.schedule)).toBe(true);
    });

    it('enabling the hourly recompute while a continuation waits works, and stays on after the job', () => {
      const mine = seenFrom([], 'doc-1', mode);
      settleSchedule(mine.schedule, { fired: false, unfinished: true });
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, null, 60_000]]);
      expect(setAutomaticRecompute(mine.schedule, true)).toEqual({ created: 0, deleted: 0, warnings: [] });
      expect(automaticRecomputeOn(mine.schedule)).toBe(true);
      expect(mine.scriptApp.timeDriven()).toHaveLength(1);
      settleSchedule(mine.schedule, { fired: true, unfinished: false });
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, 1, null]]);
    });

    it('without the hourly recompute, a finished job leaves no trigger and no record', () => {
      const mine = seenFrom([], 'doc-1', mode);
      settleSchedule(mine.schedule, { fired: false, unfinished: true });
      settleSchedule(mine.schedule, { fired: true, unfinished: false });
      expect(mine.scriptApp.timeDriven()).toEqual([]);
      expect(mine.store.getProperty(TRIGGER_KEY)).toBeNull();
    });

    it('a trigger whose id cannot be recorded is taken back: enabling fails and leaves none', () => {
      const mine = seenFrom([], 'doc-1', mode);
      mine.store.faults.fail('properties.setProperty', PROPERTY_STORE_FULL);
      expect(() => setAutomaticRecompute(mine.schedule, true)).toThrow(
        'INTERNAL: No se pudo activar el recálculo automático: no se pudo guardar el disparador; no quedó ninguno nuevo.',
      );
      expect(mine.scriptApp.timeDriven()).toEqual([]);
      expect(setAutomaticRecompute(mine.schedule, true)).toMatchObject({ created: 1 });
    });

    it('a refused continuation is a warning and the hourly schedule is restored', () => {
      const mine = seenFrom([], 'doc-1', mode);
      setAutomaticRecompute(mine.schedule, true);
      mine.scriptApp.faults.fail('triggers.create', TOO_MANY_TIME_TRIGGERS);
      const warnings = settleSchedule(mine.schedule, { fired: true, unfinished: true });
      expect(warnings).toEqual([
        `No se pudo programar la continuación de la tarea; siga con Recalcular métricas (${TOO_MANY_TIME_TRIGGERS}).`,
      ]);
      expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, 1, null]]);
      expect(readTriggerRecord(mine.schedule.properties)).toMatchObject({ kind: 'hourly', hourly: true });
    });
  },
);

describe('what keeping the one trigger costs a run', () => {
  it('no trigger and a finished job: one property read; a continuation waiting: one more trigger listing (two where hidden)', () => {
    for (const [mode, listings] of [
      ['lists', ['getUserTriggers']],
      ['hides', ['getUserTriggers', 'getProjectTriggers']],
    ] as const) {
      const calls = new CallCounter();
      const scriptApp = new FakeScriptApp(calls, { documentId: 'doc-1', userTriggers: mode });
      const schedule: TriggerSchedule = {
        triggers: triggersAdapter(scriptApp, new FakeSpreadsheet({ id: 'doc-1' })),
        properties: propertiesAdapter(new FakeProperties(calls)),
      };
      settleSchedule(schedule, { fired: false, unfinished: false });
      expect(calls.calls.map((c) => c.method)).toEqual(['getProperty']);
      settleSchedule(schedule, { fired: false, unfinished: true });
      calls.reset();
      settleSchedule(schedule, { fired: false, unfinished: true });
      expect(calls.calls.map((c) => c.method)).toEqual(['getProperty', ...listings]);
    }
  });
});

describe('a trigger left unrecorded by an older version', () => {
  it('where getUserTriggers lists it, it is adopted: the continuation replaces it and the hourly one comes back', () => {
    const mine = seenFrom([], 'doc-1', 'lists');
    mine.scriptApp.addTrigger(METRICS_TRIGGER_HANDLER, 1);
    expect(settleSchedule(mine.schedule, { fired: true, unfinished: true })).toEqual([]);
    expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, null, 60_000]]);
    settleSchedule(mine.schedule, { fired: true, unfinished: false });
    expect(schedules(mine.scriptApp)).toEqual([[METRICS_TRIGGER_HANDLER, 1, null]]);
    expect(readTriggerRecord(mine.schedule.properties)).toMatchObject({ kind: 'hourly', hourly: true });
  });

  it('where it is hidden, Google refuses a new one: a warning for a run, a message that says what to do for the menu', () => {
    const mine = seenFrom([], 'doc-1', 'hides');
    mine.scriptApp.addTrigger(METRICS_TRIGGER_HANDLER, 1);
    expect(settleSchedule(mine.schedule, { fired: false, unfinished: true })).toEqual([
      `No se pudo programar la continuación de la tarea; siga con Recalcular métricas (${TOO_MANY_TIME_TRIGGERS}).`,
    ]);
    expect(() => setAutomaticRecompute(mine.schedule, true)).toThrow(
      /^INTERNAL: No se pudo activar el recálculo automático: Apps Script no creó el disparador \(Exception: This add-on has created too many time-based triggers.*bórrelo en script\.google\.com → Activadores/,
    );
    expect(mine.scriptApp.timeDriven()).toHaveLength(1);
    expect(mine.store.getProperty(TRIGGER_KEY)).toBeNull();
  });
});

describe('the in-memory ScriptApp', () => {
  it('refuses a second time-driven trigger of one user in one document, like Google', () => {
    const shared: FakeTrigger[] = [];
    const app = new FakeScriptApp(undefined, { documentId: 'doc-1', triggers: shared });
    app.newTrigger('a').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('b').timeBased().after(60_000).create()).toThrow(TOO_MANY_TIME_TRIGGERS);
    // Another document, or another user, may have its own.
    new FakeScriptApp(undefined, { documentId: 'doc-2', triggers: shared })
      .newTrigger('a')
      .timeBased()
      .everyHours(1)
      .create();
    new FakeScriptApp(undefined, { documentId: 'doc-1', user: 'otro@example.com', triggers: shared })
      .newTrigger('a')
      .timeBased()
      .everyHours(1)
      .create();
    expect(shared).toHaveLength(3);
  });

  it('getUserTriggers lists time-driven triggers or hides them; getProjectTriggers always has them', () => {
    const listing = new FakeScriptApp(undefined, { documentId: 'doc-1', userTriggers: 'lists' });
    const hiding = new FakeScriptApp(undefined, { documentId: 'doc-1', userTriggers: 'hides' });
    listing.addTrigger('a', 1);
    hiding.addTrigger('a', 1);
    const doc = new FakeSpreadsheet({ id: 'doc-1' });
    expect(listing.getUserTriggers(doc)).toHaveLength(1);
    expect(hiding.getUserTriggers(doc)).toHaveLength(0);
    expect(hiding.getProjectTriggers()).toHaveLength(1);
  });
});
