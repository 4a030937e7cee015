// Adversarial scenarios for the resumable metrics job (issue 10): hand edits between runs and during a run.

import { describe, expect, it } from 'vitest';
import type { FakeSpreadsheet } from '../../../src/memory/fakeSpreadsheet';
import { metricsService, spoolsBook, watchedPorts, withSettings } from '../../support/jobs';
import { environment } from '../../support/tracking';

const BATCHED = { batchProcessing: true, batchSize: 50 };

/** Runs the job to the end, each batch's write taking 100 s of clock (two batches a run). */
function runInSteps(book: FakeSpreadsheet, between: (run: number) => void) {
  const env = environment(book);
  withSettings(env.ports(), BATCHED);
  const states: string[] = [];
  for (let run = 0; run < 20; run++) {
    const ports = watchedPorts(env.ports(), { rows: [] }, () => {
      env.clock.advance(100_000);
      return 'write';
    });
    const status = metricsService(ports).run('trigger');
    states.push(`${status.state}:${status.processed}/${status.total}`);
    if (status.state !== 'running') break;
    between(run);
    env.clock.advance(60_000);
  }
  return states;
}

/** What a single-pass recompute over the sheet as it is now still changes: 0 when the job left it right. */
function leftWrong(book: FakeSpreadsheet): number {
  const env = environment(book);
  withSettings(env.ports(), { batchProcessing: false });
  return metricsService(env.ports()).run('menu').changed;
}

describe('metrics job under hand edits', () => {
  it("the cursor's spool row deleted between runs: no spool is left out", () => {
    const book = spoolsBook(300);
    const states = runInSteps(book, (run) => {
      if (run === 0) book.sheet('Operaciones').deleteRows(101, 1); // spool 100, the cursor's (index 100)
    });
    expect(leftWrong(book)).toBe(0);
  });

  it('a spool row inserted above the cursor between runs', () => {
    const book = spoolsBook(300);
    const states = runInSteps(book, (run) => {
      if (run === 0) {
        const sheet = book.sheet('Operaciones');
        const row = sheet.dump()[5]!;
        sheet.insertRowsAfter(5, 1);
        sheet
          .getRange(6, 1, 1, row.length)
          .setValues([row.map((v, i) => (i === row.indexOf('SP-005') ? 'SP-X' : v))]);
      }
    });
    expect(leftWrong(book)).toBe(0);
  });

  it('more spools inserted above the cursor than a run can do: the next runs do the rest of them', () => {
    const book = spoolsBook(300);
    runInSteps(book, (run) => {
      if (run !== 0) return;
      const sheet = book.sheet('Operaciones');
      const [header, first] = sheet.dump() as [string[], unknown[]];
      sheet.insertRowsAfter(1, 120);
      const tag = header.indexOf('TAG_SPOOL');
      // 120 new spools of OT 001's tag family, written above every spool done (two batches a run).
      sheet
        .getRange(2, 1, 120, first.length)
        .setValues(
          Array.from(
            { length: 120 },
            (_, i) => first.map((v, c) => (c === tag ? `SP-001-${i}` : v)) as never,
          ),
        );
    });
    expect(leftWrong(book)).toBe(0);
  });
});
