// The metrics job's messages agree in number with what they count: "1 spool revisado, 1 actualizado".
import { describe, expect, it } from 'vitest';
import { metricsService, spoolsBook, withSettings } from '../../support/jobs';
import { environment } from '../../support/tracking';

describe('the metrics job message', () => {
  it('one spool, unbatched: singular nouns', () => {
    const status = metricsService(environment(spoolsBook(1)).ports()).run('menu');
    expect(status.state).toBe('done');
    expect(status.message).toBe('1 spool revisado, 1 actualizado.');
  });

  it('one spool, batched: singular nouns', () => {
    const env = environment(spoolsBook(1));
    const status = metricsService(withSettings(env.ports(), { batchProcessing: true, batchSize: 50 })).run(
      'menu',
    );
    expect(status.message).toBe('1 spool revisado, 1 actualizado.');
  });

  it('two spools: plural nouns', () => {
    const status = metricsService(environment(spoolsBook(2)).ports()).run('menu');
    expect(status.message).toBe('2 spools revisados, 2 actualizados.');
  });
});
