import { describe, expect, it } from 'vitest';
import { RequestLog } from '../../../src/data/requestLog';
import { loadSettings, saveSettings } from '../../../src/data/settingsRepository';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { propertiesAdapter } from '../../../src/gas/services';
import { FakeProperties } from '../../../src/memory/fakeServices';
import { failure } from '../../support/failure';

const DAY = 24 * 3600 * 1000;

describe('RequestLog', () => {
  it('finds a saved result and forgets it after a week', () => {
    const store = new FakeProperties();
    new RequestLog(propertiesAdapter(store)).save('req-1', { ok: 1 }, () => ({}), 0);
    expect(new RequestLog(propertiesAdapter(store)).find('req-1')).toEqual({ ok: 1 });
    new RequestLog(propertiesAdapter(store)).save('req-2', { ok: 2 }, () => ({}), 8 * DAY);
    expect(new RequestLog(propertiesAdapter(store)).find('req-1')).toBeNull();
    expect(new RequestLog(propertiesAdapter(store)).find('req-2')).toEqual({ ok: 2 });
  });

  it('stays within one property value, dropping the oldest, and keeps large results as their summary', () => {
    const store = new FakeProperties();
    const big = { keys: Array.from({ length: 600 }, (_, i) => `001+${i}`) };
    for (let i = 0; i < 600; i++) {
      new RequestLog(propertiesAdapter(store)).save(
        `req-${i}`,
        i === 599 ? big : { i },
        () => ({ keys: 600 }),
        i,
      );
    }
    expect(store.getProperty('requests')!.length).toBeLessThanOrEqual(8500);
    const log = new RequestLog(propertiesAdapter(store));
    expect(log.find('req-0')).toBeNull();
    expect(log.find('req-598')).toEqual({ i: 598 });
    expect(log.find('req-599')).toEqual({ keys: 600 });
  });
});

describe('settings', () => {
  it('gives the defaults when nothing or garbage is stored, and merges what is valid', () => {
    const store = new FakeProperties();
    expect(loadSettings(propertiesAdapter(store))).toEqual(DEFAULT_SETTINGS);
    store.setProperty('settings', '{not json');
    expect(loadSettings(propertiesAdapter(store))).toEqual(DEFAULT_SETTINGS);
    store.setProperty('settings', JSON.stringify({ armOnlyTypes: ['FW', 'MIT', 'TH'] }));
    expect(loadSettings(propertiesAdapter(store)).armOnlyTypes).toEqual(['FW', 'MIT', 'TH']);
  });

  it('refuses to save an invalid setting', () => {
    const store = new FakeProperties();
    expect(failure(() => saveSettings(propertiesAdapter(store), { appendChunkSize: 0 })).message).toMatch(
      /^VALIDATION: Configuración inválida/,
    );
    expect(store.getProperty('settings')).toBeNull();
  });
});
