/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or the ones named on the command line) in turn.
 * Each module's default export is an async function that measures against a reference taken in
 * the same run and prints its own ratio table. Timings are never asserted here or in tests.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
    await mod.default();
  } catch (e) {
    failed++;
    console.error(`${file} failed:`, e instanceof Error ? e.message : e);
  }
}
process.exitCode = failed ? 1 : 0;
