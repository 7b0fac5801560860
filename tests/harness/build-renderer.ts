/**
 * Builds the renderer with plain Vite (the same config electron-vite uses) for the harness, the
 * e2e tests and the benchmark. Each build goes to its own folder under .tmp/harness-renderer/ (never under out/, which `npm run dist` packs) and is
 * marked complete at the end, so a build never pulls files from under a harness that is serving
 * an earlier one (several test runs may share this working tree). out/renderer, the app's, is untouched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config';

const repo = resolve(import.meta.dirname, '../..');
export const HARNESS_BUILDS = join(repo, '.tmp/harness-renderer');
const SOURCES = ['renderer', 'electron/common', 'vite.renderer.config.ts', 'package-lock.json'];
const COMPLETE = '.complete';
/** Old builds are removed only when this old, so a long-running harness keeps its files. */
const PRUNE_AFTER_MS = 6 * 3_600_000;

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function completeBuilds(): { dir: string; at: number }[] {
  if (!existsSync(HARNESS_BUILDS)) return [];
  return readdirSync(HARNESS_BUILDS)
    .map((name) => join(HARNESS_BUILDS, name))
    .filter((dir) => existsSync(join(dir, COMPLETE)))
    .map((dir) => ({ dir, at: statSync(join(dir, COMPLETE)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
}

/** The newest complete build, or null. */
export function latestBuild(): string | null {
  return completeBuilds()[0]?.dir ?? null;
}

function isStale(build: { at: number }): boolean {
  return SOURCES.some((s) => existsSync(join(repo, s)) && newestMtime(join(repo, s)) > build.at);
}

export async function buildRenderer(): Promise<string> {
  const outDir = join(HARNESS_BUILDS, `${Date.now()}-${process.pid}`);
  await build({
    ...rendererConfig,
    configFile: false,
    logLevel: 'warn',
    build: { ...rendererConfig.build, outDir, emptyOutDir: true },
  });
  await writeFile(join(outDir, COMPLETE), '');
  for (const old of completeBuilds().slice(1)) {
    if (Date.now() - old.at > PRUNE_AFTER_MS) await rm(old.dir, { recursive: true, force: true });
  }
  return outDir;
}

/** The folder of an up-to-date build, building one if needed. */
export async function ensureRendererBuilt(): Promise<string> {
  const newest = completeBuilds()[0];
  if (newest && !isStale(newest)) return newest.dir;
  return buildRenderer();
}
