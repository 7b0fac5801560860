/**
 * The renderer's Vite config, shared by electron.vite.config.ts (the app build) and by the harness
 * and the renderer benchmark, which build the renderer alone with plain Vite.
 */
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import type { Plugin, UserConfig } from 'vite';
import { CSP_DIRECTIVES } from './electron/common/csp';
import { thirdPartyNotices } from './scripts/third-party-notices';

const root = import.meta.dirname;
export const rendererRoot = resolve(root, 'renderer');
export const rendererOutDir = resolve(root, 'out/renderer');

/**
 * Writes the one CSP (electron/common/csp.ts) into index.html as a meta tag, so the page is locked
 * down wherever it is served. `frame-ancestors` is left out of the meta: browsers ignore it there
 * and log an error; the app:// header carries it.
 */
export function cspMetaPlugin(): Plugin {
  const content = Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => name !== 'frame-ancestors')
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
  return {
    name: 'closeout-csp-meta',
    // Only in builds: the dev server injects its own client script and HMR socket.
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The renderer's config. `noticesFrom`: the licence notice lists of the app's other builds
 * (scripts/third-party-notices.ts), which the renderer's list takes in; built alone (harness,
 * benchmark), it lists its own packages.
 */
export function makeRendererConfig(noticesFrom: string[] = []) {
  return {
    root: rendererRoot,
    base: './',
    plugins: [vue(), cspMetaPlugin(), thirdPartyNotices({ alsoFrom: noticesFrom })],
    // `@common/…` is electron/common, the code the renderer shares with main (tsconfig.base.json paths).
    resolve: { alias: { '@common': resolve(root, 'electron/common') } },
    build: {
      outDir: rendererOutDir,
      emptyOutDir: true,
      minify: true,
      // The chart (ECharts) is imported lazily and lands in its own chunk; the initial load stays small.
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { index: resolve(rendererRoot, 'index.html') } },
    },
  } satisfies UserConfig;
}

export const rendererConfig = makeRendererConfig();
