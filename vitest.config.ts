import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';

const commonDir = resolve(import.meta.dirname, 'electron/common');

// Two projects: Node-side code (unit + integration, real files, real Dovecot) and Vue components
// (happy-dom). Browser tests run under Playwright (tests/e2e), not here.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: { '@common': commonDir } },
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/component/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
