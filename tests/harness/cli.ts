/**
 * npm run harness -- --data-dir DIR [--port N] [--test-controls] [--keyring available|insecure|unavailable] [--no-build]
 * Prints `READY <url>` once it listens; SIGINT/SIGTERM close the vault cleanly.
 */
import { parseArgs } from 'node:util';
import type { KeyAvailability } from '../../electron/main/key-providers/key-provider';
import { startHarness } from './harness';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'test-controls': { type: 'boolean', default: false },
    keyring: { type: 'string', default: 'available' },
    'no-build': { type: 'boolean', default: false },
    'full-kdf': { type: 'boolean', default: false },
    'renderer-dir': { type: 'string' },
  },
});

const dataDir = values['data-dir'];
const keyring = values.keyring as KeyAvailability;
if (!dataDir || !['available', 'insecure', 'unavailable'].includes(keyring)) {
  console.error(
    'usage: npm run harness -- --data-dir DIR [--port N] [--test-controls] [--keyring available|insecure|unavailable] [--no-build]',
  );
  process.exit(2);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port}`);
  process.exit(2);
}

const harness = await startHarness({
  dataDir,
  port,
  testControls: values['test-controls'],
  keyring,
  build: !values['no-build'],
  fullKdf: values['full-kdf'],
  ...(values['renderer-dir'] ? { rendererDir: values['renderer-dir'] } : {}),
});
console.log(`READY ${harness.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    harness.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('close failed:', e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  });
}
