// `npm run deploy`: build, then push build/ with clasp. Needs a clasp login and a local .clasp.json (not
// committed); says which step is missing in one line each instead of a stack trace.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const missing = [];
// clasp 3 keeps its login in ~/.clasprc.json (or a file named by --auth / CLASP_AUTH, which we do not use).
if (!existsSync(join(homedir(), '.clasprc.json'))) {
  missing.push('not logged in to Google: run `npx clasp login` (once per machine).');
}
if (!existsSync('.clasp.json')) {
  missing.push(
    'no .clasp.json: `cp .clasp.example.json .clasp.json` and put your scriptId in it (docs/deploy.md).',
  );
} else {
  let config = {};
  try {
    config = JSON.parse(readFileSync('.clasp.json', 'utf8'));
  } catch {
    missing.push('.clasp.json is not valid JSON.');
  }
  if (!config.scriptId || String(config.scriptId).startsWith('PUT-')) {
    missing.push('.clasp.json has no real scriptId (Apps Script editor → Project settings → Script ID).');
  }
  if (config.rootDir !== 'build') {
    missing.push(
      '.clasp.json must have "rootDir": "build" (clasp 3 pushes the built files, it does not compile).',
    );
  }
}
if (missing.length > 0) {
  for (const line of missing) console.error(`deploy: ${line}`);
  process.exit(1);
}
try {
  execSync('node scripts/build.mjs', { stdio: 'inherit' });
  execSync('npx clasp push -f', { stdio: 'inherit' });
} catch (error) {
  console.error(`deploy: ${error.message.split('\n')[0]} (see clasp's output above; docs/deploy.md).`);
  process.exit(1);
}
