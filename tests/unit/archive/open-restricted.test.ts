/**
 * `archive:open` took any folder the page named: a compromised page could make main read and index
 * any Closeout-looking folder and write its cache there. Now main opens only a folder the person
 * chose in the system dialog (for the archive) or a plan's recorded backup folder, as
 * `mail:open-folder` does since issue 14. Driven through the real core; the screen's words for the
 * refusal are checked in tests/component/archive/archive-view.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopAdapter } from '../../../electron/main/adapters/types';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { writeCloseoutBackupFixture } from '../../support/mail-fixture';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

describe('archive:open', () => {
  it('opens a folder chosen in the dialog or recorded in a plan, and refuses any other path', async () => {
    const dir = tempDir();
    const work = tempDir();
    const chosen = await writeCloseoutBackupFixture(join(work, 'chosen'), { messages: 3, seed: 1 });
    const recorded = await writeCloseoutBackupFixture(join(work, 'recorded'), { messages: 3, seed: 2 });
    const named = await writeCloseoutBackupFixture(join(work, 'named'), { messages: 3, seed: 3 });
    let answer: string | null = null;
    const desktop: DesktopAdapter = {
      chooseFolder: async () => answer,
      openPath: async () => {},
      saveFile: async () => null,
      printToPdf: async () => new Uint8Array(),
    };
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
    try {
      await c.dispatch('vault:create', { mode: 'keychain' });
      await c.dispatch('plan:create', { address: 'li@163.com', planId: 'p1' });
      const refused = { ok: false, error: { code: 'archive.unknown-folder' } };

      // A real Closeout backup, but only named by the page; and system folders.
      for (const path of [named.root, '/etc', '/', `${chosen.root}/..`])
        expect(await c.dispatch('archive:open', { dir: path }), path).toMatchObject(refused);
      // Chosen in the dialog for another purpose is not enough.
      answer = chosen.root;
      expect(await c.dispatch('app:choose-folder', { purpose: 'maildir-scan' })).toMatchObject({ ok: true });
      expect(await c.dispatch('archive:open', { dir: chosen.root })).toMatchObject(refused);
      // Chosen in the dialog to open in the archive: opened (also written with a trailing slash).
      expect(await c.dispatch('app:choose-folder', { purpose: 'mail-archive' })).toEqual({
        ok: true,
        value: { path: chosen.root },
      });
      expect(await c.dispatch('archive:open', { dir: `${chosen.root}/` })).toMatchObject({
        ok: true,
        value: { address: 'closeout@163.com', state: 'indexing' },
      });
      // Another backup after that still needs its own reason.
      expect(await c.dispatch('archive:open', { dir: named.root })).toMatchObject(refused);
      // A plan's recorded backup folder: opened.
      expect(await c.dispatch('archive:open', { dir: recorded.root })).toMatchObject(refused);
      await c.dispatch('plan:apply', {
        type: 'backup.record-verification',
        planId: 'p1',
        kind: 'mail',
        verifiedAt: '2026-03-01T08:00:00.000Z',
        messages: 3,
        folders: 1,
        bytes: 1,
        location: recorded.root,
      });
      expect(await c.dispatch('archive:open', { dir: recorded.root })).toMatchObject({ ok: true });
      // Locked, no plan can be read: the recorded folder is refused again.
      await c.dispatch('vault:lock', undefined);
      expect(await c.dispatch('archive:open', { dir: recorded.root })).toMatchObject(refused);
    } finally {
      await c.close();
    }
  });
});
