// Spanish grammar helpers: "de el" contracts, and counts agree with their noun.
import { describe, expect, it } from 'vitest';
import { cuenta, de } from '../../../src/domain/spanish';

describe('spanish', () => {
  describe('de', () => {
    it('contracts "de el" to "del" and leaves "de la" alone', () => {
      expect(de('el registro de ARM')).toBe('del registro de ARM');
      expect(de('la OT 5')).toBe('de la OT 5');
    });
  });

  describe('cuenta', () => {
    it('says one in the singular and every other count in the plural', () => {
      expect(cuenta(1, 'spool revisado', 'spools revisados')).toBe('1 spool revisado');
      expect(cuenta(0, 'spool revisado', 'spools revisados')).toBe('0 spools revisados');
      expect(cuenta(2, 'actualizado', 'actualizados')).toBe('2 actualizados');
    });
  });
});
