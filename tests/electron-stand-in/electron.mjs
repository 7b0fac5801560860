/**
 * A stand-in for the `electron` module, for running the BUILT bundles (out/main/index.js,
 * out/preload/index.cjs) in plain Node where no Electron binary exists. register.mjs maps the
 * specifier `electron` here through a Node module hook, so the bundle links against this file exactly
 * as it links against Electron: same named and default exports.
 *
 * Each part records what the app asked of it (`standIn.calls`), and every part and instance is
 * strict: reading a member it does not implement throws, naming the member. A new Electron call in
 * the app therefore fails loudly here instead of passing quietly.
 *
 * Environment (set by the test that starts the process):
 *   STANDIN_USER_DATA   app.getPath('userData'); required
 *   STANDIN_LOCALE      app.getLocale() (default zh-CN)
 *   STANDIN_KEYRING     safeStorage backend name (default gnome_libsecret; basic_text acts out no keyring)
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Members every object answers without being "implemented": promise checks, inspection, coercion. */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
]);

/** Wraps `target` so that reading any member it lacks throws. */
function strict(name, target) {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop in obj || PASS_THROUGH.has(prop))
        return Reflect.get(obj, prop, receiver);
      throw new Error(`electron stand-in: ${name}.${prop} is not implemented`);
    },
  });
}

const calls = [];
function record(api, method, args = []) {
  calls.push({ api, method, args });
}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`electron stand-in: ${name} is not set`);
  return value;
}

// ---------------------------------------------------------------- app
let ready = false;
let readyResolve;
const readyPromise = new Promise((r) => (readyResolve = r));
let quitState = null;
let quitResolve;
const quitPromise = new Promise((r) => (quitResolve = r));

class App extends EventEmitter {
  isPackaged = false;
  commandLine = strict('app.commandLine', {
    appendSwitch: (...a) => record('app.commandLine', 'appendSwitch', a),
  });
  enableSandbox() {
    if (ready) throw new Error('app.enableSandbox() must be called before the app is ready');
    record('app', 'enableSandbox');
  }
  getPath(name) {
    const userData = requiredEnv('STANDIN_USER_DATA');
    const paths = {
      userData,
      appData: dirname(userData),
      temp: join(dirname(userData), 'tmp'),
      home: dirname(userData),
    };
    if (!(name in paths)) throw new Error(`electron stand-in: app.getPath('${name}') is not implemented`);
    return paths[name];
  }
  getVersion() {
    return process.env.npm_package_version ?? '0.1.0';
  }
  getName() {
    return 'Closeout';
  }
  getLocale() {
    return process.env.STANDIN_LOCALE ?? 'zh-CN';
  }
  isReady() {
    return ready;
  }
  whenReady() {
    return readyPromise;
  }
  requestSingleInstanceLock() {
    record('app', 'requestSingleInstanceLock');
    return true;
  }
  setAppUserModelId(id) {
    record('app', 'setAppUserModelId', [id]);
  }
  getLoginItemSettings(options) {
    record('app', 'getLoginItemSettings', [options]);
    return { openAtLogin: false };
  }
  setLoginItemSettings(settings) {
    record('app', 'setLoginItemSettings', [settings]);
  }
  /** As Electron: before-quit (cancellable), then will-quit (cancellable), then quit. */
  quit() {
    record('app', 'quit');
    const before = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    for (const win of [...windows]) win.destroy();
    this.emit('quit', {}, 0);
    quitState ??= { code: 0, how: 'quit' };
    quitResolve(quitState);
  }
  exit(code = 0) {
    record('app', 'exit', [code]);
    quitState ??= { code, how: 'exit' };
    quitResolve(quitState);
  }
}
const app = strict('app', new App());

