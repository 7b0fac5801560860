import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { DesktopAdapter } from './types';

/**
 * Electron's dialog and shell behind DesktopAdapter. The modules are passed in by index.ts so this
 * file holds no Electron import at run time and the tests need no mock of the whole module.
 */
export function createElectronDesktop(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  shell: Pick<Shell, 'openPath'>,
  parentWindow: () => BrowserWindow | null,
): DesktopAdapter {
  return {
    async chooseFolder({ title, defaultPath }) {
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
        ...(defaultPath === undefined ? {} : { defaultPath }),
      };
      const parent = parentWindow();
      const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async openPath(path) {
      // shell.openPath resolves to '' on success and to the OS's error text otherwise.
      const failure = await shell.openPath(path);
      if (failure !== '') throw new Error(failure);
    },
  };
}
