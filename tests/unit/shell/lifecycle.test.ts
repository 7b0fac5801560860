import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: main/electron/index.ts is loaded against a recording double of the module and
// the real core, with userData in a temp folder.
const h = vi.hoisted(() => ({
  state: {} as Record<string, unknown>,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const s = h.state as {
    app: EventEmitter & Record<string, unknown>;
    windows: unknown[];
    trays: unknown[];
  };
  class FakeWindow extends Emitter {
    static getAllWindows = () => s.windows;
    options: unknown;
    webContents = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() });
    constructor(options: unknown) {
      super();
      this.options = options;
      s.windows.push(this);
    }
    loadURL = vi.fn(async () => {});
    isDestroyed = () => false;
    isMinimized = () => true;
    isMaximized = () => false;
    getBounds = () => ({ x: 0, y: 0, width: 1100, height: 760 });
    restore = vi.fn();
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
  }
  class FakeTray extends Emitter {
    constructor(readonly image: unknown) {
      super();
      s.trays.push(this);
    }
    setToolTip = vi.fn();
    setContextMenu = vi.fn();
    destroy = vi.fn();
  }
  class FakeNotification extends Emitter {
    static isSupported = () => true;
    show = vi.fn();
  }
  // Getters: the mock module is created once, each test installs fresh doubles in h.state.
  const electron = {
    get app() {
      return s.app;
    },
    BrowserWindow: FakeWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
    nativeImage: { createFromPath: (path: string) => ({ path, resize: () => ({ path, resized: true }) }) },
    powerMonitor: new Emitter(),
    get protocol() {
      return h.state.protocol;
    },
    session: {
      get defaultSession() {
        return h.state.session;
      },
      fromPartition: () => h.state.session,
    },
    get ipcMain() {
      return h.state.ipcMain;
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    safeStorage: {},
    dialog: {},
    shell: {},
  };
  return {
    get app() {
      return electron.app;
    },
    get protocol() {
      return electron.protocol;
    },
    get ipcMain() {
      return electron.ipcMain;
    },
    BrowserWindow: FakeWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: electron.Menu,
    nativeImage: electron.nativeImage,
    powerMonitor: electron.powerMonitor,
    session: electron.session,
    screen: electron.screen,
    safeStorage: electron.safeStorage,
    dialog: electron.dialog,
    shell: electron.shell,
    default: electron,
  };
});

// electron-vite resolves this `?asset` import at build time; here it is just a path.
vi.mock('../../../electron/main/electron/tray-icon', () => ({ default: '/app/out/main/chunks/tray.png' }));

let userData: string;
let ready: () => void;
let log: string[];

function setup(lockGranted: boolean) {
  log = [];
  const whenReady = new Promise<void>((resolve) => {
    ready = () => {
      log.push('ready');
      resolve();
    };
  });
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(() => log.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => lockGranted),
    quit: vi.fn(() => log.push('quit')),
    exit: vi.fn(),
    setAppUserModelId: vi.fn(),
    getPath: (name: string) => (name === 'userData' ? userData : `/nonexistent/${name}`),
    getVersion: () => '0.1.0',
    getLocale: () => 'zh-CN',
    getName: () => 'Closeout',
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: vi.fn(),
    isReady: () => log.includes('ready'),
    whenReady: () => whenReady,
  });
  Object.assign(h.state, {
    app,
    windows: [],
    trays: [],
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => log.push('registerSchemes')),
      handle: vi.fn((scheme: string) => log.push(`handle:${scheme}`)),
    },
    session: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    },
    ipcMain: { on: vi.fn(), handle: vi.fn(), removeHandler: vi.fn() },
  });
  return h.state as unknown as {
    app: typeof app;
    windows: (EventEmitter & {
      options: Electron.BrowserWindowConstructorOptions;
      focus: () => void;
      restore: () => void;
      hide: () => void;
    })[];
    trays: (EventEmitter & { image: unknown; destroy: () => void })[];
    protocol: { handle: ReturnType<typeof vi.fn> };
    ipcMain: { handle: ReturnType<typeof vi.fn>; removeHandler: ReturnType<typeof vi.fn> };
    session: {
      setPermissionRequestHandler: ReturnType<typeof vi.fn>;
      webRequest: { onBeforeRequest: ReturnType<typeof vi.fn> };
    };
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
}

