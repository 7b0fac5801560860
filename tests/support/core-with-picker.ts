/**
 * The real core (createCore) on a temporary data folder with a keychain vault, and a desktop whose
 * folder dialog answers what the test sets: for the tests of the channels that take a folder from
 * the page (tests/unit/security/folder-channels.test.ts, tests/unit/archive/*-restricted.test.ts).
 * `reopen()` is the next session: a new core on the same data folder, nothing chosen yet.
 */
import type { AppInfo, FolderPurpose } from '../../electron/common/contract/app';
import type { Result } from '../../electron/common/result';
import type { DesktopAdapter } from '../../electron/main/adapters/types';
import { createCore, type Core } from '../../electron/main/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileKeyProvider } from './doubles/file-key-provider';

export const testAppInfo: AppInfo = {
  name: 'Closeout',
  version: '0.0.0-test',
  platform: process.platform,
  runtime: 'harness',
};

export interface PickerCore {
  core: Core;
  dataDir: string;
  /** What main opened with the system file manager. */
  opened: string[];
  /** The person picks `dir` in main's folder dialog for `purpose` (null: cancels). */
  choose(purpose: FolderPurpose, dir: string | null): Promise<void>;
  /** This session ends; the next one starts on the same vault (keychain: unlocked at start). */
  reopen(): Promise<PickerCore>;
  close(): Promise<void>;
}

/** Cheap scrypt: these tests are not about the cost. */
const TEST_KDF = { logN: 10, r: 8, p: 1 };
const NOW = Date.parse('2026-03-01T08:00:00.000Z');

export async function startCoreWithPicker(
  options: { dataDir?: string; trustedCa?: string; create?: boolean } = {},
): Promise<PickerCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'closeout-picker-'));
  let answer: string | null = null;
  const opened: string[] = [];
  const desktop: DesktopAdapter = {
    chooseFolder: async () => answer,
    openPath: async (path) => {
      opened.push(path);
    },
    saveFile: async () => null,
    printToPdf: async () => new Uint8Array(),
  };
  const core = createCore({
    dataDir,
    appInfo: testAppInfo,
    // The stand-in keychain lives outside the vault folder, as the OS keychain does.
    keyProvider: createFileKeyProvider(join(`${dataDir}.keychain`, 'key')),
    clock: { now: () => NOW },
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
    desktop,
    ...(options.trustedCa ? { trustedCa: options.trustedCa } : {}),
  });
  await core.start();
  if (options.create !== false) {
    const created = await core.dispatch('vault:create', { mode: 'keychain' });
    if (!created.ok) throw new Error(created.error.message);
  }
  const self: PickerCore = {
    core,
    dataDir,
    opened,
    async choose(purpose, dir) {
      answer = dir;
      const r = (await core.dispatch('app:choose-folder', { purpose })) as Result<{ path: string | null }>;
      if (!r.ok || r.value.path !== dir) throw new Error(`the dialog did not answer ${dir}`);
    },
    async reopen() {
      await core.close();
      return startCoreWithPicker({ ...options, dataDir, create: false });
    },
    async close() {
      await core.close();
      for (const d of [dataDir, `${dataDir}.keychain`]) rmSync(d, { recursive: true, force: true });
    },
  };
  return self;
}
