import { describe, expect, it } from 'vitest';
import { saveSettings } from '../../src/data/settingsRepository';
import { propertiesAdapter } from '../../src/gas/services';
import { buildDemoWorkbook } from '../../src/memory/demoWorkbook';
import { loadBundle } from '../support/bundle';

describe('jobs through build/Code.js', () => {
  it('batch path: apiRunJobStep finishes, toasts, apiJobStatus reports it, apiCancelJob with nothing running changes nothing', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    saveSettings(propertiesAdapter(bundle.apps.propertiesService.document), {
      batchProcessing: true,
      batchSize: 4,
    });
    const step = bundle.call<{
      state: string;
      completedBatches: number;
      totalBatches: number;
      message: string;
    }>('apiRunJobStep', { kind: 'metrics' });
    expect(step).toMatchObject({ state: 'done', completedBatches: 3, totalBatches: 3 });
    expect(book.toasts).toEqual([{ title: 'Recálculo de métricas', message: step.message }]);
    const { jobs } = bundle.call<{ jobs: Array<{ id: string; state: string }> }>('apiJobStatus');
    expect(jobs[0]!.state).toBe('done');
    expect(bundle.call<{ id: string; state: string }>('apiCancelJob', { kind: 'metrics' })).toMatchObject({
      id: jobs[0]!.id,
      state: 'done',
    });
    expect(() => bundle.call('apiCancelJob', { kind: 'otra' })).toThrow(/^VALIDATION: /);
  });

  it('the continuation trigger removes its own trigger, then runs a step; the menu shows progress and the automatic switch', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    bundle.apps.scriptApp.addTrigger('onJobContinuation', null, 60_000);
    bundle.call('onJobContinuation', { triggerUid: '1' });
    expect(bundle.apps.scriptApp.triggers).toEqual([]);
    bundle.call('menuEnableMetricsTrigger');
    bundle.call('menuShowJobStatus');
    expect(bundle.apps.ui.alerts.at(-1)!.message).toMatch(
      /^Recálculo de métricas: terminado \(9\/9 spools, lote 1\/1\)\. 9 spools revisados, 8 actualizados.*\nRecálculo automático: activado\.$/,
    );
  });
});
