// `npm run deploy` on a machine with no clasp login says what to do in one line, not with a stack trace.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('scripts/deploy.mjs', () => {
  it('without a clasp login tells the user to run npx clasp login and exits 1', () => {
    const home = mkdtempSync(join(tmpdir(), 'sut-home-'));
    const run = spawnSync(process.execPath, ['scripts/deploy.mjs'], {
      env: { ...process.env, HOME: home, USERPROFILE: home },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'deploy: not logged in to Google: run `npx clasp login` (once per machine).',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
