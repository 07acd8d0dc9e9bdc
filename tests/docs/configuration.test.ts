// Every variable the orchestrator reads is documented once in .env.example and in the README's
// configuration table, and nothing documented is a variable that does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/repo.js';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const names = (text: string) =>
  new Set([...text.matchAll(/\bSPOTDESK_[A-Z0-9_]+\b/g)].map((m) => m[0]));

const envSource = read('backend/src/config/env.ts');
const parsed = names(envSource);

describe('configuration docs', () => {
  it('when the env schema is read, then it parses the variables the README promises', () => {
    expect(parsed.size).toBeGreaterThan(5);
  });

  it('when .env.example is read, then it documents exactly the parsed variables', () => {
    expect([...names(read('.env.example'))].sort()).toEqual([...parsed].sort());
  });

  it('when the README configuration table is read, then it lists exactly the parsed variables', () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Scripts'));
    const rows = new Set([...table.matchAll(/^\| `(SPOTDESK_[A-Z0-9_]+)`/gm)].map((m) => m[1]!));
    expect([...rows].sort()).toEqual([...parsed].sort());
  });

  it('when any file sets an environment variable of ours, then it starts with SPOTDESK_', () => {
    const env = read('.env.example');
    for (const line of env.split('\n').filter((l) => /^#?\s*[A-Z_]+=/.test(l))) {
      expect(line.replace(/^#\s*/, '')).toMatch(/^SPOTDESK_/);
    }
  });
});
