import { createRequire } from 'node:module';
import type { buildSync } from 'esbuild';
import { join } from 'node:path';

const childSource = join(import.meta.dirname, 'child.ts');

/**
 * The child is bundled once with esbuild (already installed as tsx's and vite's dependency), so
 * each of the thousand starts costs plain Node's start-up rather than tsx's transpiling loader.
 * Where esbuild cannot be found the child runs through tsx: slower, same code.
 */
function bundle(workDir: string): string[] {
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as { buildSync: typeof buildSync };
    const out = join(workDir, 'child.mjs');
    esbuild.buildSync({
      entryPoints: [childSource],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: out,
      logLevel: 'error',
    });
    return [out];
  } catch {
    return ['--import', 'tsx', childSource];
  }
}

let nodeArgs: string[] | null = null;

/** The command line for one child run, under `ulimit -f <limitKb>` when a limit is given. */
export function childCommand(
  workDir: string,
  argv: string[],
  limitKb?: number,
): { command: string; args: string[] } {
  nodeArgs ??= bundle(workDir);
  const node = [process.execPath, ...nodeArgs, ...argv];
  if (limitKb === undefined) return { command: process.execPath, args: node.slice(1) };
  // bash's `ulimit -f` counts 1024-byte blocks.
  return { command: 'bash', args: ['-c', `ulimit -f ${limitKb} && exec "$@"`, 'crash-child', ...node] };
}
