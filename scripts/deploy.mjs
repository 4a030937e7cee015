// `npm run deploy`: build, then push build/ with clasp. Needs a local .clasp.json (not committed).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

if (!existsSync('.clasp.json')) {
  console.error(
    'deploy: no .clasp.json. Copy .clasp.example.json to .clasp.json and set your scriptId (see README).',
  );
  process.exit(1);
}
const { scriptId, rootDir } = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!scriptId || scriptId.startsWith('PUT-')) {
  console.error('deploy: .clasp.json has no real scriptId.');
  process.exit(1);
}
if (rootDir !== 'build') {
  console.error(
    'deploy: .clasp.json must have "rootDir": "build" (clasp 3 pushes the built files, it does not compile).',
  );
  process.exit(1);
}
execSync('node scripts/build.mjs', { stdio: 'inherit' });
execSync('npx clasp push -f', { stdio: 'inherit' });
