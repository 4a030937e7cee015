// `npm run bench`: prints the service calls of each request priced with the cost model
// (src/memory/costModel.ts), and the CPU and memory figures the issues set goals for.

import { benchCommitCalls } from './bench/commitCalls';
import { benchFinishWork } from './bench/finishWorkCalls';
import { benchJobs } from './bench/jobCalls';
import { benchMigration } from './bench/migrationCalls';
import { benchPanelRequests } from './bench/panelRequests';
import { benchPricedRequests } from './bench/pricedRequests';
import { benchReadAndMetrics } from './bench/readAndMetrics';
import { benchResumen } from './bench/resumen';
import { benchTargetedReads } from './bench/targetedReads';

benchCommitCalls();
benchFinishWork();
benchPricedRequests();
benchReadAndMetrics();
benchMigration();
benchJobs();
benchTargetedReads();
benchResumen();
benchPanelRequests();
