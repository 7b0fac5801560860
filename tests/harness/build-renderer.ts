/**
 * Builds the renderer with plain Vite (the same config electron-vite uses) when out/renderer is
 * missing or older than any source it is built from.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererConfig, rendererOutDir } from '../../vite.renderer.config';

const repo = resolve(import.meta.dirname, '../..');
const SOURCES = ['renderer', 'electron/common', 'vite.renderer.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function rendererIsStale(): boolean {
  const index = join(rendererOutDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => existsSync(join(repo, s)) && newestMtime(join(repo, s)) > built);
}

export async function buildRenderer(): Promise<void> {
  await build({ ...rendererConfig, configFile: false, logLevel: 'warn' });
}

export async function ensureRendererBuilt(): Promise<boolean> {
  if (!rendererIsStale()) return false;
  await buildRenderer();
  return true;
}
