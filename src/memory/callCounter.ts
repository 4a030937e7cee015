// Counts service calls per sheet, the cost unit of Apps Script (design §6), and injects faults on demand.

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

export class CallCounter {
  private readonly perTarget = new Map<string, number>();
  private readonly faults: Array<Fault & { seen: number; failed: number }> = [];
  readonly log: string[] = [];
  keepLog = false;

  /** Counts one call; `detail` (e.g. "900x11" for a setValues) goes into the log when it is kept. */
  record(target: string, method: string, detail = ''): void {
    this.perTarget.set(target, (this.perTarget.get(target) ?? 0) + 1);
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

  reset(): void {
    this.perTarget.clear();
    this.log.length = 0;
  }
}
