// `npm run bench`: prints the service calls of each request priced with the cost model
// (src/memory/costModel.ts), and the CPU and memory figures the issues set goals for. `--calls` prints the
// call log of each targeted request (listing, INICIAR, FINALIZAR 10) on both paths; `--only targeted`
// runs that bench alone.

import { benchCommitCalls } from './bench/commitCalls';
import { benchFinishWork } from './bench/finishWorkCalls';
import { benchIssue15Targets } from './bench/issue15Targets';
import { benchJobs } from './bench/jobCalls';
import { benchMigration } from './bench/migrationCalls';
import { benchPanelRequests } from './bench/panelRequests';
import { benchPricedRequests } from './bench/pricedRequests';
import { benchReadAndMetrics } from './bench/readAndMetrics';
import { benchResumen } from './bench/resumen';
import { benchTargetedReads } from './bench/targetedReads';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== 'targeted') {
  benchCommitCalls();
  benchFinishWork();
  benchPricedRequests();
  benchReadAndMetrics();
  benchMigration();
  benchJobs();
}
benchTargetedReads();
benchIssue15Targets();
benchResumen();
benchPanelRequests();
