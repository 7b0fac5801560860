import { defineConfig } from 'vitest/config';

// The packaging smoke test runs on its own (npm run test:package): it needs the built app in out/
// and takes a while, so it stays out of the unit run.
export default defineConfig({
  test: {
    name: 'package',
    environment: 'node',
    include: ['tests/package/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
