import type { App } from 'electron';
import { createLinuxAutostart } from '../reminders/linux-autostart';
import type { LoginItem } from '../reminders/types';

/** Passed when started at login: start hidden in the tray. */
export const HIDDEN_ARG = '--hidden';

/**
 * Start at login: `app.setLoginItemSettings` on macOS and Windows, an XDG autostart file on Linux
 * (Electron offers nothing there). Returns undefined where neither applies.
 */
export function createElectronLoginItem(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'getName'>,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  execPath: string = process.execPath,
): LoginItem | undefined {
  if (platform === 'darwin' || platform === 'win32') {
    return {
      isEnabled: async () => app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin,
      async setEnabled(enabled) {
        app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
      },
    };
  }
  if (platform === 'linux') {
    return createLinuxAutostart({
      name: 'closeout',
      displayName: app.getName(),
      // An AppImage's execPath is inside a temporary mount; APPIMAGE is the file that stays.
      exec: env.APPIMAGE ?? execPath,
      args: [HIDDEN_ARG],
      env,
    });
  }
  return undefined;
}
