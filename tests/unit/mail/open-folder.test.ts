/**
 * `mail:open-folder` reached shell.openPath with any path the page named (`/usr/bin/xcalc`), and
 * openPath launches executables, `.app` bundles and `.desktop` files. Now only a folder a backup
 * of ours wrote (chosen in main's dialog for the mail backup, or recorded by main for the plan) that
 * still holds our backup state is opened. Driven through the real core with a desktop adapter that
 * records what it was asked.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCoreWithPicker } from '../../support/core-with-picker';
import { newState } from '../../../electron/main/mail/exporter';
import { writeBackupState } from '../../../electron/main/mail/backup-state';
import { backupPaths } from '../../../electron/main/mail/layout';
import { tempDir } from '../vault/helpers';

describe('mail:open-folder', () => {
  it('opens a known backup folder holding our backup, and nothing the page merely names', async () => {
    const picker = await startCoreWithPicker();
    const c = picker.core;
    const opened = picker.opened;
    await c.dispatch('plan:create', { address: 'li@163.com', planId: 'p1' });
    const openFolder = (targetDir: string) => c.dispatch('mail:open-folder', { planId: 'p1', targetDir });
    const refused = { ok: false, error: { code: 'mail.unknown-folder' } };

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
    for (const target of [executable, '/usr/bin/xcalc', app, elsewhere, `${app}/../Calculator.app`])
      expect(await openFolder(target), target).toMatchObject(refused);
    // The page cannot record a verified backup (only main's own check does), and nothing opens.
    expect(await record(app)).toMatchObject({ ok: false, error: { code: 'plan.verified-by-app' } });
    expect(await openFolder(app)).toMatchObject(refused);
    // Chosen in the dialog for the backup is not enough without our backup in it.
    await picker.choose('mail-backup', app);
    expect(await openFolder(app)).toMatchObject(refused);
    await picker.choose('mail-backup', executable);
    expect(await openFolder(executable)).toMatchObject(refused);
    expect(opened).toEqual([]);

    // A real backup folder: holding our backup but only named, or only in the plan: not opened.
    const backup = tempDir();
    await writeBackupState(
      backupPaths(backup).state,
      newState('li@163.com', 'imap.163.com', '2026-03-01T08:00:00.000Z'),
    );
    expect(await openFolder(backup)).toMatchObject(refused);
    expect(await record(backup)).toMatchObject({ ok: false, error: { code: 'plan.verified-by-app' } });
    expect(await openFolder(backup)).toMatchObject(refused);
    // Chosen for the mail backup: opened.
    await picker.choose('mail-backup', backup);
    expect(await openFolder(`${backup}/`)).toEqual({ ok: true, value: undefined });
    expect(opened).toEqual([backup]);
    await picker.close();
  });
});
