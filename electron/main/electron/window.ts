/**
 * The one window and the guards around it: locked-down webPreferences, navigation and new windows
 * denied, every permission denied, every request to anything but app:// cancelled.
 */
import {
  BrowserWindow,
  screen,
  type OnBeforeRequestListenerDetails,
  type Rectangle,
  type Session,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL, APP_ORIGIN } from '../app-protocol';
import type { Settings, WindowState } from './settings';
import { openSecureWindow } from './web-preferences';

export const DEFAULT_WINDOW_SIZE = { width: 1100, height: 760 } as const;
// Narrower, the plan screens' tables and the stepper no longer fit (an outside tester's 720 and
// 800 px screenshots: collapsed columns, "冷静/期").
const MIN_SIZE = { width: 960, height: 560 } as const;

export interface RequestPolicy {
  /** Allow DevTools' own `devtools:` requests (development builds only). */
  allowDevtools: boolean;
  /**
   * `electron-vite dev` only (never in a packaged app): the Vite dev server's origin, e.g.
   * `http://localhost:5173`; its http and websocket (hot reload) requests are allowed.
   */
  devServerOrigin?: string;
}

/**
 * Whether the renderer may load this URL. Only app:// content, and `data:` images and fonts (which
 * the CSP also allows, for Naive UI's inline icons); nothing remote, no file:, no websockets.
 */
export function isAllowedRequest(
  details: Pick<OnBeforeRequestListenerDetails, 'url' | 'resourceType'>,
  policy: RequestPolicy,
): boolean {
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return false;
  }
  const { protocol } = url;
  if (protocol === 'app:') return true;
  if (policy.devServerOrigin !== undefined && /^(https?|wss?):$/.test(protocol)) {
    const dev = new URL(policy.devServerOrigin);
    return url.host === dev.host && protocol.replace(/^ws/, 'http') === dev.protocol;
  }
  if (protocol === 'data:') return details.resourceType === 'image' || details.resourceType === 'font';
  if (protocol === 'devtools:') return policy.allowDevtools;
  return false;
}

/**
 * The one permission granted: writing plain text to the clipboard ("copy" buttons for the recovery
 * code and the message templates), and only to our own page. Reading the clipboard stays denied.
 */
export function isGrantedPermission(
  permission: string,
  origin: string | undefined,
  policy: RequestPolicy,
): boolean {
  if (permission !== 'clipboard-sanitized-write' || origin === undefined) return false;
  let asOrigin: string;
  try {
    asOrigin = new URL(origin).origin;
  } catch {
    return false;
  }
  // app:// is a non-special scheme for URL parsing: compare on the string form.
  if (origin === APP_ORIGIN || origin.startsWith(`${APP_ORIGIN}/`)) return true;
  return policy.devServerOrigin !== undefined && asOrigin === new URL(policy.devServerOrigin).origin;
}

/** Session-wide: every permission but clipboard writes denied, every request outside app:// cancelled. */
export function hardenSession(session: Session, policy: RequestPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isGrantedPermission(permission, details.requestingUrl, policy)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isGrantedPermission(permission, requestingOrigin, policy),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details, policy) });
  });
}

/** Per web contents (index.ts also applies it to any contents the app ever creates). */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Saved bounds are used only if the window would still be on a connected display. */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): Partial<Rectangle> & { width: number; height: number } {
  if (saved === null) return { ...DEFAULT_WINDOW_SIZE };
  const size = {
    width: Math.max(saved.width, MIN_SIZE.width),
    height: Math.max(saved.height, MIN_SIZE.height),
  };
  if (saved.x === undefined || saved.y === undefined) return size;
  const { x, y } = saved;
  // The title bar must be reachable: its top-left 100x40 px lies inside some display.
  const visible = workAreas.some(
    (a) => x + 100 > a.x && x < a.x + a.width && y >= a.y && y + 40 <= a.y + a.height,
  );
  return visible ? { ...size, x, y } : size;
}

export interface MainWindowOptions {
  preloadPath: string;
  settings: Pick<Settings, 'windowState' | 'setWindowState'>;
  url?: string;
  /** DevTools only in development (`!app.isPackaged`); a packaged app never opens them. */
  devTools?: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = options.settings.windowState();
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = openSecureWindow(
    BrowserWindow,
    { ...bounds, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height, show: false, title: 'Closeout' },
    { devTools: options.devTools === true, preload: options.preloadPath },
  );
  guardWebContents(win.webContents);

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(saveTimer);
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized();
    const b = maximized ? win.getNormalBounds() : win.getBounds();
    options.settings.setWindowState({ x: b.x, y: b.y, width: b.width, height: b.height, maximized });
  };
  const saveSoon = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', save);

  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(options.url ?? APP_ENTRY_URL);
  return win;
}
