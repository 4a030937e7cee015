import { describe, expect, it } from 'vitest';
import { displayValue } from '../../../src/memory/displayValues';

const TZ = 'America/Santiago';

describe('displayValue', () => {
  it('shows numbers with their format and es-CL separators', () => {
    expect(displayValue(8, '000', TZ)).toBe('008');
    expect(displayValue(18.5, '0.00', TZ)).toBe('18,50');
    expect(displayValue(1234567.5, '#,##0.0', TZ)).toBe('1.234.567,5');
    expect(displayValue(0.25, '0%', TZ)).toBe('25%');
    expect(displayValue(4.5, '', TZ)).toBe('4,5');
    expect(displayValue(true, '', TZ)).toBe('VERDADERO');
  });

  it('shows dates in the sheet zone, from a Date or a serial with a date format', () => {
    expect(displayValue(46155.48180555556, 'dd-mm-yyyy hh:mm:ss', TZ)).toBe('13-05-2026 11:33:48');
    expect(displayValue(7, 'yyyy-mm-dd', TZ)).toBe('1900-01-06');
    expect(displayValue(new Date('2026-03-04T12:36:00Z'), '', TZ)).toBe('04-03-2026 09:36:00');
    expect(displayValue(new Date('2026-03-04T12:36:00Z'), 'd/m/yyyy h:mm', TZ)).toBe('4/3/2026 9:36');
  });

  it('shows text as it is, markup included', () => {
    expect(displayValue('<img src=x onerror=alert(1)>', '', TZ)).toBe('<img src=x onerror=alert(1)>');
    expect(displayValue('001', '@', TZ)).toBe('001');
  });
});
