// Runs the benchmarks in bench/*.bench.mjs and prints one JSON line per figure:
//   {"bench": "<file>", "figure": "<name>", "value": <number>, "unit": "<unit>", "goal": <number|null>}
// Usage: npm run bench [-- <name> ...] [-- --quick]
//   <name>   run only bench/<name>.bench.mjs (several names allowed)
//   --quick  run each benchmark briefly (CI uses it to prove the benchmarks still run)
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.mjs$/, '')))
  .sort();
if (files.length === 0) {
  console.error(
    `bench: no benchmark named ${wanted.join(', ')}; have: ${readdirSync(here).join(', ')}`,
  );
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  try {
    for (const figure of await mod.run({ quick })) {
      console.log(JSON.stringify({ bench: file, ...figure }));
    }
  } catch (err) {
    failed = true;
    console.error(`bench ${file} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
