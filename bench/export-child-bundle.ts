/**
 * The export child (tests/integration/mail/export-child.ts) bundled into one ES module with
 * esbuild, the way electron-vite bundles the app's main process, and started by plain `node`.
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
  const outfile = join(dir, 'export-child.mjs');
  await build({
    entryPoints: [join(root, 'tests/integration/mail/export-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // One copy of libmime and iconv-lite, as in the app's build (electron.vite.config.ts).
    plugins: [dedupeMailLibrariesEsbuild],
    // CommonJS dependencies (imapflow's) call require() for Node's built-in modules.
    banner: {
      js: "import { createRequire as __closeoutRequire } from 'node:module'; const require = __closeoutRequire(import.meta.url);",
    },
  });
  return {
    args: (json) => [outfile, json],
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
