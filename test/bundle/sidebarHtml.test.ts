import { parse } from 'acorn';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync('build/Sidebar.html', 'utf8');

function clientSources(dir = 'src/client'): Array<{ path: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? clientSources(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

describe('build/Sidebar.html as Apps Script serves it', () => {
  it('is one self-contained file under 150 KB: inline script and style, no external URL', () => {
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(150 * 1024);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toContain('/*INLINE_');
  });

  it('holds no template literal (the HTML service cuts text after // or /* inside them)', () => {
    expect(html).not.toContain('`');
  });

  it('its script is an ES2020 script that does not end the script element early', () => {
    const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
    expect(script.length).toBeGreaterThan(1000);
    expect(script).not.toMatch(/<\/script/i);
    expect(() => parse(script, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  it('the client never builds HTML from strings, and only serverClient.ts touches google.script.run', () => {
    const sources = clientSources();
    expect(
      sources.filter((s) => /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML/.test(s.text)),
    ).toEqual([]);
    // Code only: comments and string literals (messages naming google.script.run) are left out.
    const code = (text: string) => text.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
    expect(sources.filter((s) => /\bscript\??\.run\b/.test(code(s.text))).map((s) => s.path)).toEqual([
      join('src/client', 'serverClient.ts'),
    ]);
  });
});
