/**
 * `mail:open-folder` reached shell.openPath with any path the page named (`/usr/bin/xcalc`), and
 * openPath launches executables, `.app` bundles and `.desktop` files. Now only a folder a backup
 * of ours wrote (recorded in a plan, or started this session) that still holds our backup state
 * is opened. Driven through the real core with a desktop adapter that records what it was asked.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopAdapter } from '../../../electron/main/adapters/types';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { newState } from '../../../electron/main/mail/exporter';
import { writeBackupState } from '../../../electron/main/mail/backup-state';
import { backupPaths } from '../../../electron/main/mail/layout';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

function recordingDesktop(): DesktopAdapter & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    chooseFolder: async () => null,
    openPath: async (path) => {
      opened.push(path);
    },
    saveFile: async () => null,
    printToPdf: async () => new Uint8Array(),
  };
}

describe('mail:open-folder', () => {
  it('opens a recorded backup folder holding our backup, and nothing the page merely names', async () => {
    const dir = tempDir();
    const desktop = recordingDesktop();
    const c = createCore({
      dataDir: dir,
      appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
      keyProvider: createFileKeyProvider(keyFileFor(dir)),
      clock: new FakeClock(Date.parse('2026-03-01T08:00:00.000Z')),
      vaultKdfCost: TEST_KDF,
      autoLockTimer: false,
      desktop,
    });
    await c.start();
    await c.dispatch('vault:create', { mode: 'keychain' });
    await c.dispatch('plan:create', { address: 'li@163.com', planId: 'p1' });

    // An executable, a plain folder and a folder recorded in the plan but holding no backup.
    const elsewhere = tempDir();
    const executable = join(elsewhere, 'xcalc');
    writeFileSync(executable, '#!/bin/sh\necho launched\n');
    chmodSync(executable, 0o755);
    const app = join(elsewhere, 'Calculator.app');
    mkdirSync(app);
    const record = (location: string) =>
      c.dispatch('plan:apply', {
        type: 'backup.record-verification',
        planId: 'p1',
        kind: 'mail',
        verifiedAt: '2026-03-01T08:00:00.000Z',
        messages: 1,
        folders: 1,
        bytes: 1,
        location,
      });
    for (const target of [executable, '/usr/bin/xcalc', app, elsewhere, `${app}/../Calculator.app`]) {
      expect(await c.dispatch('mail:open-folder', { targetDir: target }), target).toMatchObject({
        ok: false,
        error: { code: 'mail.unknown-folder' },
      });
    }
    // Recorded in the plan (any page can send that command) is not enough without our backup in it.
    expect(await record(app)).toMatchObject({ ok: true });
    expect(await c.dispatch('mail:open-folder', { targetDir: app })).toMatchObject({
      ok: false,
      error: { code: 'mail.unknown-folder' },
    });
    expect(await record(executable)).toMatchObject({ ok: true });
    expect(await c.dispatch('mail:open-folder', { targetDir: executable })).toMatchObject({
      ok: false,
      error: { code: 'mail.unknown-folder' },
    });
    expect(desktop.opened).toEqual([]);

    // A real backup folder, recorded by a verification: opened.
    const backup = tempDir();
    await writeBackupState(
      backupPaths(backup).state,
      newState('li@163.com', 'imap.163.com', '2026-03-01T08:00:00.000Z'),
    );
    // Holding our backup but not recorded: still not opened.
    expect(await c.dispatch('mail:open-folder', { targetDir: backup })).toMatchObject({
      ok: false,
      error: { code: 'mail.unknown-folder' },
    });
    expect(await record(backup)).toMatchObject({ ok: true });
    expect(await c.dispatch('mail:open-folder', { targetDir: `${backup}/` })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(desktop.opened).toEqual([backup]);
    await c.close();
  });
});
