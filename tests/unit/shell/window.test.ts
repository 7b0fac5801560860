import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A BrowserWindow double that records what the window was created with; Electron itself cannot run here.
const created: { options: Electron.BrowserWindowConstructorOptions; win: FakeWindow }[] = [];

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  loaded: string | null = null;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  maximized = false;
  constructor(options: Electron.BrowserWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 0,
      height: options.height ?? 0,
    };
    created.push({ options, win: this });
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed = (): boolean => false;
  isMinimized = (): boolean => false;
  isMaximized = (): boolean => this.maximized;
  getBounds = (): typeof this.bounds => this.bounds;
  getNormalBounds = (): typeof this.bounds => this.bounds;
  maximize = (): void => {
    this.maximized = true;
  };
  show = vi.fn();
}

vi.mock('electron', () => ({
  // electron-store (imported by settings.ts) reads its default export at import time.
  default: {},
  BrowserWindow: FakeWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

/** What every window of the app must have (electron/main/electron/web-preferences.ts). */
const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
} as const;
const { openSecureWindow } = await import('../../../electron/main/electron/web-preferences');
const { createMainWindow, guardWebContents, hardenSession, isAllowedRequest, restoreBounds } =
  await import('../../../electron/main/electron/window');
const { createSettings } = await import('../../../electron/main/electron/settings');

function memorySettings(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  return { data, settings: createSettings({ get: (k) => data.get(k), set: (k, v) => void data.set(k, v) }) };
}

beforeEach(() => {
  created.length = 0;
});

describe('openSecureWindow', () => {
  it('gives the print window the same preferences, with its session and no script', () => {
    const session = {} as Electron.Session;
    openSecureWindow(FakeWindow as never, { show: false }, { session, javascript: false });
    expect(created[0]!.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
      session,
      javascript: false,
    });
    expect(created[0]!.options.webPreferences!.preload).toBeUndefined();
  });
});

describe('createMainWindow', () => {
  it('creates the window with the locked-down webPreferences and our preload', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', settings: memorySettings().settings });
    expect(created).toHaveLength(1);
    const prefs = created[0]!.options.webPreferences!;
    expect(prefs).toEqual({
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('loads the app:// entry page and denies navigation and new windows', () => {
    createMainWindow({ preloadPath: '/p.cjs', settings: memorySettings().settings });
    const { win } = created[0]!;
    expect(win.loaded).toBe('app://closeout/index.html');
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      win.webContents.emit(name, event, 'https://example.com/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(win.webContents.openHandler?.({ url: 'app://closeout/index.html' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('restores saved bounds and saves them when the window closes', () => {
    const { data, settings } = memorySettings({
      windowState: { x: 100, y: 80, width: 1000, height: 700, maximized: false },
    });
    createMainWindow({ preloadPath: '/p.cjs', settings });
    const { options, win } = created[0]!;
    expect(options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    win.bounds = { x: 10, y: 20, width: 900, height: 650 };
    win.emit('close');
    expect(data.get('windowState')).toEqual({ x: 10, y: 20, width: 900, height: 650, maximized: false });
  });

  it('maximizes on show when it was maximized', () => {
    const { settings } = memorySettings({ windowState: { width: 1000, height: 700, maximized: true } });
    createMainWindow({ preloadPath: '/p.cjs', settings });
    const { win } = created[0]!;
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
    expect(win.show).toHaveBeenCalled();
  });
});

describe('guardWebContents', () => {
  it('guards any web contents it is given', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as Electron.WebContents);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-navigate', event, 'file:///etc/passwd');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});

describe('restoreBounds', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('uses the default size without saved state', () => {
    expect(restoreBounds(null, displays)).toEqual({ width: 1100, height: 760 });
  });
  it('drops a position on a display that is gone', () => {
    const saved = { x: 3000, y: 100, width: 1000, height: 600, maximized: false };
    expect(restoreBounds(saved, displays)).toEqual({ width: 1000, height: 600 });
  });
  it('keeps a visible position and enforces the minimum size', () => {
    const saved = { x: 50, y: 50, width: 300, height: 300, maximized: false };
    // 960 wide at least: narrower, the plan screens' tables and stepper no longer fit.
    expect(restoreBounds(saved, displays)).toEqual({ x: 50, y: 50, width: 960, height: 560 });
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const calls: Record<string, unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: unknown) => (calls.request = h),
      setPermissionCheckHandler: (h: unknown) => (calls.check = h),
      setDevicePermissionHandler: (h: unknown) => (calls.device = h),
      webRequest: { onBeforeRequest: (h: unknown) => (calls.beforeRequest = h) },
    };
    return { calls, session: session as unknown as Electron.Session };
  }

  it('denies every permission request and check but clipboard writes from our own page', () => {
    const { calls, session } = fakeSession();
    hardenSession(session, { allowDevtools: false });
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      (calls.request as (w: null, p: string, cb: (granted: boolean) => void, d: object) => void)(
        null,
        permission,
        callback,
        { requestingUrl },
      );
      return callback.mock.calls[0]?.[0] as boolean;
    };
    const check = (permission: string, origin: string) =>
      (calls.check as (w: null, p: string, o: string) => boolean)(null, permission, origin);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(request(permission, 'app://closeout/index.html')).toBe(false);
      expect(check(permission, 'app://closeout')).toBe(false);
    }
    expect(request('clipboard-sanitized-write', 'app://closeout/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://closeout')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://closeout.evil')).toBe(false);
    expect((calls.device as () => boolean)()).toBe(false);
  });

  it('cancels every request that is not app:// and lets app:// through', () => {
    const { calls, session } = fakeSession();
    hardenSession(session, { allowDevtools: false });
    const decide = (url: string, resourceType = 'xhr'): boolean | undefined => {
      let cancel: boolean | undefined;
      (calls.beforeRequest as (d: object, cb: (r: { cancel?: boolean }) => void) => void)(
        { url, resourceType },
        (r) => (cancel = r.cancel),
      );
      return cancel;
    };
    const blocked = [
      'https://mail.163.com/',
      'http://127.0.0.1:8080/',
      'http://localhost:5173/',
      'ws://127.0.0.1:1/',
      'wss://example.com/',
      'file:///etc/passwd',
      'ftp://example.com/x',
      'blob:app://closeout/1234',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'javascript:alert(1)',
      'not a url',
    ];
    for (const url of blocked) expect(decide(url), url).toBe(true);
    for (const type of ['mainFrame', 'script', 'stylesheet', 'xhr', 'image']) {
      expect(decide('app://closeout/assets/index.js', type)).toBe(false);
    }
    expect(decide('data:image/svg+xml,<svg/>', 'image')).toBe(false);
    expect(decide('data:text/html,<script>1</script>', 'subFrame')).toBe(true);
    expect(decide('data:text/javascript,1', 'script')).toBe(true);
  });

  it('allows devtools: and the dev server only when asked to (development)', () => {
    const dev = { allowDevtools: true, devServerOrigin: 'http://localhost:5173' };
    expect(isAllowedRequest({ url: 'devtools://devtools/x', resourceType: 'other' }, dev)).toBe(true);
    expect(isAllowedRequest({ url: 'http://localhost:5173/src/main.ts', resourceType: 'script' }, dev)).toBe(
      true,
    );
    expect(isAllowedRequest({ url: 'ws://localhost:5173/', resourceType: 'webSocket' }, dev)).toBe(true);
    expect(isAllowedRequest({ url: 'http://localhost:5174/', resourceType: 'script' }, dev)).toBe(false);
    expect(isAllowedRequest({ url: 'https://localhost:5173/', resourceType: 'script' }, dev)).toBe(false);
    expect(isAllowedRequest({ url: 'https://example.com/', resourceType: 'script' }, dev)).toBe(false);
  });
});
