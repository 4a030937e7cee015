// `npm run bench`: prints the service-call, time and memory figures the issues set goals for.

import { benchCommitCalls } from './bench/commitCalls';
import { benchFinishWork } from './bench/finishWorkCalls';
import { benchMigration } from './bench/migrationCalls';
import { benchReadAndMetrics } from './bench/readAndMetrics';

benchCommitCalls();
benchFinishWork();
benchReadAndMetrics();
benchMigration();
