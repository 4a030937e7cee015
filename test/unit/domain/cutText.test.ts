// Text shortened to fit a limit never keeps half of an emoji (a lone surrogate reads back as garbage).
import { describe, expect, it } from 'vitest';
import { cutText, utf8Length } from '../../../src/domain/bytes';
import { boundedJson } from '../../../src/domain/boundedJson';

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('cutText', () => {
  it('keeps at most `length` UTF-16 units and never ends on half of a surrogate pair', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('ab😀', 4)).toBe('ab😀');
    expect(cutText('añ€', 2)).toBe('añ');
    expect(cutText('abc', 10)).toBe('abc');
  });
});

describe('boundedJson over emoji text', () => {
  it.each([301, 333, 401, 1001])('a note of %i emoji shortened to fit 600 bytes keeps whole emoji', (n) => {
    const text = boundedJson({ note: '😀'.repeat(n), a: 'x' }, 600, utf8Length);
    expect(utf8Length(text)).toBeLessThanOrEqual(600);
    const parsed = JSON.parse(text) as { note: string; a: string };
    expect(parsed.a).toBe('x');
    expect(loneSurrogate.test(parsed.note)).toBe(false);
    expect(parsed.note).toMatch(/^(😀)+…$/u);
  });
});
