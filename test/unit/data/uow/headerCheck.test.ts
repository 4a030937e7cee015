import { describe, expect, it } from 'vitest';
import {
  StaleHeaderError,
  retryOnStaleHeader,
  sameHeader,
  trimmedWidth,
} from '../../../../src/data/uow/headerCheck';

describe('header check', () => {
  it('measures a header up to its last non-blank cell', () => {
    expect(trimmedWidth(['OT', '', 'ARM', '', ''])).toBe(3);
    expect(trimmedWidth(['', ''])).toBe(0);
  });

  it('takes trailing blanks and padding as the same header, a moved or inserted column as different', () => {
    expect(sameHeader(['OT', ' ARM ', ''], ['OT', 'ARM'])).toBe(true);
    expect(sameHeader(['ARM', 'OT'], ['OT', 'ARM'])).toBe(false);
    expect(sameHeader(['OT', 'Nueva', 'ARM'], ['OT', 'ARM'])).toBe(false);
  });

  it('runs the work once more after a stale header, and lets other errors through', () => {
    let runs = 0;
    expect(
      retryOnStaleHeader(() => {
        runs += 1;
        if (runs === 1) throw new StaleHeaderError('Uniones');
        return 'ok';
      }),
    ).toBe('ok');
    expect(runs).toBe(2);
    expect(() =>
      retryOnStaleHeader(() => {
        throw new StaleHeaderError('Uniones');
      }),
    ).toThrow(StaleHeaderError); // the second run's failure is not retried again
    expect(() =>
      retryOnStaleHeader(() => {
        throw new Error('otro');
      }),
    ).toThrow('otro');
  });
});
