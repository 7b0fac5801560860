import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// electron-store asks Electron's app for userData; point it at a temp folder. The store itself,
// and its JSON file, are real.
const userData = { dir: '' };
const ipcOn = vi.fn();
vi.mock('electron', () => {
  const app = { getPath: () => userData.dir, getVersion: () => '0.1.0' };
  const ipcMain = { on: ipcOn };
  return { default: { app, ipcMain }, app, ipcMain };
});

const { createPreferenceStore, createSettings } = await import('../../../electron/main/electron/settings');

beforeEach(async () => {
  userData.dir = await mkdtemp(join(tmpdir(), 'closeout-settings-'));
});

afterEach(async () => {
  await rm(userData.dir, { recursive: true, force: true });
});

describe('settings (electron-store)', () => {
  it('starts with defaults', () => {
    const settings = createSettings(createPreferenceStore());
    expect(settings.windowState()).toBeNull();
    expect(settings.locale()).toBeNull();
    expect(settings.trayNoticeShown()).toBe(false);
  });

  it('persists window bounds, locale and the tray notice in userData/preferences.json', async () => {
    const first = createSettings(createPreferenceStore());
    first.setWindowState({ x: -20, y: 40, width: 1200, height: 800, maximized: true });
    first.setLocale('en');
    first.setTrayNoticeShown();

    const onDisk = JSON.parse(await readFile(join(userData.dir, 'preferences.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(onDisk).toMatchObject({ locale: 'en', trayNoticeShown: true });

    const second = createSettings(createPreferenceStore());
    expect(second.windowState()).toEqual({ x: -20, y: 40, width: 1200, height: 800, maximized: true });
    expect(second.locale()).toBe('en');
    expect(second.trayNoticeShown()).toBe(true);
  });

  it('ignores values that do not validate (hand-edited file)', async () => {
    await writeFile(
      join(userData.dir, 'preferences.json'),
      JSON.stringify({ windowState: { width: 'wide', height: 10 }, locale: 'fr', trayNoticeShown: 'yes' }),
    );
    const settings = createSettings(createPreferenceStore());
    expect(settings.windowState()).toBeNull();
    expect(settings.locale()).toBeNull();
    expect(settings.trayNoticeShown()).toBe(false);
  });

  it('starts from defaults when the file is not JSON at all', async () => {
    await writeFile(join(userData.dir, 'preferences.json'), '{"windowState": {"wid');
    const settings = createSettings(createPreferenceStore());
    expect(settings.locale()).toBeNull();
    settings.setLocale('zh-CN');
    expect(createSettings(createPreferenceStore()).locale()).toBe('zh-CN');
  });

  it('refuses to write an invalid value', () => {
    const settings = createSettings(createPreferenceStore());
    expect(() => settings.setLocale('fr' as never)).toThrow();
    expect(() => settings.setWindowState({ width: 10, height: 10, maximized: false })).toThrow();
    expect(settings.locale()).toBeNull();
  });
});
