// Spanish grammar helpers: "de el" contracts, and counts agree with their noun.
import { describe, expect, it } from 'vitest';
import { cuenta, de, numero } from '../../../src/domain/spanish';

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

  describe('numero', () => {
    it('writes a number the Spanish way: decimal comma, thousands grouped with a point', () => {
      expect(numero(230.5)).toBe('230,5');
      expect(numero(0.75)).toBe('0,75');
      expect(numero(18)).toBe('18');
      expect(numero(1234.5)).toBe('1.234,5');
      expect(numero(31599)).toBe('31.599');
      expect(numero(10_000_000)).toBe('10.000.000');
      expect(numero(-4.25)).toBe('-4,25');
      expect(numero(0.1 + 0.2)).toBe('0,3');
      expect(numero(0.375)).toBe('0,375');
      expect(numero(-0.00001)).toBe('0');
    });
  });
});
