import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronDesktop, type DesktopModules } from '../../../electron/main/electron/desktop';

// The Electron modules are passed in, so these doubles stand for exactly the calls the adapter makes.
let dir: string;
const windows: FakePrintWindow[] = [];

class FakePrintWindow {
  loaded: string | null = null;
  destroyed = false;
  failPrint = false;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    windows.push(this);
  }
  loadURL = async (url: string): Promise<void> => {
    this.loaded = url;
  };
  webContents = {
    printToPDF: async (): Promise<Buffer> => {
      if (this.failPrint) throw new Error('print failed');
      return Buffer.from('%PDF-1.7 fake');
    },
  };
  destroy = (): void => {
    this.destroyed = true;
  };
}

function fakeSession() {
  const calls: Record<string, unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: unknown) => (calls.request = h),
    setPermissionCheckHandler: (h: unknown) => (calls.check = h),
    webRequest: { onBeforeRequest: (h: unknown) => (calls.beforeRequest = h) },
  };
  return { calls, session: session as unknown as Electron.Session };
}

function modules(overrides: Partial<Record<'open' | 'save', unknown>> = {}, openResult = '') {
  const { session, calls } = fakeSession();
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => overrides.open ?? { canceled: true, filePaths: [] }),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => overrides.save ?? { canceled: true, filePath: '' }),
  };
  const shell = { openPath: vi.fn(async (_path: string) => openResult) };
  const m = { dialog, shell, BrowserWindow: FakePrintWindow, printSession: () => session };
  return { m: m as unknown as DesktopModules, dialog, shell, calls };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'closeout-desktop-'));
  windows.length = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Electron desktop adapter', () => {
  it('returns the picked folder, parented to the window', async () => {
    const { m, dialog } = modules({ open: { canceled: false, filePaths: ['/home/u/备份'] } });
    const win = {} as Electron.BrowserWindow;
    const desktop = createElectronDesktop(m, () => win);
    await expect(desktop.chooseFolder({ title: 'Backup folder', defaultPath: '/home/u' })).resolves.toBe(
      '/home/u/备份',
    );
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, {
      title: 'Backup folder',
      defaultPath: '/home/u',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('returns null when the user cancels, and works without a window', async () => {
    const { m, dialog } = modules();
    await expect(createElectronDesktop(m, () => null).chooseFolder({ title: 'x' })).resolves.toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({
      title: 'x',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('turns the error string of shell.openPath into a thrown error', async () => {
    await expect(createElectronDesktop(modules().m, () => null).openPath('/tmp')).resolves.toBeUndefined();
    const failing = modules({}, 'Failed to open path').m;
    await expect(createElectronDesktop(failing, () => null).openPath('/nope')).rejects.toThrow(
      'Failed to open path',
    );
  });

  it('writes the file where the user chose and returns the path', async () => {
    const target = join(dir, '注销报告.pdf');
    const { m, dialog } = modules({ save: { canceled: false, filePath: target } });
    const data = new Uint8Array([37, 80, 68, 70]);
    await expect(
      createElectronDesktop(m, () => null).saveFile({ defaultName: 'r.pdf', kind: 'pdf' }, data),
    ).resolves.toBe(target);
    expect(new Uint8Array(await readFile(target))).toEqual(data);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: 'r.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
  });

  it('writes nothing when the save dialog is cancelled, and reports a failed write', async () => {
    await expect(
      createElectronDesktop(modules().m, () => null).saveFile(
        { defaultName: 'x.md', kind: 'markdown' },
        new Uint8Array(),
      ),
    ).resolves.toBeNull();
    const unwritable = modules({ save: { canceled: false, filePath: join(dir, 'missing', 'x.md') } }).m;
    await expect(
      createElectronDesktop(unwritable, () => null).saveFile(
        { defaultName: 'x.md', kind: 'markdown' },
        new Uint8Array(1),
      ),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('printing to PDF', () => {
  it('uses a hidden, script-less, sandboxed window on the locked print session', async () => {
    const { m } = modules();
    const pdf = await createElectronDesktop(m, () => null).printToPdf('<h1>注销报告</h1>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(windows).toHaveLength(1);
    const { options, loaded, destroyed } = windows[0]!;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(loaded).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(Buffer.from(loaded!.split(',')[1]!, 'base64').toString('utf8')).toBe('<h1>注销报告</h1>');
    expect(destroyed).toBe(true);
  });

  it('lets the print session load only the document itself', async () => {
    const { m, calls } = modules();
    await createElectronDesktop(m, () => null).printToPdf('<p>x</p>');
    const decide = (url: string, resourceType: string): boolean | undefined => {
      let cancel: boolean | undefined;
      (calls.beforeRequest as (d: object, cb: (r: { cancel?: boolean }) => void) => void)(
        { url, resourceType },
        (r) => (cancel = r.cancel),
      );
      return cancel;
    };
    expect(decide('data:text/html;charset=utf-8;base64,PHA+eDwvcD4=', 'mainFrame')).toBe(false);
    expect(decide('https://example.com/track.png', 'image')).toBe(true);
    expect(decide('file:///etc/passwd', 'subFrame')).toBe(true);
    expect(decide('data:text/html;base64,AAAA', 'subFrame')).toBe(true);
    const callback = vi.fn();
    (calls.request as (w: null, p: string, cb: (g: boolean) => void) => void)(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('destroys the window when printing fails', async () => {
    const { m } = modules();
    const desktop = createElectronDesktop(m, () => null);
    const printing = desktop.printToPdf('<p>x</p>');
    windows[0]!.failPrint = true;
    await expect(printing).rejects.toThrow('print failed');
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('refuses a document too large for a URL', async () => {
    const { m } = modules();
    await expect(
      createElectronDesktop(m, () => null).printToPdf('x'.repeat(2 * 1024 * 1024)),
    ).rejects.toThrow(/too large/);
    expect(windows).toHaveLength(0);
  });
});
