// Two supervisors of one spreadsheet: document properties are the document's (shared), triggers are each
// user's. What one of them does or looks at never loses the other's trigger.
import { describe, expect, it } from 'vitest';
import {
  automaticRecomputeOn,
  setAutomaticRecompute,
  triggerKey,
  settleSchedule,
  type TriggerSchedule,
} from '../../../src/app/jobTriggers';
import { propertiesAdapter, triggersAdapter } from '../../../src/gas/services';
import {
  FakeProperties,
  FakeScriptApp,
  type FakeTrigger,
  type UserTriggersBehaviour,
} from '../../../src/memory/fakeServices';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

/** `user`'s view of document `doc-1`: their triggers, and their own properties keyed by the document. */
function userOf(shared: FakeTrigger[], user: string, mode: UserTriggersBehaviour) {
  const scriptApp = new FakeScriptApp(undefined, {
    documentId: 'doc-1',
    user,
    triggers: shared,
    userTriggers: mode,
  });
  const userStore = new FakeProperties();
  const schedule: TriggerSchedule = {
    triggers: triggersAdapter(scriptApp, new FakeSpreadsheet({ id: 'doc-1' })),
    // As the composition root wires it: the record in the user's own properties, keyed by the document.
    properties: propertiesAdapter(userStore),
    key: triggerKey('doc-1'),
  };
  return { scriptApp, schedule };
}

describe.each<UserTriggersBehaviour>(['lists', 'hides'])(
  'two users of one document, getUserTriggers %s',
  (mode) => {
    it('a colleague checking or switching the recompute never loses mine: I can still see and turn off my trigger', () => {
      const shared: FakeTrigger[] = [];
      const me = userOf(shared, 'supervisor@example.com', mode);
      const colleague = userOf(shared, 'colega@example.com', mode);

      expect(setAutomaticRecompute(me.schedule, true).created).toBe(1);
      expect(automaticRecomputeOn(colleague.schedule)).toBe(false);
      expect(setAutomaticRecompute(colleague.schedule, true).created).toBe(1);
      expect(setAutomaticRecompute(colleague.schedule, false).deleted).toBe(1);
      expect(settleSchedule(colleague.schedule, { fired: false, unfinished: false })).toEqual([]);

      expect(automaticRecomputeOn(me.schedule)).toBe(true);
      expect(me.scriptApp.timeDriven().map((t) => t.everyHours)).toEqual([1]);
      expect(setAutomaticRecompute(me.schedule, false)).toEqual({ created: 0, deleted: 1, warnings: [] });
      expect(me.scriptApp.timeDriven()).toEqual([]);
      expect(colleague.scriptApp.timeDriven()).toEqual([]);
    });

    it('a record holding garbage JSON counts as none: enabling makes one and records it; disabling twice leaves none', () => {
      const shared: FakeTrigger[] = [];
      const me = userOf(shared, 'supervisor@example.com', mode);
      me.schedule.properties.set(triggerKey('doc-1'), '{"id": "trigger-');
      expect(automaticRecomputeOn(me.schedule)).toBe(false);
      expect(setAutomaticRecompute(me.schedule, true)).toEqual({ created: 1, deleted: 0, warnings: [] });
      const id = me.scriptApp.timeDriven()[0]!.getUniqueId();
      expect(JSON.parse(me.schedule.properties.getFresh(triggerKey('doc-1'))!)).toEqual({
        id,
        kind: 'hourly',
        hourly: true,
      });
      expect(setAutomaticRecompute(me.schedule, false)).toEqual({ created: 0, deleted: 1, warnings: [] });
      expect(setAutomaticRecompute(me.schedule, false)).toEqual({ created: 0, deleted: 0, warnings: [] });
      expect(me.scriptApp.timeDriven()).toEqual([]);
      expect(me.schedule.properties.getFresh(triggerKey('doc-1'))).toBeNull();
    });
  },
);
