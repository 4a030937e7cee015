import { describe, expect, it } from 'vitest';
import {
  CallError,
  createServerClient,
  toCallError,
  type ScriptRunner,
  type Timers,
} from '../../../src/client/serverClient';

/** A hand-written google.script.run: records calls; the test answers them. */
class FakeRun {
  readonly calls: Array<{
    name: string;
    args: unknown[];
    succeed: (v: unknown) => void;
    fail: (e: unknown) => void;
  }> = [];

  runner(success?: (v: unknown) => void, failure?: (e: unknown) => void): ScriptRunner {
    const self = this;
    return new Proxy({} as ScriptRunner, {
      get(_target, name: string) {
        if (name === 'withSuccessHandler') return (h: (v: unknown) => void) => self.runner(h, failure);
        if (name === 'withFailureHandler') return (h: (e: unknown) => void) => self.runner(success, h);
        return (...args: unknown[]) =>
          self.calls.push({ name, args, succeed: (v) => success?.(v), fail: (e) => failure?.(e) });
      },
    });
  }
}

/** Timers the test fires by hand (no waiting in unit tests). */
class ManualTimers implements Timers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  set(callback: () => void, ms: number) {
    this.pending.set(this.next, { callback, ms });
    return this.next++;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  fireAll() {
    for (const [id, t] of [...this.pending]) {
      this.pending.delete(id);
      t.callback();
    }
  }
}

const setup = () => {
  const run = new FakeRun();
  const timers = new ManualTimers();
  const client = createServerClient(() => run.runner(), { timeoutMs: 30000, timers });
  return { run, timers, client };
};

describe('the google.script.run client', () => {
  it('sends the request to the named function and resolves with its answer', async () => {
    const { run, timers, client } = setup();
    const answer = client.call('apiListUnions', { ot: '002', operation: 'ARM' });
    expect(run.calls.map((c) => [c.name, c.args])).toEqual([
      ['apiListUnions', [{ ot: '002', operation: 'ARM' }]],
    ]);
    run.calls[0]!.succeed({ ot: '002' });
    await expect(answer).resolves.toEqual({ ot: '002' });
    expect(timers.pending.size).toBe(0);
  });

  it('calls a function without argument with none', async () => {
    const { run, client } = setup();
    const answer = client.call('apiBootstrap');
    expect(run.calls[0]!.args).toEqual([]);
    run.calls[0]!.succeed({ workers: [] });
    await answer;
  });

  it('a server failure keeps the code for the program and the Spanish text without it for the user', async () => {
    const { run, client } = setup();
    const answer = client.call('apiStartWork', {
      tagSpool: 'SP-1',
      operation: 'ARM',
      workerId: 93,
      requestId: 'abcdefgh',
    });
    run.calls[0]!.fail(
      new Error('CONFLICT: El spool SP-1 está ocupado por NR(94) desde 13-05-2026 10:32:00.'),
    );
    const error = (await answer.catch((e: unknown) => e)) as CallError;
    expect(error).toBeInstanceOf(CallError);
    expect([error.code, error.detail]).toEqual([
      'CONFLICT',
      'El spool SP-1 está ocupado por NR(94) desde 13-05-2026 10:32:00.',
    ]);
  });

  it('a call that never answers times out with code TIMEOUT and the seconds waited; a late answer is ignored', async () => {
    const { run, timers, client } = setup();
    const answer = client.call('apiJobStatus');
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([30000]);
    timers.fireAll();
    const error = (await answer.catch((e: unknown) => e)) as CallError;
    expect([error.code, error.detail]).toEqual(['TIMEOUT', '30']);
    expect(() => run.calls[0]!.succeed({ jobs: [] })).not.toThrow();
  });

  it('without google.script.run the call fails as UNAVAILABLE', async () => {
    const client = createServerClient(() => undefined, { timers: new ManualTimers() });
    await expect(client.call('apiBootstrap')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('reads any failure value without ever showing [object Object] or a stack', () => {
    expect(toCallError(new Error('VALIDATION: Solicitud inválida: ot: la OT es obligatoria.'))).toMatchObject(
      {
        code: 'VALIDATION',
        detail: 'Solicitud inválida: ot: la OT es obligatoria.',
      },
    );
    expect(toCallError({ foo: 1 })).toMatchObject({ code: 'UNKNOWN', detail: '' });
    expect(toCallError({ message: { nested: true } })).toMatchObject({ code: 'UNKNOWN', detail: '' });
    expect(toCallError('BUSY: Otra persona está registrando.')).toMatchObject({ code: 'BUSY' });
    expect(
      toCallError(new Error('Exception: Service invoked too many times\n    at x (Code:1:2)')),
    ).toMatchObject({
      code: 'UNKNOWN',
      detail: 'Exception: Service invoked too many times',
    });
    expect(toCallError(new Error('NOPE: not a server code')).code).toBe('UNKNOWN');
  });

  it('a failure of several signed-in Google accounts reaches the sidebar as ACCOUNTS, as string or Error', async () => {
    const fake = new FakeRun();
    const client = createServerClient(() => fake.runner(), { timers: new ManualTimers() });
    for (const raw of [
      'PERMISSION_DENIED',
      new Error("We're sorry, a server error occurred. Please wait a bit and try again."),
      { message: 'Authorization is required to perform that action.' },
    ]) {
      const call = client.call('apiBootstrap');
      fake.calls.at(-1)!.fail(raw);
      await expect(call).rejects.toMatchObject({ code: 'ACCOUNTS', detail: '' });
    }
    // A server error of ours keeps its code, whatever its text says.
    expect(toCallError(new Error('INTERNAL: PERMISSION_DENIED al guardar')).code).toBe('INTERNAL');
  });
});
