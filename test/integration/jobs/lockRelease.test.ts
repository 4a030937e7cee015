// A lock release that fails after a job step saved its work: the step's answer stands, with a warning.
import { describe, expect, it } from 'vitest';
import { metricsService, spoolsBook, withSettings } from '../../support/jobs';
import { environment, records } from '../../support/tracking';

const TOO_MANY = 'Exception: There are too many LockService operations against the same script.';

describe('a job step whose lock release is refused', () => {
  it.each([false, true])(
    'batchProcessing %s: done, the metrics written, the release a warning',
    (batched) => {
      const book = spoolsBook(3);
      const env = environment(book);
      const ports = withSettings(env.ports(), { batchProcessing: batched, batchSize: 50 });
      env.lockService.faults.fail('lock.releaseLock', TOO_MANY);
      const status = metricsService(ports).run('menu');
      expect(status.state).toBe('done');
      expect(status.message).toBe('3 spools revisados, 3 actualizados.');
      expect(
        status.warnings.some((w) =>
          w.startsWith(`No se pudo soltar el bloqueo de la planilla (${TOO_MANY})`),
        ),
      ).toBe(true);
      expect(records(book, 'Operaciones').map((r) => r.Total_Uniones)).toEqual([2, 2, 2]);
    },
  );
});
