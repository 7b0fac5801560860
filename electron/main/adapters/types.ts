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
  /**
   * Asks where to save a file the user asked for (an export, a report) and writes it there; resolves
   * to the path, or null when they cancel. Throws with the OS's error when the write fails.
   */
  saveFile(options: SaveFileOptions, data: Uint8Array): Promise<string | null>;
  /** Prints a self-contained HTML document (no scripts, no remote resources) to PDF with Chromium. */
  printToPdf(html: string): Promise<Uint8Array>;
}

export interface SaveFileOptions {
  defaultName: string;
  /** Which file filter the dialog offers. */
  kind: 'export' | 'markdown' | 'pdf' | 'attachment' | 'eml';
}
