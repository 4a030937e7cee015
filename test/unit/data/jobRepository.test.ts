import { describe, expect, it } from 'vitest';
import { FINISHED_JOBS_KEPT, JobRepository, type JobRecord } from '../../../src/data/jobRepository';
import { PROPERTY_MAX_BYTES, utf8Length } from '../../../src/domain/boundedJson';
import { propertiesAdapter } from '../../../src/gas/services';
import { FakeProperties } from '../../../src/memory/fakeServices';

const NOW = Date.UTC(2026, 10, 22, 13);
const BUDGET = 270_000;

/** A repository as one execution sees the document's properties (its own snapshot). */
const execution = (store: FakeProperties) => new JobRepository(propertiesAdapter(store));

function seed(repo: JobRepository, id: string, patch: Partial<JobRecord>, at = NOW) {
  repo.create({ id, kind: 'metrics', now: at, requestedBy: 'trigger' });
  return repo.update(id, () => patch, at);
}

describe('JobRepository', () => {
  it('active(), resumable() and byKind() return the right jobs', () => {
    const repo = execution(new FakeProperties());
    seed(repo, 'pending', {}, NOW - 1);
    seed(repo, 'running-alive', { status: 'RUNNING', heartbeat: NOW - 1_000, completedBatches: 3 }, NOW - 2);
    seed(
      repo,
      'running-dead',
      { status: 'RUNNING', heartbeat: NOW - BUDGET - 1, completedBatches: 2 },
      NOW - 3,
    );
    seed(repo, 'failed-with-progress', { status: 'FAILED', completedBatches: 1 }, NOW - 4);
    seed(repo, 'failed-at-start', { status: 'FAILED', completedBatches: 0 }, NOW - 5);
    seed(repo, 'done', { status: 'COMPLETED', completedBatches: 4, finishedAt: NOW }, NOW - 6);
    seed(repo, 'cancelled', { status: 'CANCELLED', completedBatches: 1, finishedAt: NOW }, NOW - 7);

    expect(repo.active().map((j) => j.id)).toEqual(['pending', 'running-alive', 'running-dead']);
    expect(repo.resumable(NOW, BUDGET).map((j) => j.id)).toEqual(['running-dead', 'failed-with-progress']);
    expect(repo.byKind('metrics')).toHaveLength(7);
    expect(repo.list()[0]!.id).toBe('pending');
    expect(repo.get('failed-with-progress')).toMatchObject({ status: 'FAILED', finishedAt: null });
    expect(repo.get('nope')).toBeNull();
  });

  it('progress updates from two executions do not overwrite each other', () => {
    const store = new FakeProperties();
    const first = execution(store);
    const second = execution(store);
    seed(first, 'job-1', { status: 'RUNNING' });
    // Both executions have read the job (their snapshots hold the same copy).
    expect(first.get('job-1')!.completedBatches).toBe(0);
    expect(second.get('job-1')!.completedBatches).toBe(0);
    first.update(
      'job-1',
      (j) => ({ completedBatches: j.completedBatches + 1, cursor: { index: 50, key: 'SP-050' } }),
      NOW + 1,
    );
    second.update(
      'job-1',
      (j) => ({ counters: { ...j.counters, written: j.counters.written + 7 } }),
      NOW + 2,
    );
    first.update('job-1', (j) => ({ completedBatches: j.completedBatches + 1 }), NOW + 3);
    expect(execution(store).get('job-1')).toMatchObject({
      completedBatches: 2,
      cursor: { index: 50, key: 'SP-050' },
      counters: { written: 7 },
      updatedAt: NOW + 3,
    });
  });

  it('a record stays within the 9 KB a property holds, however long its message', () => {
    const store = new FakeProperties();
    const repo = execution(store);
    seed(repo, 'long', { message: 'ÑANDÚ '.repeat(4_000), lastError: 'x'.repeat(20_000) });
    const text = store.getProperty('jobrun:long')!;
    expect(utf8Length('jobrun:long') + utf8Length(text)).toBeLessThanOrEqual(PROPERTY_MAX_BYTES);
    expect(repo.get('long')!.status).toBe('PENDING');
  });

  it('a record of exactly 9,216 bytes (key included) is kept whole; one byte more and its message is cut', () => {
    const store = new FakeProperties();
    const repo = execution(store);
    seed(repo, 'edge', { message: '' });
    const base = utf8Length('jobrun:edge') + utf8Length(store.getProperty('jobrun:edge')!);
    // Accented letters are 2 bytes: the same number of characters, far more bytes.
    const fill = (bytes: number) => `${'é'.repeat(Math.floor(bytes / 2))}${bytes % 2 === 1 ? 'a' : ''}`;
    const atLimit = fill(PROPERTY_MAX_BYTES - base);
    seed(repo, 'edge', { message: atLimit });
    expect(utf8Length('jobrun:edge') + utf8Length(store.getProperty('jobrun:edge')!)).toBe(
      PROPERTY_MAX_BYTES,
    );
    expect(repo.get('edge')!.message).toBe(atLimit);

    seed(repo, 'edge', { message: `${atLimit}a` });
    const kept = repo.get('edge')!;
    expect(kept.message).toBe(atLimit.slice(0, 1_000));
    expect(utf8Length('jobrun:edge') + utf8Length(store.getProperty('jobrun:edge')!)).toBeLessThan(
      PROPERTY_MAX_BYTES,
    );
  });

  it('keeps the newest finished jobs of a kind and deletes older ones', () => {
    const repo = execution(new FakeProperties());
    for (let i = 0; i < FINISHED_JOBS_KEPT + 5; i++) {
      seed(repo, `done-${String(i).padStart(2, '0')}`, { status: 'COMPLETED', finishedAt: NOW + i }, NOW + i);
    }
    seed(repo, 'pending', {}, NOW - 100);
    seed(repo, 'failed-resumable', { status: 'FAILED', completedBatches: 2 }, NOW - 101);
    seed(repo, 'failed-at-start', { status: 'FAILED', completedBatches: 0 }, NOW - 102);
    expect(repo.prune('metrics')).toBe(6);
    const left = repo.list().map((j) => j.id);
    expect(left).toHaveLength(FINISHED_JOBS_KEPT + 2);
    expect(left).toContain('pending');
    expect(left).toContain('failed-resumable');
    expect(left).not.toContain('failed-at-start');
    expect(left).not.toContain('done-00');
  });

  it('reads 1,000 job records and answers active() and resumable() from one read', () => {
    const store = new FakeProperties();
    const repo = execution(store);
    for (let i = 0; i < 1_000; i++) {
      const status = (['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const)[i % 5];
      seed(
        repo,
        `job-${i}`,
        { status, completedBatches: i % 3, heartbeat: NOW - (i % 2) * BUDGET * 2 },
        NOW + i,
      );
    }
    const jobs = execution(store).list();
    expect(jobs).toHaveLength(1_000);
    expect(repo.active(jobs)).toHaveLength(400);
    expect(repo.resumable(NOW, BUDGET, jobs).length).toBeGreaterThan(0);
  });
});
