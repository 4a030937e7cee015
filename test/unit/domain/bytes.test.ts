import { describe, expect, it } from 'vitest';
import {
  CACHE_VALUE_MAX_BYTES,
  PROPERTY_MAX_BYTES,
  fitsCache,
  fitsProperty,
  utf8Length,
} from '../../../src/domain/bytes';

describe('UTF-8 bytes counted by hand (Apps Script has no TextEncoder)', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['ñ', 2],
    ['Muñoz Díaz', 12],
    ['€', 3],
    ['𝄞', 4],
    ['a\ud800b', 5],
  ])('%j is %i bytes, as Node encodes it', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    if (!/[\ud800-\udfff]/.test(text)) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('a cache value fits at 102,400 bytes and not one byte more, however few characters', () => {
    expect(fitsCache('é'.repeat(CACHE_VALUE_MAX_BYTES / 2))).toBe(true);
    expect(fitsCache(`${'é'.repeat(CACHE_VALUE_MAX_BYTES / 2)}a`)).toBe(false);
    expect(CACHE_VALUE_MAX_BYTES).toBe(102_400);
  });

  it('a property fits at 9,216 bytes, key included, and not one byte more', () => {
    expect(PROPERTY_MAX_BYTES).toBe(9_216);
    expect(fitsProperty('k', 'ñ'.repeat(4_607) + 'a')).toBe(true);
    expect(fitsProperty('k', 'ñ'.repeat(4_607) + 'ab')).toBe(false);
  });
});
