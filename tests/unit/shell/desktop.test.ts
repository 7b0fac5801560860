import { describe, expect, it, vi } from 'vitest';
import { createElectronDesktop } from '../../../electron/main/adapters/desktop';

// dialog and shell are passed in, so these doubles stand for exactly the two Electron calls used.
function doubles(picked: Electron.OpenDialogReturnValue, openResult = '') {
  const dialog = { showOpenDialog: vi.fn(async (..._args: unknown[]) => picked) };
  const shell = { openPath: vi.fn(async (_path: string) => openResult) };
  return { dialog, shell };
}

describe('Electron desktop adapter', () => {
  it('returns the picked folder, parented to the window', async () => {
    const { dialog, shell } = doubles({ canceled: false, filePaths: ['/home/u/备份'] });
    const win = {} as Electron.BrowserWindow;
    const desktop = createElectronDesktop(dialog as never, shell, () => win);
    await expect(desktop.chooseFolder({ title: 'Backup folder', defaultPath: '/home/u' })).resolves.toBe('/home/u/备份');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Backup folder',
      defaultPath: '/home/u',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('returns null when the user cancels, and works without a window', async () => {
    const { dialog, shell } = doubles({ canceled: true, filePaths: [] });
    const desktop = createElectronDesktop(dialog as never, shell, () => null);
    await expect(desktop.chooseFolder({ title: 'x' })).resolves.toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ title: 'x', properties: ['openDirectory', 'createDirectory'] });
  });

  it('turns the error string of shell.openPath into a thrown error', async () => {
    const ok = doubles({ canceled: true, filePaths: [] });
    await expect(createElectronDesktop(ok.dialog as never, ok.shell, () => null).openPath('/tmp')).resolves.toBeUndefined();
    const failing = doubles({ canceled: true, filePaths: [] }, 'Failed to open path');
    await expect(
      createElectronDesktop(failing.dialog as never, failing.shell, () => null).openPath('/nope'),
    ).rejects.toThrow('Failed to open path');
  });
});