beforeEach(async () => {
  vi.resetModules();
  userData = await mkdtemp(join(tmpdir(), 'closeout-lifecycle-'));
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('main/electron/index.ts lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    const e = setup(false);
    await import('../../../electron/main/electron/index');
    expect(e.app.quit).toHaveBeenCalled();
    ready();
    await settle();
    expect(e.windows).toHaveLength(0);
    expect(e.protocol.handle).not.toHaveBeenCalled();
  });

  it('registers the scheme before ready, then serves app://, hardens the session, wires IPC and opens one window', async () => {
    const e = setup(true);
    await import('../../../electron/main/electron/index');
    expect(log.slice(0, 2)).toEqual(['enableSandbox', 'registerSchemes']);
    ready();
    await settle();
    expect(log.indexOf('registerSchemes')).toBeLessThan(log.indexOf('ready'));
    expect(e.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(e.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(e.session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(e.ipcMain.handle).toHaveBeenCalledWith('app:info', expect.any(Function));
    expect(e.windows).toHaveLength(1);
    const prefs = e.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('focuses the existing window on a second launch instead of opening another', async () => {
    const e = setup(true);
    await import('../../../electron/main/electron/index');
    ready();
    await settle();
    e.app.emit('second-instance', {}, ['closeout'], '/');
    expect(e.windows).toHaveLength(1);
    expect(e.windows[0]!.restore).toHaveBeenCalled();
    expect(e.windows[0]!.focus).toHaveBeenCalled();
  });

  it('closes the core and the IPC handlers before quitting', async () => {
    const e = setup(true);
    await import('../../../electron/main/electron/index');
    ready();
    await settle();
    const first = { preventDefault: vi.fn() };
    e.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await settle();
    expect(e.ipcMain.removeHandler).toHaveBeenCalledWith('app:info');
    expect(e.app.quit).toHaveBeenCalledTimes(1);
    expect(e.trays[0]!.destroy).toHaveBeenCalled();
    // The quit that follows the clean close goes through, and the window really closes.
    const second = { preventDefault: vi.fn() };
    e.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    const close = { preventDefault: vi.fn() };
    e.windows[0]!.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it('hides the window to the tray when it is closed, and reopens it from the tray', async () => {
    const e = setup(true);
    await import('../../../electron/main/electron/index');
    ready();
    await settle();
    expect(e.trays).toHaveLength(1);
    const close = { preventDefault: vi.fn() };
    e.windows[0]!.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(e.windows[0]!.hide).toHaveBeenCalled();
    e.trays[0]!.emit('click');
    expect(e.windows).toHaveLength(1);
    expect(e.windows[0]!.focus).toHaveBeenCalled();
  });

  it('starts in the tray without a window when launched at login', async () => {
    const e = setup(true);
    process.argv.push('--hidden');
    try {
      await import('../../../electron/main/electron/index');
      ready();
      await settle();
    } finally {
      process.argv.splice(process.argv.indexOf('--hidden'), 1);
    }
    expect(e.trays).toHaveLength(1);
    expect(e.windows).toHaveLength(0);
    e.app.emit('second-instance', {}, ['closeout'], '/');
    expect(e.windows).toHaveLength(1);
  });

  it('uses the installer appId as the Windows AppUserModelId', async () => {
    const { APP_USER_MODEL_ID } = await import('../../../electron/main/electron/notifier');
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default;
    expect(pkg.build.appId).toBe(APP_USER_MODEL_ID);
  });
});
