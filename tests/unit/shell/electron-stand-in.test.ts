/**
 * The stand-in Electron (tests/electron-stand-in/electron.mjs) is only worth having if it is strict:
 * the parts the app uses, named and default, and a loud failure for anything else. The built-app
 * integration test runs the real bundles against it; this one checks the stand-in itself.
 */
import { describe, expect, it } from 'vitest';

const PARTS = [
  'app',
  'BrowserWindow',
  'webContents',
  'session',
  'protocol',
  'ipcMain',
  'safeStorage',
  'Notification',
  'Tray',
  'Menu',
  'nativeImage',
  'powerMonitor',
  'dialog',
  'shell',
  'screen',
  'contextBridge',
  'ipcRenderer',
];

const load = () =>
  // @ts-expect-error plain ESM test double without types
  import('../../electron-stand-in/electron.mjs') as Promise<
    Record<string, unknown> & { default: Record<string, unknown> }
  >;

describe('stand-in electron module', () => {
  it('exports every part the app calls, both named and on the default export', async () => {
    const mod = await load();
    for (const part of PARTS) {
      expect(mod[part], part).toBeDefined();
      expect(mod.default[part], `default.${part}`).toBe(mod[part]);
    }
  });

  it('throws, naming the member, on anything it does not implement', async () => {
    const mod = await load();
    const app = mod['app'] as Record<string, unknown>;
    expect(() => app['dock']).toThrow(/app\.dock is not implemented/);
    expect(() => (mod['shell'] as Record<string, unknown>)['trashItem']).toThrow(
      /shell\.trashItem is not implemented/,
    );
    expect(() => mod.default['autoUpdater']).toThrow(/electron\.autoUpdater is not implemented/);
    // Promise checks and symbols are not "calls" and must not trip it.
    expect((app as { then?: unknown }).then).toBeUndefined();
  });

  it('keeps Electron ordering rules: no session or protocol handler before ready', async () => {
    const mod = await load();
    const session = mod['session'] as { defaultSession: unknown };
    const protocol = mod['protocol'] as { handle(s: string, h: unknown): void };
    const standIn = mod['standIn'] as { ready(): void; calls: { api: string; method: string }[] };
    if (!(mod['app'] as { isReady(): boolean }).isReady()) {
      expect(() => session.defaultSession).toThrow(/before the app is ready/);
      expect(() => protocol.handle('app', () => null)).toThrow(/before the app is ready/);
    }
    standIn.ready();
    expect(() =>
      (mod['protocol'] as { registerSchemesAsPrivileged(s: unknown[]): void }).registerSchemesAsPrivileged(
        [],
      ),
    ).toThrow(/before app is ready/);
  });

  it('fails a dialog that nobody answered instead of inventing a path', async () => {
    const mod = await load();
    const dialog = mod['dialog'] as { showSaveDialog(o: unknown): Promise<unknown> };
    await expect(dialog.showSaveDialog({})).rejects.toThrow(/no answer queued/);
  });
});
