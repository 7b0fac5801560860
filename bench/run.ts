/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or the ones named on the command line) in turn.
 * Each module's default export is an async function that measures against a reference taken in
 * the same run and prints its own ratio table. Timings are never asserted here or in tests.
 *
 * Each bench runs in a process of its own (this file again, with `--one <file>`), so none measures
 * in the heap another left behind. In one process, the renderer bench's Vite build left some
 * 300 MB of live heap (1.1 GB RSS), and every later bench allocated into it: the vault's 200 KB
 * open took 8.6 ms instead of 3.9 (the same happens with 560 MB of plain objects kept alive),
 * while the synchronous read-and-parse floor barely moved. The app's main process opens its vault
 * at start with a heap of a few tens of MB, which is what a fresh process measures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const args = process.argv.slice(2);

if (args[0] === '--one') {
  const file = args[1]!;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
  try {
    await mod.default();
  } catch (e) {
    console.error(`${file} failed:`, e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
} else {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => args.length === 0 || args.some((o) => f.includes(o)))
    .sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}\n`);
    const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', file], {
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      failed++;
      if (r.error || r.signal) console.error(`${file} failed: ${r.error?.message ?? r.signal}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
