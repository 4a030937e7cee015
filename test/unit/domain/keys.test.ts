import { describe, expect, it } from 'vitest';
import { canonicalKey, canonicalUnionKey, sameKey } from '../../../src/domain/keys';

describe('keys', () => {
  describe('canonicalKey', () => {
    it('drops the leading zeros of an all-digit key and trims', () => {
      expect(['008', '8', ' 8 ', '0008'].map(canonicalKey)).toEqual(['8', '8', '8', '8']);
      expect(canonicalKey('000')).toBe('0');
    });
    it('keeps any other key as typed, trimmed', () => {
      expect(canonicalKey(' MK-001 ')).toBe('MK-001');
      expect(sameKey('MK-001', 'MK-1')).toBe(false);
      expect(sameKey('008', '8')).toBe(true);
    });
  });

  describe('canonicalUnionKey', () => {
    it('makes "008+1", "8+1" and " 008+01 " one union', () => {
      expect(['008+1', '8+1', ' 008+01 '].map(canonicalUnionKey)).toEqual(['8+1', '8+1', '8+1']);
    });
    it('leaves text that is not a key as it is', () => {
      expect(canonicalUnionKey('abc')).toBe('abc');
      expect(canonicalUnionKey('+3')).toBe('+3');
    });
  });
});
