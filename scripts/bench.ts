// `npm run bench`: prints the service-call, time and memory figures the issues set goals for.

import { benchCommitCalls } from './bench/commitCalls';

benchCommitCalls();
