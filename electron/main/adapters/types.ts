/**
 * Desktop capabilities the core may be given (Electron in the app, Node or recording fakes in the
 * harness and tests). Electron-free, so core.ts and services can import these types.
 */
export interface FolderPickerOptions {
  title: string;
  defaultPath?: string;
}

export interface DesktopAdapter {
  /** Lets the user pick a folder; null when they cancel. */
  chooseFolder(options: FolderPickerOptions): Promise<string | null>;
  /** Opens a file or folder with the OS (file manager, default app); throws with the OS's reason. */
  openPath(path: string): Promise<void>;
}
