import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../../src/data/settingsRepository';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { propertiesAdapter } from '../../../src/gas/services';
import { FakeProperties } from '../../../src/memory/fakeServices';
import { failure } from '../../support/failure';

describe('settings', () => {
  it('gives the defaults when nothing or garbage is stored, and merges what is valid', () => {
    const store = new FakeProperties();
    expect(loadSettings(propertiesAdapter(store))).toEqual(DEFAULT_SETTINGS);
    store.setProperty('settings', '{not json');
    expect(loadSettings(propertiesAdapter(store))).toEqual(DEFAULT_SETTINGS);
    store.setProperty('settings', JSON.stringify({ armOnlyTypes: ['FW', 'MIT', 'TH'] }));
    expect(loadSettings(propertiesAdapter(store)).armOnlyTypes).toEqual(['FW', 'MIT', 'TH']);
  });

  it('an invalid value takes its default and leaves every other setting as stored', () => {
    const store = new FakeProperties();
    store.setProperty(
      'settings',
      JSON.stringify({
        releaseRoles: ['Supervisor'],
        staleAfterHours: -3,
        summaryDays: 'treinta',
        batchSize: 10,
      }),
    );
    const settings = loadSettings(propertiesAdapter(store));
    expect(settings.releaseRoles).toEqual(['Supervisor']);
    expect(settings.batchSize).toBe(10);
    expect(settings.staleAfterHours).toBe(DEFAULT_SETTINGS.staleAfterHours);
    expect(settings.summaryDays).toBe(DEFAULT_SETTINGS.summaryDays);
    store.setProperty('settings', JSON.stringify(['not', 'an', 'object']));
    expect(loadSettings(propertiesAdapter(store))).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses to save an invalid setting', () => {
    const store = new FakeProperties();
    expect(failure(() => saveSettings(propertiesAdapter(store), { appendChunkSize: 0 })).message).toMatch(
      /^VALIDATION: Configuración inválida/,
    );
    expect(store.getProperty('settings')).toBeNull();
  });
});
