import { describe, expect, it } from 'vitest';
import {
  CACHE_TOO_LARGE,
  FakeCacheService,
  FakeProperties,
  PROPERTY_STORE_FULL,
  PROPERTY_TOO_LARGE,
} from '../../../src/memory/fakeServices';

describe('the in-memory services refuse what Apps Script refuses, in UTF-8 bytes', () => {
  it('the cache holds a value of 102,400 bytes and refuses one of 102,401 (storing nothing of that put)', () => {
    const cache = new FakeCacheService(() => 0).getDocumentCache();
    cache.putAll({ at: 'é'.repeat(51_200) }, 60);
    expect(cache.getAll(['at']).at).toHaveLength(51_200);
    expect(() => cache.putAll({ small: 'x', over: `${'é'.repeat(51_200)}a` }, 60)).toThrow(CACHE_TOO_LARGE);
    expect(cache.keys()).toEqual(['at']);
  });

  it('a property of 9,216 bytes (key and value) is kept, one of 9,217 refused', () => {
    const store = new FakeProperties();
    store.setProperty('k', 'ñ'.repeat(4_607) + 'a');
    expect(() => store.setProperty('k', 'ñ'.repeat(4_607) + 'ab')).toThrow(PROPERTY_TOO_LARGE);
    expect(store.getProperty('k')).toHaveLength(4_608);
  });

  it('a store refuses the property that would take it over 500 KB; replacing a value counts the difference', () => {
    const store = new FakeProperties();
    // 55 properties of 9,216 bytes: 506,880 bytes, over 512,000 with the 56th.
    const value = (i: number) => 'x'.repeat(9_216 - `p${String(i).padStart(2, '0')}`.length);
    for (let i = 0; i < 55; i++) store.setProperty(`p${String(i).padStart(2, '0')}`, value(i));
    expect(store.storeBytes()).toBe(506_880);
    store.setProperty('last', 'y'.repeat(512_000 - 506_880 - 4));
    expect(store.storeBytes()).toBe(512_000);
    expect(() => store.setProperty('z', 'a')).toThrow(PROPERTY_STORE_FULL);
    store.setProperty('p00', 'short');
    store.setProperty('z', 'a');
    expect(store.getProperty('z')).toBe('a');
  });

  it('a planned fault fails the next call only', () => {
    const store = new FakeProperties();
    store.faults.fail('properties.setProperty', 'Exception: boom');
    expect(() => store.setProperty('a', '1')).toThrow('Exception: boom');
    store.setProperty('a', '2');
    expect(store.getProperty('a')).toBe('2');
  });
});
