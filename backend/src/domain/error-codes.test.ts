import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { ERROR_CODES, ISSUE_RULES } from './error-codes.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// The types already refuse an AppError code outside the list; this also catches a code written
// straight into a response body (`{ error: { code: 'x' } }`), which no type sees.
const CODE_LITERALS = [
  /\bcode:\s*'([a-z]+(?:-[a-z]+)*)'/g,
  /\bnew [A-Z]\w*Error\(\s*'([a-z]+(?:-[a-z]+)*)'/g,
];
// zod's own issue code, as in `ctx.addIssue({ code: 'custom', … })`.
const NOT_OURS = new Set(['custom']);

describe('ERROR_CODES and ISSUE_RULES', () => {
  it('when the source is searched for error codes, then every one is in ERROR_CODES', () => {
    const found = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of CODE_LITERALS)
        for (const match of text.matchAll(pattern))
          if (!NOT_OURS.has(match[1] ?? '')) found.add(match[1] ?? '');
    }

    expect(found.size).toBeGreaterThan(10);
    expect([...found].filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual(
      [],
    );
  });

  it('when listed, then codes and rules are unique kebab-case names', () => {
    const kebab = /^[a-z]+(?:-[a-z]+)*$/;
    const rules = Object.keys(ISSUE_RULES);

    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const name of [...ERROR_CODES, ...rules]) expect(name).toMatch(kebab);
  });
});
