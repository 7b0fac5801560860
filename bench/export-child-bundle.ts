/**
 * The export child (tests/integration/mail/export-child.ts) and the export's worker thread
 * (electron/main/mail/export-worker.ts) bundled into ES modules with esbuild, the way electron-vite
 * bundles the app's main process and its workers, and started by plain `node`; the child runs the
 * export in the worker, as the app does.
 * Run through `node --import tsx` instead, every start also pays tsx's on-the-fly transform and
 * its module-loader thread (about half a second and some 50 MB of RSS here), which the app never
 * runs: the mail benches measure the exporter, not the test tooling. The same source runs either
 * way; the integration tests keep using tsx.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { dedupeMailLibrariesEsbuild } from '../scripts/dedupe-mail-libraries';

const root = join(import.meta.dirname, '..');

export interface BundledChild {
  /** Arguments for `node`: the bundle's path, then the child's JSON argument. */
  args(json: string): string[];
  dispose(): Promise<void>;
}

export async function bundleExportChild(): Promise<BundledChild> {
  const dir = await mkdtemp(join(tmpdir(), 'closeout-export-child-'));
  await build({
    // The child, and the worker thread it runs the export in, as the app does (export-runner.ts).
    entryPoints: {
      'export-child': join(root, 'tests/integration/mail/export-child.ts'),
      'export-worker': join(root, 'electron/main/mail/export-worker.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    // The child loads the exporter on its own thread only when it does not run it in the worker.
    splitting: true,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    // As the app's build (electron.vite.config.ts: licence comments only, ASCII only): esbuild keeps
    // other comments, non-ASCII ones among them, unless it drops whitespace.
    minifyWhitespace: true,
    // One copy of libmime and iconv-lite, as in the app's build (electron.vite.config.ts).
    plugins: [dedupeMailLibrariesEsbuild],
    // CommonJS dependencies (imapflow's) call require() for Node's built-in modules.
    banner: {
      js: "import { createRequire as __closeoutRequire } from 'node:module'; const require = __closeoutRequire(import.meta.url);",
    },
  });
  const workerPath = join(dir, 'export-worker.mjs');
  return {
    args: (json) => [
      join(dir, 'export-child.mjs'),
      JSON.stringify({ ...(JSON.parse(json) as object), worker: true, workerPath }),
    ],
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
