/**
 * Renderer bundle: the JavaScript and CSS the first screen loads (index.html's script, styles and
 * module preloads), gzipped, from a fresh production build, next to the whole build (which
 * includes the lazily loaded chart) as the reference. Target: initial under 300 KB.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRenderer } from '../tests/harness/build-renderer';
import { dashboardBench } from './renderer-dashboard';

const TARGET_KB = 300;

async function gz(path: string): Promise<number> {
  return gzipSync(await readFile(path), { level: 9 }).length;
}

export default async function rendererBench(): Promise<void> {
  const dir = await buildRenderer();
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.?\/?([^"]+\.(?:js|css))"/g))
    if (m[1]) initial.add(m[1]);
  let initialBytes = 0;
  for (const f of initial) initialBytes += await gz(join(dir, f));
  let allBytes = 0;
  const assets = await readdir(join(dir, 'assets'));
  for (const f of assets.filter((a) => /\.(js|css)$/.test(a))) allBytes += await gz(join(dir, 'assets', f));
  const chart = assets.filter((a) => /^BurndownChart-.*\.js$/.test(a));
  let chartBytes = 0;
  for (const f of chart) chartBytes += await gz(join(dir, 'assets', f));

  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log('| measure | gzip KB | ratio to whole build |');
  console.log('|---|---:|---:|');
  console.log(
    `| initial JS+CSS (${initial.size} files) | ${kb(initialBytes)} | ${(initialBytes / allBytes).toFixed(2)} |`,
  );
  console.log(`| burndown chart chunk (lazy) | ${kb(chartBytes)} | ${(chartBytes / allBytes).toFixed(2)} |`);
  console.log(`| whole build (reference) | ${kb(allBytes)} | 1.00 |`);
  console.log(
    `\ninitial ${kb(initialBytes)} KB vs target ${TARGET_KB} KB: ${initialBytes / 1024 < TARGET_KB ? 'within' : 'OVER'} target`,
  );

  await dashboardBench();
}
