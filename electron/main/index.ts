/**
 * App lifecycle only: one instance, the app:// scheme, the hardened session, the core with its
 * Electron adapters, IPC, the window, and a clean quit that closes the core (and so the vault).
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, protocol, safeStorage, session, shell } from 'electron';
import { createElectronDesktop } from './adapters/desktop';
import { PRINT_PARTITION } from './adapters/pdf';
import { createCore, type Core } from './core';
import { registerIpc } from './ipc';
import { createSafeStorageKeyProvider } from './key-providers/safe-storage';
import { APP_ORIGIN, installAppProtocol, registerAppScheme } from './protocol';
import { createSettings } from './settings';
import { createMainWindow, guardWebContents, hardenSession } from './window';

const APP_USER_MODEL_ID = 'net.closeout.app';
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = join(import.meta.dirname, '../renderer');
// electron-vite dev serves the renderer with hot reload; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let disposeIpc: (() => void) | null = null;
let closed = false;

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({
      preloadPath,
      settings,
      ...(devServerUrl === undefined ? {} : { url: devServerUrl }),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  installAppProtocol(protocol, rendererRoot);
  hardenSession(session.defaultSession, {
    allowDevtools: !app.isPackaged,
    ...(devServerUrl === undefined ? {} : { devServerOrigin: new URL(devServerUrl).origin }),
  });
  core = createCore({
    dataDir: app.getPath('userData'),
    appInfo: { name: 'Closeout', version: app.getVersion(), platform: process.platform, runtime: 'electron' },
    keyProvider: createSafeStorageKeyProvider(safeStorage),
    desktop: createElectronDesktop(
      { dialog, shell, BrowserWindow, printSession: () => session.fromPartition(PRINT_PARTITION) },
      () => mainWindow,
    ),
    log: { warn: (message) => console.warn(`[ipc] ${message}`) },
  });
  await core.start();
  disposeIpc = registerIpc(core, {
    targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    trustedOrigins: devServerUrl === undefined ? [APP_ORIGIN] : [APP_ORIGIN, new URL(devServerUrl).origin],
  });
  showMainWindow();
}

async function shutdown(): Promise<void> {
  disposeIpc?.();
  disposeIpc = null;
  const closing = core;
  core = null;
  await closing?.close();
}

app.enableSandbox();
registerAppScheme(protocol);
const settings = createSettings();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('activate', () => {
    if (core !== null) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    if (closed) return;
    // Close the core (which saves and closes the vault) before the process goes away.
    event.preventDefault();
    quitting ??= shutdown()
      .catch((e: unknown) => console.error(`[app] close failed: ${e instanceof Error ? e.name : typeof e}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error(`[app] start failed: ${e instanceof Error ? e.message : String(e)}`);
      app.exit(1);
    });
}
