// In-memory LockService: one document lock shared by every simulated execution; tryLock calls are counted.

import { CallCounter } from './callCounter';

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
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export class FakeLockService {
  readonly state = new FakeLockState();
  /** Where lock calls are counted (`tryLock` / `waitLock`: 60 ms each under the cost model). */
  constructor(readonly calls = new CallCounter()) {}
  getDocumentLock(): FakeLock {
    return new FakeLock(this.state, this.calls);
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.state, this.calls);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.state, this.calls);
  }
}
