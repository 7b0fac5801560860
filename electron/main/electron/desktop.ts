import { writeFile } from 'node:fs/promises';
import type { BrowserWindow, Dialog, SaveDialogOptions, Session, Shell } from 'electron';
import { printHtmlToPdf, type BrowserWindowConstructor } from './pdf';
import type { DesktopAdapter, SaveFileOptions } from '../adapters/types';

/** The Electron modules the adapter uses, passed in by index.ts (tests pass doubles). */
export interface DesktopModules {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  BrowserWindow: BrowserWindowConstructor;
  /** The session of the hidden print window (index.ts: session.fromPartition(PRINT_PARTITION)). */
  printSession: () => Session;
}

const SAVE_FILTERS: Record<SaveFileOptions['kind'], { name: string; extensions: string[] }[]> = {
  export: [{ name: 'Closeout export', extensions: ['closeout-export'] }],
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  // A mail attachment keeps its own extension; "all files" lets the dialog accept any name.
  attachment: [{ name: '*', extensions: ['*'] }],
  eml: [{ name: 'E-mail message', extensions: ['eml'] }],
};

/** Electron's dialog, shell and printing behind DesktopAdapter. */
export function createElectronDesktop(
  modules: DesktopModules,
  parentWindow: () => BrowserWindow | null,
): DesktopAdapter {
  const { dialog, shell } = modules;
  return {
    async chooseFolder({ title, defaultPath }) {
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
        ...(defaultPath === undefined ? {} : { defaultPath }),
      };
      const parent = parentWindow();
      const picked = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async openPath(path) {
      // shell.openPath resolves to '' on success and to the OS's error text otherwise.
      const failure = await shell.openPath(path);
      if (failure !== '') throw new Error(failure);
    },
    async saveFile({ defaultName, kind }, data) {
      const options: SaveDialogOptions = {
        defaultPath: defaultName,
        filters: SAVE_FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentWindow();
      const picked = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return null;
      await writeFile(picked.filePath, data);
      return picked.filePath;
    },
    printToPdf: (html) => printHtmlToPdf(modules.BrowserWindow, modules.printSession(), html),
  };
}
