// docs/setup.md's settings table must list every setting of the schema, with its default, and nothing else:
// a setting added without its row (or a default changed without the docs) fails here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../src/data/settingsRepository';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';

/** The rows of the first table under `## <heading>`, as arrays of trimmed cells (header and rule left out). */
function markdownTable(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`no section "## ${heading}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (!line.trim().startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

const code = (cell: string) => /^`([^`]*)`$/.exec(cell)?.[1];

describe('docs/setup.md, Settings', () => {
  const rows = markdownTable(readFileSync('docs/setup.md', 'utf8'), 'Settings');

  it('has one row per setting of the settings schema, and none for a setting that does not exist', () => {
    const documented = rows.map((row) => code(row[0]!));
    expect([...documented].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect(Object.keys(settingsSchema.shape).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it("gives each setting's default as the code has it, its unit and what it changes", () => {
    for (const row of rows) {
      const [name, defaultCell, unit, meaning] = row;
      const key = code(name!) as keyof typeof DEFAULT_SETTINGS;
      expect(row, key).toHaveLength(4);
      expect(JSON.parse(code(defaultCell!) ?? 'undefined'), key).toEqual(DEFAULT_SETTINGS[key]);
      expect(unit, key).toBeTruthy();
      expect(meaning, key).toBeTruthy();
    }
  });

  it('reads a table by its section (the parser can fail)', () => {
    const table = '## Settings\n\ntext\n\n| a | b |\n| - | - |\n| `x` | 1 |\n\n| other |\n## Next\n';
    expect(markdownTable(table, 'Settings')).toEqual([['`x`', '1']]);
    expect(() => markdownTable(table, 'Missing')).toThrow('no section');
  });
});
