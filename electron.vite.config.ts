import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { dedupeMailLibrariesVite } from './scripts/dedupe-mail-libraries';
import { NOTICES_FILE } from './electron/common/third-party-notices';
import { thirdPartyNotices } from './scripts/third-party-notices';
import { makeRendererConfig } from './vite.renderer.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    // One copy of libmime and iconv-lite (imapflow and mailsplit would each bring their own).
    plugins: [dedupeMailLibrariesVite, thirdPartyNotices()],
    // Every dependency bundled: the packaged app ships out/** only, no node_modules (package.json
    // "build.files"), so no renderer or dev package can end up in app.asar.
    build: {
      outDir: 'out/main',
      externalizeDeps: false,
      // The entry lives with the other Electron adapters; it still builds to out/main/index.js
      // (package.json "main").
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/electron/index.ts') },
        // No comments but licence notices, and every non-ASCII character escaped: V8 reads a file
        // with any non-ASCII character as a two-byte string, slower to decode and to compile, and
        // every worker (the mail export's among them) compiles its chunk again when it starts.
        output: { comments: { legal: true, annotation: false, jsdoc: false }, charset: 'ascii' },
      },
    },
  },
  preload: {
    plugins: [thirdPartyNotices()],
    // A sandboxed preload cannot load ESM: one CommonJS file with every dependency bundled.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  // Shared with the harness and the renderer benchmark, which build the renderer alone. Built after
  // main and preload, it takes in their licence notices: the settings page lists them all.
  renderer: makeRendererConfig([
    resolve(root, 'out/main', NOTICES_FILE),
    resolve(root, 'out/preload', NOTICES_FILE),
  ]),
});
