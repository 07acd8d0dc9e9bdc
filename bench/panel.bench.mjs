// Size of what the panel's index.html makes the browser load first: its scripts, module preloads
// and stylesheets, gzipped at level 9 (lazy-loaded pages are not counted).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'frontend', 'dist');

export async function run() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
  for (const m of html.matchAll(
    /<link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g,
  )) {
    refs.add(m[1]);
  }
  for (const m of html.matchAll(
    /<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g,
  )) {
    refs.add(m[1]);
  }
  if (refs.size === 0) throw new Error('index.html references no script or stylesheet');
  let bytes = 0;
  for (const ref of refs) {
    bytes += gzipSync(readFileSync(join(dist, ref.replace(/^\//, ''))), { level: 9 }).length;
  }
  return [
    {
      figure: 'initial-js-css-gzip',
      value: Math.round((bytes / 1024) * 10) / 10,
      unit: 'KB',
      goal: 200,
    },
  ];
}
