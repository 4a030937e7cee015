import { describe, expect, it } from 'vitest';
import {
  CONTINUATION_HANDLER,
  METRICS_TRIGGER_HANDLER,
  scheduleContinuation,
  setAutomaticRecompute,
} from '../../../src/app/jobTriggers';
import { triggersAdapter } from '../../../src/gas/services';
import { FakeScriptApp, type FakeTrigger } from '../../../src/memory/fakeServices';
import { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';

/** One project's triggers, seen by `user` in document `id`. */
function seenFrom(shared: FakeTrigger[], id: string, user = 'supervisor@example.com') {
  const scriptApp = new FakeScriptApp(undefined, { documentId: id, user, triggers: shared });
  return { scriptApp, triggers: triggersAdapter(scriptApp, new FakeSpreadsheet({ id })) };
}

describe('add-on-safe triggers', () => {
  it('installing the hourly trigger twice leaves one; off leaves none and other documents alone', () => {
    const shared: FakeTrigger[] = [];
    const other = seenFrom(shared, 'other-document');
    const colleague = seenFrom(shared, 'doc-1', 'colega@example.com');
    setAutomaticRecompute(other.triggers, true);
    setAutomaticRecompute(colleague.triggers, true);
    const mine = seenFrom(shared, 'doc-1');

    expect(setAutomaticRecompute(mine.triggers, true)).toEqual({ created: 1, deleted: 0 });
    expect(setAutomaticRecompute(mine.triggers, true)).toEqual({ created: 0, deleted: 0 });
    expect(mine.triggers.count(METRICS_TRIGGER_HANDLER)).toBe(1);
    expect(
      shared.filter((t) => t.getTriggerSourceId() === 'doc-1' && t.user === 'supervisor@example.com'),
    ).toHaveLength(1);
    expect(
      shared.find((t) => t.user === 'supervisor@example.com' && t.getTriggerSourceId() === 'doc-1')!
        .everyHours,
    ).toBe(1);

    // A duplicate left by an older version is removed, keeping one.
    mine.scriptApp.addTrigger(METRICS_TRIGGER_HANDLER, 1);
    expect(setAutomaticRecompute(mine.triggers, true)).toEqual({ created: 0, deleted: 1 });
    expect(mine.triggers.count(METRICS_TRIGGER_HANDLER)).toBe(1);

    expect(setAutomaticRecompute(mine.triggers, false)).toEqual({ created: 0, deleted: 1 });
    expect(mine.triggers.count(METRICS_TRIGGER_HANDLER)).toBe(0);
    expect(other.triggers.count(METRICS_TRIGGER_HANDLER)).toBe(1);
    expect(colleague.triggers.count(METRICS_TRIGGER_HANDLER)).toBe(1);
    expect(shared).toHaveLength(2);
    // Found with getUserTriggers(spreadsheet), never by listing the whole project.
    expect(mine.scriptApp.calls.calls.map((c) => c.method)).not.toContain('getProjectTriggers');
  });

  it('a continuation is one one-shot trigger a minute later, not stacked', () => {
    const { triggers, scriptApp } = seenFrom([], 'doc-1');
    expect(scheduleContinuation(triggers)).toBe(true);
    expect(scheduleContinuation(triggers)).toBe(false);
    expect(scriptApp.triggers.map((t) => [t.getHandlerFunction(), t.afterMs, t.everyHours])).toEqual([
      [CONTINUATION_HANDLER, 60_000, null],
    ]);
  });
});
