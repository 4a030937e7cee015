// Bench: CPU and memory to read and index 100,000 union rows and compute the metrics of 10,000 spools
// (goal: under 1 s and 200 MB). Run with --expose-gc so the memory baseline is clean.

import { openRequest } from '../../src/app/request';
import { SHEETS } from '../../src/data/productionHeaders';
import { memoryEnvironment } from '../../src/memory/memoryPorts';
import { printTable } from './print';
import { productionWorkbook } from './productionWorkbook';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;

export function benchReadAndMetrics(): void {
  const rows: string[][] = [];
  const book = productionWorkbook();
  for (let run = 1; run <= 3; run++) {
    gc?.();
    const baseline = heapMb();
    let peak = baseline;
    const sample = () => (peak = Math.max(peak, heapMb()));
    const started = performance.now();
    const scope = openRequest(memoryEnvironment(book).ports());
    scope.uow.prefetch([SHEETS.operaciones, SHEETS.uniones]);
    const readMs = performance.now() - started;
    sample();
    const unions = scope.unions.all();
    const indexMs = performance.now() - started - readMs;
    sample();
    const metrics = scope.unions.metricsBySpool();
    const totalMs = performance.now() - started;
    sample();
    rows.push([
      String(run),
      String(unions.length),
      String(metrics.size),
      readMs.toFixed(0),
      indexMs.toFixed(0),
      (totalMs - readMs - indexMs).toFixed(0),
      totalMs.toFixed(0),
      (peak - baseline).toFixed(0),
    ]);
  }
  printTable(
    `Read + index 100,000 unions and compute metrics for 10,000 spools (goal < 1,000 ms, < 200 MB)${gc ? '' : ' [no --expose-gc: memory is rough]'}`,
    [
      'run',
      'unions',
      'spools',
      'read ms',
      'decode+index ms',
      'metrics ms',
      'total ms',
      'peak heap MB over baseline',
    ],
    rows,
  );
}