// ---------------------------------------------------------------- session
class WebRequest {
  beforeRequest = null;
  onBeforeRequest(listener) {
    record('session.webRequest', 'onBeforeRequest');
    this.beforeRequest = listener;
  }
}
class Session extends EventEmitter {
  constructor(partition) {
    super();
    this.partition = partition;
    this.webRequest = strict('session.webRequest', new WebRequest());
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.devicePermissionHandler = null;
  }
  setPermissionRequestHandler(handler) {
    record('session', 'setPermissionRequestHandler', [this.partition]);
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    record('session', 'setPermissionCheckHandler', [this.partition]);
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler) {
    record('session', 'setDevicePermissionHandler', [this.partition]);
    this.devicePermissionHandler = handler;
  }
}
const sessions = new Map();
function sessionFor(partition) {
  if (!ready) throw new Error('session cannot be used before the app is ready');
  if (!sessions.has(partition))
    sessions.set(partition, strict(`session(${partition})`, new Session(partition)));
  return sessions.get(partition);
}
const session = strict('session', {
  get defaultSession() {
    return sessionFor('');
  },
  fromPartition(partition) {
    record('session', 'fromPartition', [partition]);
    return sessionFor(partition);
  },
});

// ---------------------------------------------------------------- protocol
const privilegedSchemes = [];
const protocolHandlers = new Map();
const protocol = strict('protocol', {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record('protocol', 'registerSchemesAsPrivileged', [schemes]);
    privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle cannot be used before the app is ready');
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    record('protocol', 'handle', [scheme]);
    protocolHandlers.set(scheme, handler);
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme);
  },
});

