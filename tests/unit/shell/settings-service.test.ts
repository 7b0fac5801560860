import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../electron/common/contract';
import { createDispatcher } from '../../../electron/main/dispatch';
import { createSettingsService } from '../../../electron/main/services/settings-service';

// settings.ts imports electron-store, which reads Electron's default export when loaded.
vi.mock('electron', () => ({ default: {} }));
const { createSettings } = await import('../../../electron/main/electron/settings');

function setup() {
  const data = new Map<string, unknown>();
  const settings = createSettings({ get: (k) => data.get(k), set: (k, v) => void data.set(k, v) });
  const dispatch = createDispatcher(createSettingsService(settings).handlers as unknown as Handlers);
  return { settings, dispatch };
}

describe('settings:set-locale', () => {
  it('keeps the language the renderer shows, for notifications and the tray', async () => {
    const { settings, dispatch } = setup();
    await expect(dispatch('settings:set-locale', { locale: 'en' })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(settings.locale()).toBe('en');
    await dispatch('settings:set-locale', { locale: 'zh-CN' });
    expect(settings.locale()).toBe('zh-CN');
  });

  it('forgets the choice with null (follow the system again)', async () => {
    const { settings, dispatch } = setup();
    await dispatch('settings:set-locale', { locale: 'en' });
    await dispatch('settings:set-locale', { locale: null });
    expect(settings.locale()).toBeNull();
  });

  it('refuses a language the app does not have', async () => {
    const { settings, dispatch } = setup();
    for (const bad of [{ locale: 'fr' }, { locale: 'en', extra: 1 }, 'en', undefined]) {
      await expect(dispatch('settings:set-locale', bad)).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.invalid-arguments' },
      });
    }
    expect(settings.locale()).toBeNull();
  });
});
