/// <reference types="electron-vite/node" />
/**
 * App lifecycle only: one instance, the app:// scheme, the hardened session, the core with its
 * Electron adapters, IPC, the window, the tray that keeps reminders coming with the window closed,
 * and a clean quit that closes the core (and so the vault).
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import type { Locale } from '../../common/locale';
import { createElectronDesktop } from './desktop';
import { appMenuTemplate } from './app-menu';
import { PRINT_PARTITION } from './pdf';
import trayIconPath from './tray-icon';
import { createCore, type Core } from '../core';
import { registerIpc } from './ipc';
import { createSafeStorageKeyProvider } from './safe-storage';
import { APP_ORIGIN } from '../app-protocol';
import { installAppProtocol, registerAppScheme } from './protocol';
import { attachCloseToTray } from '../reminders/close-to-tray';
import { createElectronLoginItem, HIDDEN_ARG } from './login-item';
import { APP_USER_MODEL_ID, createElectronNotifier } from './notifier';
import { createElectronPowerEvents } from './power';
import { createReminderTray, type ReminderTray } from './tray';
import type { Notifier } from '../reminders/types';
import { createSettings } from './settings';
import { createMainWindow, guardWebContents, hardenSession } from './window';
// The mail archive's indexer: its own self-contained bundle beside index.js, run as a worker thread.
import archiveWorkerPath from '../archive/index-worker?modulePath';
// The mail export: likewise its own bundle, run as a worker thread (mail/export-runner.ts).
import exportWorkerPath from '../mail/export-worker?modulePath';

const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = join(import.meta.dirname, '../renderer');
// electron-vite dev serves the renderer with hot reload; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let tray: ReminderTray | null = null;
let disposeIpc: (() => void) | null = null;
let quitting = false;
let closed = false;

app.enableSandbox();
registerAppScheme(protocol);
const settings = createSettings();

/** The language chosen in the app if main was told, else the system's (as the renderer does). */
function uiLocale(): Locale {
  return settings.locale() ?? (app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

const systemNotifier = createElectronNotifier(Notification);
/** A click on a notification brings the window back before the renderer is told about it. */
const notifier: Notifier = {
  isSupported: () => systemNotifier.isSupported(),
  show: (n) =>
    systemNotifier.show({
      ...n,
      onClick: () => {
        showMainWindow();
        n.onClick();
      },
    }),
};

/** Our own menu in the UI language, in place of Electron's default with its DevTools entry. */
function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(uiLocale(), process.platform)));
}

/** The renderer reports its language: keep it, and speak it in the menu too. */
const localePreference = {
  locale: () => settings.locale(),
  setLocale: (locale: ReturnType<typeof settings.locale>) => {
    const changed = locale !== settings.locale();
    settings.setLocale(locale);
    if (changed && app.isReady()) installMenu();
  },
};

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    const win = createMainWindow({
      preloadPath,
      settings,
      devTools: !app.isPackaged,
      ...(devServerUrl === undefined ? {} : { url: devServerUrl }),
    });
    attachCloseToTray(win, {
      isQuitting: () => quitting,
      explained: { get: () => settings.trayNoticeShown(), set: () => settings.setTrayNoticeShown() },
      notifier,
      locale: uiLocale,
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createTray(): ReminderTray {
  const image = nativeImage.createFromPath(trayIconPath);
  return createReminderTray(
    { Tray, Menu },
    {
      // macOS menu bar icons are 16 pt; the 32 px image would be drawn twice as large.
      icon: process.platform === 'darwin' ? image.resize({ width: 16, height: 16 }) : image,
      locale: uiLocale,
      onOpen: showMainWindow,
      onQuit: () => app.quit(),
    },
  );
}

async function start(): Promise<void> {
  installMenu();
  installAppProtocol(protocol, rendererRoot);
  hardenSession(session.defaultSession, {
    allowDevtools: !app.isPackaged,
    ...(devServerUrl === undefined ? {} : { devServerOrigin: new URL(devServerUrl).origin }),
  });
  const loginItem = createElectronLoginItem(app);
  core = createCore({
    dataDir: app.getPath('userData'),
    appInfo: { name: 'Closeout', version: app.getVersion(), platform: process.platform, runtime: 'electron' },
    keyProvider: createSafeStorageKeyProvider(safeStorage),
    desktop: createElectronDesktop(
      { dialog, shell, BrowserWindow, printSession: () => session.fromPartition(PRINT_PARTITION) },
      () => mainWindow,
    ),
    notifier,
    powerEvents: createElectronPowerEvents(powerMonitor),
    ...(loginItem === undefined ? {} : { loginItem }),
    locale: uiLocale,
    preferences: localePreference,
    log: { warn: (message) => console.warn(`[ipc] ${message}`) },
    archiveWorkerPath,
    exportWorkerPath,
  });
  tray = createTray();
  core.onEvent((event, payload) => {
    if (event === 'reminders:changed') tray?.update(payload as Parameters<ReminderTray['update']>[0]);
  });
  await core.start();
  disposeIpc = registerIpc(core, {
    targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    trustedOrigins: devServerUrl === undefined ? [APP_ORIGIN] : [APP_ORIGIN, new URL(devServerUrl).origin],
  });
  // Started at login: stay in the tray until the user opens the window.
  if (!process.argv.includes(HIDDEN_ARG)) showMainWindow();
}

async function shutdown(): Promise<void> {
  disposeIpc?.();
  disposeIpc = null;
  const closing = core;
  core = null;
  await closing?.close();
  tray?.destroy();
  tray = null;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows shows no notification without it; it must equal package.json build.appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', () => {
    if (app.isReady() && core !== null) showMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('activate', () => {
    if (core !== null) showMainWindow();
  });
  // Closing the window hides it (close-to-tray); all windows are gone only when quitting.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  let shuttingDown: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    quitting = true;
    if (closed) return;
    // Close the core (which saves and closes the vault) before the process goes away.
    event.preventDefault();
    shuttingDown ??= shutdown()
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