/** What a page load through the protocol returned (the window's loadURL goes through here). */
async function fetchThroughProtocol(url) {
  const scheme = new URL(url).protocol.replace(/:$/, '');
  const handler = protocolHandlers.get(scheme);
  if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME: ${url}`);
  return handler(new Request(url));
}

// ---------------------------------------------------------------- webContents, BrowserWindow
let nextId = 1;
const allContents = new Set();
class WebContents extends EventEmitter {
  constructor(options) {
    super();
    this.id = nextId++;
    this.options = options;
    this.url = '';
    this.destroyed = false;
    this.sent = [];
    this.windowOpenHandler = null;
    this.mainFrame = { url: '', processId: 1000 + this.id, routingId: 1, parent: null };
    allContents.add(this);
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel, payload) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  setWindowOpenHandler(handler) {
    record('webContents', 'setWindowOpenHandler', [this.id]);
    this.windowOpenHandler = handler;
  }
  async printToPDF(options) {
    record('webContents', 'printToPDF', [options]);
    if (!this.url.startsWith('data:text/html')) throw new Error('printToPDF: nothing loaded');
    const html = Buffer.from(this.url.slice(this.url.indexOf('base64,') + 7), 'base64').toString('utf8');
    // A stand-in PDF: a real PDF header and the page's text, enough for the app to save a file.
    return Buffer.from(
      `%PDF-1.4\n% Closeout stand-in printToPDF\n${html.replace(/<[^>]*>/g, ' ')}\n%%EOF\n`,
      'utf8',
    );
  }
  destroy() {
    this.destroyed = true;
    allContents.delete(this);
  }
}
const webContents = strict('webContents', {
  getAllWebContents: () => [...allContents],
  fromId: (id) => [...allContents].find((c) => c.id === id),
});

const windows = new Set();
class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    record('BrowserWindow', 'new', [options]);
    this.options = options;
    this.visible = false;
    this.destroyed = false;
    this.minimized = false;
    this.maximized = false;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.webContents = strict('webContents', new WebContents(options.webPreferences ?? {}));
    this.loads = [];
    const self = strict('BrowserWindow', this);
    windows.add(self);
    app.emit('web-contents-created', {}, this.webContents);
    return self;
  }
  static getAllWindows() {
    return [...windows];
  }
  async loadURL(url) {
    record('BrowserWindow', 'loadURL', [url]);
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    let status = 200;
    if (!url.startsWith('data:')) {
      const response = await fetchThroughProtocol(url);
      status = response.status;
      this.loads.push({
        url,
        status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      });
    }
    if (status >= 400) throw new Error(`ERR_FAILED (${status}) loading '${url}'`);
    this.webContents.emit('did-finish-load');
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    record('BrowserWindow', 'show');
    this.visible = true;
    this.emit('show');
  }
  hide() {
    record('BrowserWindow', 'hide');
    this.visible = false;
  }
  focus() {}
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getBounds() {
    return { ...this.bounds };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** As the user's close button: cancellable 'close', then 'closed'. */
  close() {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    windows.delete(this);
    this.emit('closed');
  }
}

// ---------------------------------------------------------------- ipcMain
const ipcHandlers = new Map();
const ipcMain = strict(
  'ipcMain',
  Object.assign(new EventEmitter(), {
    handle(channel, handler) {
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler(channel) {
      ipcHandlers.delete(channel);
    },
  }),
);

// ---------------------------------------------------------------- safeStorage
function keychainKey() {
  const file = join(dirname(requiredEnv('STANDIN_USER_DATA')), 'stand-in-keychain.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32), { mode: 0o600 });
  }
  return readFileSync(file);
}
const safeStorage = strict('safeStorage', {
  async isAsyncEncryptionAvailable() {
    return true;
  },
  getSelectedStorageBackend() {
    return process.env.STANDIN_KEYRING ?? 'gnome_libsecret';
  },
  async encryptStringAsync(plain) {
    record('safeStorage', 'encryptStringAsync');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keychainKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  async decryptStringAsync(blob) {
    record('safeStorage', 'decryptStringAsync');
    const buf = Buffer.from(blob);
    const decipher = createDecipheriv('aes-256-gcm', keychainKey(), buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    const result = Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    return { result, shouldReEncrypt: false };
  },
});

// ---------------------------------------------------------------- Notification, Tray, Menu, nativeImage
const notifications = [];
class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.title = options.title;
    this.body = options.body;
    return strict('Notification', this);
  }
  show() {
    record('Notification', 'show', [{ title: this.title, body: this.body }]);
    notifications.push(this);
  }
  close() {
    this.emit('close');
  }
}

const trays = [];
class Tray extends EventEmitter {
  constructor(image) {
    super();
    record('Tray', 'new', [typeof image === 'string' ? image : { empty: image.isEmpty() }]);
    this.image = image;
    this.toolTip = '';
    this.menu = null;
    this.destroyed = false;
    trays.push(this);
    return strict('Tray', this);
  }
  setToolTip(text) {
    this.toolTip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    record('Tray', 'destroy');
    this.destroyed = true;
  }
}

let applicationMenu = undefined;
const Menu = strict('Menu', {
  buildFromTemplate(template) {
    return strict('Menu instance', { items: template });
  },
  setApplicationMenu(menu) {
    record('Menu', 'setApplicationMenu', [menu === null ? null : 'menu']);
    applicationMenu = menu;
  },
  getApplicationMenu() {
    return applicationMenu ?? null;
  },
});

function makeImage(path, size) {
  return strict('NativeImage', {
    path,
    isEmpty: () => size === null,
    getSize: () => size ?? { width: 0, height: 0 },
    resize: (s) =>
      makeImage(
        path,
        size === null ? null : { width: s.width ?? size.width, height: s.height ?? size.height },
      ),
  });
}
const nativeImage = strict('nativeImage', {
  createFromPath(path) {
    record('nativeImage', 'createFromPath', [path]);
    // Electron returns an empty image for a missing or unreadable file; read the PNG header for its size.
    try {
      const png = readFileSync(path);
      if (png.subarray(1, 4).toString('ascii') !== 'PNG') return makeImage(path, null);
      return makeImage(path, { width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    } catch {
      return makeImage(path, null);
    }
  },
  createEmpty: () => makeImage('', null),
});

// ---------------------------------------------------------------- powerMonitor, dialog, shell, screen
const powerMonitor = strict('powerMonitor', new EventEmitter());

const dialogAnswers = { open: [], save: [] };
function takeAnswer(kind, args) {
  record('dialog', kind === 'open' ? 'showOpenDialog' : 'showSaveDialog', args);
  const answer = dialogAnswers[kind].shift();
  if (answer === undefined)
    throw new Error(
      `electron stand-in: dialog.show${kind === 'open' ? 'Open' : 'Save'}Dialog called with no answer queued`,
    );
  return answer;
}
const dialog = strict('dialog', {
  async showOpenDialog(...args) {
    const path = takeAnswer('open', args.map(optionsOnly));
    return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] };
  },
  async showSaveDialog(...args) {
    const path = takeAnswer('save', args.map(optionsOnly));
    return path === null ? { canceled: true } : { canceled: false, filePath: path };
  },
  showErrorBox(title, content) {
    record('dialog', 'showErrorBox', [title, content]);
  },
});
function optionsOnly(arg) {
  return arg instanceof BrowserWindow || (arg && arg.webContents) ? '[window]' : arg;
}

const shell = strict('shell', {
  async openPath(path) {
    record('shell', 'openPath', [path]);
    return '';
  },
  showItemInFolder(path) {
    record('shell', 'showItemInFolder', [path]);
  },
  async openExternal(url) {
    record('shell', 'openExternal', [url]);
  },
});

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
  scaleFactor: 1,
};
const screen = strict('screen', {
  getAllDisplays: () => [DISPLAY],
  getPrimaryDisplay: () => DISPLAY,
});

// ---------------------------------------------------------------- preload side
const exposed = {};
const rendererListeners = new Map();
let invokeRoute = null;
const contextBridge = strict('contextBridge', {
  exposeInMainWorld(key, api) {
    record('contextBridge', 'exposeInMainWorld', [key]);
    exposed[key] = api;
  },
});
const ipcRenderer = strict('ipcRenderer', {
  invoke(channel, ...args) {
    if (invokeRoute === null)
      return Promise.reject(new Error('electron stand-in: no main process to invoke'));
    return invokeRoute(channel, ...args);
  },
  on(channel, listener) {
    if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
    rendererListeners.get(channel).add(listener);
    return ipcRenderer;
  },
  removeListener(channel, listener) {
    rendererListeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
});

// ---------------------------------------------------------------- the test's side
/** What tests use to drive and inspect the stand-in. Not part of Electron's API. */
export const standIn = {
  calls,
  windows,
  notifications,
  trays,
  sessions,
  protocolHandlers,
  privilegedSchemes,
  ipcHandlers,
  dialogAnswers,
  exposed,
  rendererListeners,
  get applicationMenu() {
    return applicationMenu;
  },
  /** Electron's 'ready': whenReady() resolves and 'ready' is emitted. */
  ready() {
    if (ready) return;
    ready = true;
    app.emit('ready', {}, {});
    readyResolve();
  },
  /** Resolves with {code, how} once the app quit or exited. */
  quitted: quitPromise,
  /** Routes the preload's ipcRenderer.invoke (tests send it to ipcMain's handlers). */
  routeInvoke(route) {
    invokeRoute = route;
  },
  /** Delivers a main -> renderer event to the preload's listeners. */
  deliver(channel, payload) {
    for (const l of rendererListeners.get(channel) ?? []) l({ sender: null }, payload);
  },
  fetchThroughProtocol,
};

const electron = {
  app,
  BrowserWindow,
  webContents,
  session,
  protocol,
  ipcMain,
  safeStorage,
  Notification,
  Tray,
  Menu,
  nativeImage,
  powerMonitor,
  dialog,
  shell,
  screen,
  contextBridge,
  ipcRenderer,
};

export {
  app,
  BrowserWindow,
  webContents,
  session,
  protocol,
  ipcMain,
  safeStorage,
  Notification,
  Tray,
  Menu,
  nativeImage,
  powerMonitor,
  dialog,
  shell,
  screen,
  contextBridge,
  ipcRenderer,
};
export default strict('electron', electron);
