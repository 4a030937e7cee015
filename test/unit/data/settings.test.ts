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

  it('refuses to save an invalid setting', () => {
    const store = new FakeProperties();
    expect(failure(() => saveSettings(propertiesAdapter(store), { appendChunkSize: 0 })).message).toMatch(
      /^VALIDATION: Configuración inválida/,
    );
    expect(store.getProperty('settings')).toBeNull();
  });
});
