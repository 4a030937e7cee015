// Fault injection for the in-memory services: make the next call(s) of a named method fail like Apps Script.

/**
 * Calls a test wants to fail, by name (`cache.putAll`, `properties.setProperty`, `triggers.create`, …).
 * Shared by the fakes of one environment; each fake asks `check` before doing the call's work.
 */
export class Faults {
  private readonly planned = new Map<string, { message: string; times: number }>();

  /** The next `times` calls of `method` throw `message` (default: Apps Script's generic server error). */
  fail(method: string, message = 'Exception: Service error: unexpected error', times = 1): void {
    this.planned.set(method, { message, times });
  }

  /** Every call of `method` throws from now on, until `clear`. */
  failAlways(method: string, message?: string): void {
    this.fail(method, message, Number.POSITIVE_INFINITY);
  }

  clear(method?: string): void {
    if (method === undefined) this.planned.clear();
    else this.planned.delete(method);
  }

  /** Throws when a failure of `method` is planned (and counts it down). */
  check(method: string): void {
    const plan = this.planned.get(method);
    if (!plan) return;
    plan.times -= 1;
    if (plan.times <= 0) this.planned.delete(method);
    throw new Error(plan.message);
  }
}
