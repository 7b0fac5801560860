import type { DesktopAdapter } from '../../electron/main/adapters/types';

/**
 * The harness has no OS dialogs: the folder picker answers from HARNESS_PICK_FOLDER (tests set it),
 * and "open in the file manager" records the path instead of opening a window.
 */
export function createHarnessDesktop(): DesktopAdapter & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    chooseFolder: async () => process.env.HARNESS_PICK_FOLDER ?? null,
    openPath: async (path) => {
      opened.push(path);
    },
  };
}
