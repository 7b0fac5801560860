import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

/**
 * Browser: Debian's /usr/bin/chromium where it exists (here and in CI), else Playwright's own
 * Chromium (run `npx playwright install chromium` once on such a machine).
 */
const systemChromium = '/usr/bin/chromium';
if (process.env.CI && !existsSync(systemChromium) && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
  // In CI nothing may skip quietly: say exactly what is missing.
  console.warn(`CI: ${systemChromium} not found; falling back to Playwright's Chromium (must be installed).`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Each worker drives a Chromium and its own harness (a Node process with the real core): more
  // workers than cores only makes every step slower and the 10 s expectations flaky. 2 on CI's 2 cores.
  workers: Math.max(1, Math.min(2, availableParallelism())),
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
