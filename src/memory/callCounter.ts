// Counts service calls per sheet, the cost unit of Apps Script (design §6), keeps each call's kind and cells
// so a run can be priced with the cost model (costModel.ts), and injects faults on demand.

import { kindOf, price, type Price, type PricedCall } from './costModel';

export interface Fault {
  /** Sheet name the call targets; omit for any. */
  sheet?: string;
  method: string;
  /** Let this many matching calls pass before failing. */
  after?: number;
  /** How many calls fail once triggered (default 1). */
  times?: number;
  message?: string;
}

export const SPREADSHEET_TARGET = '(spreadsheet)';

/** One counted call as the cost model sees it, with where it went. */
export interface CountedCall extends PricedCall {
  target: string;
  method: string;
}

export class CallCounter {
  private readonly perTarget = new Map<string, number>();
  private readonly faults: Array<Fault & { seen: number; failed: number }> = [];
  readonly log: string[] = [];
  /** Every call since the last reset, in order, with its kind and cells (what `price` reads). */
  readonly calls: CountedCall[] = [];
  keepLog = false;

  /**
   * Counts one call; `detail` (e.g. "900x11" for a setValues) goes into the log when it is kept, `cells`
   * is how many cells it read or wrote. `kindMethod` names the method for the cost model when `method`
   * alone is ambiguous (e.g. `sheetsApi.get`).
   */
  record(target: string, method: string, detail = '', cells = 0, kindMethod = method): void {
    this.perTarget.set(target, (this.perTarget.get(target) ?? 0) + 1);
    this.calls.push({ target, method, kind: kindOf(kindMethod), cells });
    if (this.keepLog) this.log.push(detail ? `${target}.${method} ${detail}` : `${target}.${method}`);
    for (const fault of this.faults) {
      if (fault.method !== method || (fault.sheet !== undefined && fault.sheet !== target)) continue;
      fault.seen += 1;
      if (fault.seen > (fault.after ?? 0) && fault.failed < (fault.times ?? 1)) {
        fault.failed += 1;
        throw new Error(fault.message ?? `Exception: Service Spreadsheets failed (${method} on ${target}).`);
      }
    }
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, failed: 0 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  total(): number {
    let n = 0;
    for (const v of this.perTarget.values()) n += v;
    return n;
  }

  of(target: string): number {
    return this.perTarget.get(target) ?? 0;
  }

  byTarget(): Record<string, number> {
    return Object.fromEntries([...this.perTarget.entries()].sort());
  }

  /** The calls since the last reset priced with the cost model (see costModel.ts). */
  price(): Price {
    return price(this.calls);
  }

  reset(): void {
    this.perTarget.clear();
    this.log.length = 0;
    this.calls.length = 0;
  }
}
