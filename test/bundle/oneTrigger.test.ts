import { describe, expect, it } from 'vitest';
import { triggerKey } from '../../src/app/jobTriggers';
import { buildDemoWorkbook, demoTag } from '../../src/memory/demoWorkbook';
import type { UserTriggersBehaviour } from '../../src/memory/fakeServices';
import { loadBundle } from '../support/bundle';

describe.each<UserTriggersBehaviour>(['lists', 'hides'])(
  'the one trigger through build/Code.js (getUserTriggers %s time-driven triggers)',
  (mode) => {
    it('the menu switch on twice leaves one trigger, off leaves none; the status says which', () => {
      const book = buildDemoWorkbook();
      const bundle = loadBundle(book);
      bundle.apps.scriptApp.userTriggers = mode;
      bundle.call('menuEnableMetricsTrigger');
      bundle.call('menuEnableMetricsTrigger');
      expect(bundle.apps.ui.alerts.at(-1)!.message).toBe('Activado: las métricas se recalculan cada hora.');
      const triggers = bundle.apps.scriptApp.timeDriven();
      expect(triggers.map((t) => [t.getHandlerFunction(), t.everyHours])).toEqual([['onMetricsTrigger', 1]]);
      // The record is this user's (triggers are each user's; document properties every user's).
      const key = triggerKey(book.idUncounted);
      expect(bundle.apps.propertiesService.document.getProperty(key)).toBeNull();
      expect(JSON.parse(bundle.apps.propertiesService.user.getProperty(key)!)).toEqual({
        id: triggers[0]!.getUniqueId(),
        kind: 'hourly',
        hourly: true,
      });
      bundle.call('menuShowJobStatus');
      expect(bundle.apps.ui.alerts.at(-1)!.message).toMatch(/\nRecálculo automático: activado\.$/);

      // The hourly trigger fires: the job finishes in one run and the trigger stays as it is.
      bundle.call('onMetricsTrigger', { triggerUid: triggers[0]!.getUniqueId() });
      expect(bundle.apps.scriptApp.timeDriven()).toEqual(triggers);

      bundle.call('menuDisableMetricsTrigger');
      expect(bundle.apps.ui.alerts.at(-1)!.message).toBe('Desactivado (1 disparador eliminado).');
      expect(bundle.apps.scriptApp.timeDriven()).toEqual([]);
      expect(bundle.apps.propertiesService.user.getProperty(key)).toBeNull();
      bundle.call('menuShowJobStatus');
      expect(bundle.apps.ui.alerts.at(-1)!.message).toMatch(/\nRecálculo automático: desactivado\.$/);
    });
  },
);

describe('saved work through build/Code.js', () => {
  it('a refused cache put: apiStartWork answers success with a warning, Ocupado_Por is written', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    bundle.apps.cacheService.faults.failAlways('cache.putAll', 'Exception: Argument too large: value');
    const answer = bundle.call<{ ocupadoPor: string; warnings: string[] }>('apiStartWork', {
      tagSpool: demoTag(1),
      operation: 'ARM',
      workerId: 93,
      requestId: 'bundle-truth-1',
    });
    expect(answer.ocupadoPor).toBe('MR(93)');
    expect(answer.warnings).toHaveLength(1);
    const [header, ...rows] = book.sheet('Operaciones').dump();
    const tag = header!.indexOf('TAG_SPOOL');
    const holder = header!.indexOf('Ocupado_Por');
    expect(rows.find((r) => r[tag] === demoTag(1))![holder]).toBe('MR(93)');
    expect(bundle.call<{ warnings: string[] }>('apiBootstrap').warnings).toHaveLength(1);
  });

  it('Recalcular métricas with a refused cache put says what was done, then the warning', () => {
    const book = buildDemoWorkbook();
    const bundle = loadBundle(book);
    bundle.apps.cacheService.faults.failAlways('cache.putAll', 'Exception: Argument too large: value');
    bundle.call('menuRecomputeMetrics');
    const alert = bundle.apps.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Recalcular métricas');
    // The run's own summary (the demo workbook's figures), then the warning: never an error.
    expect(alert.message).toMatch(/^9 spools revisados, \d+ actualizados[^\n]*\n\nAvisos:\n/);
    expect(
      alert.message.endsWith(
        '• No se pudo guardar la copia de las hojas en la caché (Exception: Argument too large: value); la planilla no se ve afectada.',
      ),
    ).toBe(true);
  });
});
