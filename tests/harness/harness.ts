/**
 * Starts the real core in Node with test adapters and serves the renderer to a browser. Used by
 * `npm run harness` and by the e2e fixture (through the CLI, so tests can SIGTERM/SIGKILL it).
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createCore, type CoreOptions } from '../../electron/main/core';
import { createFileKeyProvider } from '../support/doubles/file-key-provider';
import type { KeyAvailability } from '../../electron/main/key-providers/key-provider';
import { ensureRendererBuilt, latestBuild } from './build-renderer';
import { startHarnessServer, type TestControls } from './server';
import { createTestClock } from './test-clock';
import { createHarnessDesktop } from './desktop';
import { createManualPowerEvents, createRecordingNotifier } from '../support/doubles/recording-notifier';

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  testControls?: boolean;
  /** How the stand-in keychain presents itself: 'insecure' acts out Linux without a keyring. */
  keyring?: KeyAvailability;
  /** Skip the staleness check (the e2e global setup has built once already). */
  build?: boolean;
  /** Serve this build folder as is (the e2e global setup built it). */
  rendererDir?: string;
  /** The full scrypt cost; by default the harness uses a light one so tests stay quick. */
  fullKdf?: boolean;
}

export interface Harness {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const rendererDir =
    options.rendererDir ?? (options.build === false ? latestBuild() : await ensureRendererBuilt());
  if (!rendererDir) throw new Error('No renderer build found; run without --no-build once');

  const clock = createTestClock();
  // Notifications are recorded, not shown; moving the test clock acts out a resume so the scheduler
  // checks at once, as powerMonitor's resume does in the app.
  const notifier = createRecordingNotifier();
  const power = createManualPowerEvents();
  const controls: TestControls | undefined = options.testControls
    ? {
        clock,
        notifications: notifier.shown,
        afterClockChange: () => power.resume(),
        clickNotification: (id) => notifier.click(id),
      }
    : undefined;
  const coreOptions: CoreOptions = {
    dataDir,
    appInfo: {
      name: 'Closeout',
      version: process.env.npm_package_version ?? '0.0.0',
      platform: process.platform,
      runtime: 'harness',
    },
    clock,
    // The key file sits beside the vault, standing in for the OS keychain.
    keyProvider: createFileKeyProvider(join(dataDir, 'harness-keychain.key'), {
      availability: options.keyring ?? 'available',
    }),
    desktop: createHarnessDesktop(),
    notifier,
    powerEvents: power,
    ...(options.fullKdf ? {} : { vaultKdfCost: { logN: 14, r: 8, p: 1 } }),
    log: { warn: (m) => console.warn(`[core] ${m}`) },
  };
  const core = createCore(coreOptions);
  await core.start();

  const token = randomBytes(24).toString('base64url');
  const server = await startHarnessServer({ core, rendererDir, token, port: options.port ?? 0, controls });
  let closed: Promise<void> | null = null;
  return {
    url: server.url,
    token,
    close: () =>
      (closed ??= (async () => {
        await server.close();
        await core.close();
      })()),
  };
}
