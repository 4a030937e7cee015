// In-memory LockService: one document lock shared by every simulated execution; tryLock calls are counted.

import { CallCounter } from './callCounter';
import { Faults } from './faults';

export const LOCK_TARGET = '(lock)';

/** One document lock shared by every simulated execution; each Lock object is one execution's handle. */
export class FakeLockState {
  holder: FakeLock | null = null;
  /** Called when an execution would wait: lets a test run a competing execution in that moment. */
  onContention: (() => void) | null = null;
}

export class FakeLock {
  constructor(
    private readonly state: FakeLockState,
    private readonly calls = new CallCounter(),
    /** Failures a test plans: `lock.releaseLock` (LockService's "too many operations" is reported). */
    private readonly faults = new Faults(),
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    this.calls.record(LOCK_TARGET, 'tryLock');
    if (this.state.holder === null || this.state.holder === this) {
      this.state.holder = this;
      return true;
    }
    this.state.onContention?.();
    if (this.state.holder === null) {
      this.state.holder = this;
      return true;
    }
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    // The tryLock inside counts the call.
    if (!this.tryLock(timeoutInMillis))
      throw new Error('Exception: Lock timeout: another process was holding the lock.');
  }

  releaseLock(): void {
    // A release that fails leaves the lock held until the execution ends, as Apps Script's does.
    this.faults.check('lock.releaseLock');
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export class FakeLockService {
  readonly state = new FakeLockState();
  /** Where lock calls are counted (`tryLock` / `waitLock`: 60 ms each under the cost model). */
  constructor(
    readonly calls = new CallCounter(),
    readonly faults = new Faults(),
  ) {}
  getDocumentLock(): FakeLock {
    return new FakeLock(this.state, this.calls, this.faults);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.state, this.calls, this.faults);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.state, this.calls, this.faults);
  }
}
