import { describe, expect, it } from 'vitest';
import type { DesktopAdapter, FolderPickerOptions } from '../../../electron/main/adapters/types';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

function coreWith(desktop: DesktopAdapter | undefined, locale?: 'zh-CN' | 'en') {
  const dir = tempDir();
  return createCore({
    dataDir: dir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dir)),
    clock: new FakeClock(),
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
    ...(locale ? { locale: () => locale } : {}),
    ...(desktop ? { desktop } : {}),
  });
}

describe('app:choose-folder', () => {
  it('asks the desktop for a folder with a title in the UI language and passes the answer back', async () => {
    const asked: FolderPickerOptions[] = [];
    const answers = ['/media/usb/backup', null];
    const desktop: DesktopAdapter = {
      chooseFolder: async (o) => (asked.push(o), answers.shift() ?? null),
      openPath: async () => {},
      saveFile: async () => null,
      printToPdf: async () => new Uint8Array(),
    };
    const core = coreWith(desktop, 'zh-CN');
    expect(
      await core.dispatch('app:choose-folder', { purpose: 'mail-backup', defaultPath: '/home/me' }),
    ).toEqual({
      ok: true,
      value: { path: '/media/usb/backup' },
    });
    expect(asked[0]).toEqual({ title: '选择保存邮件备份的文件夹', defaultPath: '/home/me' });
    expect(await core.dispatch('app:choose-folder', { purpose: 'maildir-scan' })).toEqual({
      ok: true,
      value: { path: null },
    });
    await core.close();
  });

  it('titles the dialog in the language the renderer reports when the app gives no rule of its own', async () => {
    const asked: FolderPickerOptions[] = [];
    const desktop: DesktopAdapter = {
      chooseFolder: async (o) => (asked.push(o), null),
      openPath: async () => {},
      saveFile: async () => null,
      printToPdf: async () => new Uint8Array(),
    };
    const core = coreWith(desktop);
    await core.dispatch('app:choose-folder', { purpose: 'mail-backup' });
    expect(await core.dispatch('settings:set-locale', { locale: 'en' })).toMatchObject({ ok: true });
    await core.dispatch('app:choose-folder', { purpose: 'mail-backup' });
    expect(asked.map((a) => a.title)).toEqual([
      '选择保存邮件备份的文件夹',
      'Choose a folder for the mail backup',
    ]);
    await core.close();
  });

  it('answers a translated error where there is no picker, and refuses bad arguments', async () => {
    const core = coreWith(undefined);
    expect(await core.dispatch('app:choose-folder', { purpose: 'mail-backup' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.unavailable' },
    });
    expect(await core.dispatch('app:choose-folder', { purpose: 'anything' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-arguments' },
    });
    await core.close();
  });
});
