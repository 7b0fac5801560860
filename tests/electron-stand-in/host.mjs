/**
 * Runs the BUILT main bundle (out/main/index.js) in plain Node under the stand-in Electron, and lets
 * a test drive it over the fork IPC channel: invoke registered ipcMain handlers as a trusted (or
 * foreign) sender, load app:// URLs through the registered protocol handler, move the clock, answer
 * dialogs, run the preload bundle, quit. Start it with
 *
 *   fork('tests/electron-stand-in/host.mjs', [mainBundle], { execArgv: ['--import', register] })
 *
 * Every request is { id, op, ...args }; every reply is { id, ok, value } or { id, ok: false, error }.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { BrowserWindow, powerMonitor, session, standIn } from './electron.mjs';

const mainBundle = process.argv[2];
if (!mainBundle) throw new Error('usage: host.mjs <out/main/index.js>');

// ---------------------------------------------------------------- a movable clock
const RealDate = Date;
let offsetMs = 0;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offsetMs;
  }
}
globalThis.Date = ShiftedDate;

// ---------------------------------------------------------------- start the app as Electron would
const consoleLines = [];
for (const level of ['log', 'warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    consoleLines.push({ level, text: args.map(String).join(' ') });
    original(...args);
  };
}
process.on('uncaughtException', (e) => {
  consoleLines.push({ level: 'uncaught', text: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
  process.send?.({ crash: e instanceof Error ? e.message : String(e) });
});
process.on('unhandledRejection', (e) => {
  consoleLines.push({
    level: 'unhandled',
    text: e instanceof Error ? `${e.message}\n${e.stack}` : String(e),
  });
});

await import(pathToFileURL(mainBundle).href);
standIn.ready();

function mainWindow() {
  const win = BrowserWindow.getAllWindows().find(
    (w) => !w.isDestroyed() && w.options.webPreferences?.preload,
  );
  if (!win) throw new Error('no main window');
  return win;
}

/** The IpcMainInvokeEvent Electron would pass for a call from this frame. */
function senderEvent(kind) {
  const win = mainWindow();
  const contents = win.webContents;
  if (kind === 'trusted') return { sender: contents, senderFrame: contents.mainFrame };
  if (kind === 'subframe') {
    return {
      sender: contents,
      senderFrame: {
        url: contents.mainFrame.url,
        processId: contents.mainFrame.processId,
        routingId: 99,
        parent: contents.mainFrame,
      },
    };
  }
  if (kind === 'foreign') {
    const frame = { url: 'https://attacker.example/', processId: 4242, routingId: 1, parent: null };
    return { sender: { id: 4242, mainFrame: frame, isDestroyed: () => false }, senderFrame: frame };
  }
  throw new Error(`unknown sender kind ${kind}`);
}

async function invoke(channel, input, sender = 'trusted') {
  const handler = standIn.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no ipcMain handler for ${channel}`);
  return handler(senderEvent(sender), input);
}

function summary() {
  const defaultSession = standIn.sessions.get('');
  return {
    channels: [...standIn.ipcHandlers.keys()].sort(),
    windows: BrowserWindow.getAllWindows().map((w) => ({
      visible: w.isVisible(),
      options: w.options,
      url: w.webContents.getURL(),
      loads: w.loads.map((l) => ({
        url: l.url,
        status: l.status,
        headers: l.headers,
        bodyStart: l.body.slice(0, 400),
      })),
      hasWindowOpenHandler: w.webContents.windowOpenHandler !== null,
      guardedEvents: ['will-navigate', 'will-redirect', 'will-attach-webview'].filter(
        (e) => w.webContents.listenerCount(e) > 0,
      ),
      sent: w.webContents.sent.map((s) => s.channel),
    })),
    privilegedSchemes: standIn.privilegedSchemes,
    protocols: [...standIn.protocolHandlers.keys()],
    defaultSession: defaultSession
      ? {
          permissionRequestHandler: defaultSession.permissionRequestHandler !== null,
          permissionCheckHandler: defaultSession.permissionCheckHandler !== null,
          beforeRequest: defaultSession.webRequest.beforeRequest !== null,
        }
      : null,
    notifications: standIn.notifications.map((n) => ({ title: n.title, body: n.body })),
    trays: standIn.trays.map((t) => ({
      toolTip: t.toolTip,
      destroyed: t.destroyed,
      items: t.menu?.items.map((i) => i.label ?? i.type ?? i.role) ?? [],
    })),
    applicationMenu: describeMenu(standIn.applicationMenu),
    calls: standIn.calls.map((c) => `${c.api}.${c.method}`),
    console: consoleLines,
  };
}

function describeMenu(menu) {
  if (menu === undefined) return 'default';
  if (menu === null) return null;
  const walk = (items) =>
    items.map((i) => ({
      label: i.label ?? null,
      role: i.role ?? null,
      type: i.type ?? null,
      submenu: Array.isArray(i.submenu) ? walk(i.submenu) : i.submenu?.items ? walk(i.submenu.items) : null,
    }));
  return walk(menu.items);
}

/** Asks the session's request filter what the window may load, as Chromium would before each request. */
function requestAllowed(url, resourceType) {
  const listener = session.defaultSession.webRequest.beforeRequest;
  return new Promise((resolve) => listener({ url, resourceType, method: 'GET' }, (r) => resolve(!r.cancel)));
}

/**
 * Runs out/preload/index.cjs as a sandboxed preload runs: a fresh context whose `require` knows only
 * the sandbox's modules. Its ipcRenderer.invoke goes to main's handlers as our main frame.
 */
async function runPreload(preloadPath, calls) {
  const code = readFileSync(preloadPath, 'utf8');
  const electronModule = await import('./electron.mjs');
  const sandboxModules = {
    electron: electronModule.default,
    events: await import('node:events'),
    timers: await import('node:timers'),
    url: await import('node:url'),
  };
  const module = { exports: {} };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (name) => {
      if (!(name in sandboxModules)) throw new Error(`a sandboxed preload cannot require '${name}'`);
      return sandboxModules[name];
    },
    console,
    Promise,
    Error,
    TypeError,
    Object,
    setTimeout,
    clearTimeout,
  });
  standIn.routeInvoke((channel, input) => invoke(channel, input, 'trusted'));
  vm.runInContext(code, context, { filename: preloadPath });
  const api = standIn.exposed.closeout;
  if (!api) throw new Error('the preload exposed nothing as window.closeout');
  const shape = {};
  for (const [key, value] of Object.entries(api)) {
    shape[key] = typeof value === 'function' ? 'function' : Object.keys(value).sort();
  }
  const results = [];
  for (const { domain, method, input } of calls) results.push(await api[domain][method](input));
  // An event from main reaches a listener with the payload only.
  let received = null;
  const off = api.on('plan:changed', (payload) => (received = payload));
  standIn.deliver('plan:changed', { probe: true });
  off();
  let unknownEvent = null;
  try {
    api.on('not:an-event', () => {});
  } catch (e) {
    unknownEvent = e.message;
  }
  return { shape, frozen: Object.isFrozen(api), results, received, unknownEvent };
}

const ops = {
  summary: async () => summary(),
  invoke: ({ channel, input, sender }) => invoke(channel, input, sender),
  fetch: async ({ url }) => {
    const res = await standIn.fetchThroughProtocol(url);
    const body = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      length: body.length,
      start: body.subarray(0, 200).toString('utf8'),
    };
  },
  requestAllowed: ({ url, resourceType }) => requestAllowed(url, resourceType),
  permission: ({ permission, origin }) =>
    new Promise((resolve) =>
      session.defaultSession.permissionRequestHandler(null, permission, resolve, { requestingUrl: origin }),
    ),
  windowOpen: async ({ url }) => mainWindow().webContents.windowOpenHandler({ url }),
  navigate: async ({ url }) => {
    const event = {
      url,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    mainWindow().webContents.emit('will-navigate', event, url);
    return { prevented: event.defaultPrevented };
  },
  moveClock: async ({ ms }) => {
    offsetMs += ms;
    // A computer that slept wakes with a later clock: powerMonitor says so, the scheduler checks.
    powerMonitor.emit('resume');
    await new Promise((r) => setTimeout(r, 50));
    return offsetMs;
  },
  sent: async ({ channel }) =>
    mainWindow().webContents.sent.filter((s) => channel === undefined || s.channel === channel),
  answerDialog: async ({ kind, path }) => {
    standIn.dialogAnswers[kind].push(path);
    return standIn.dialogAnswers[kind].length;
  },
  closeWindow: async () => {
    mainWindow().close();
    return BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), destroyed: w.isDestroyed() }));
  },
  preload: ({ calls }) => runPreload(join(dirname(mainBundle), '../preload/index.cjs'), calls ?? []),
  quit: async () => {
    const { app } = await import('./electron.mjs');
    app.quit();
    const result = await Promise.race([
      standIn.quitted,
      new Promise((r) => setTimeout(() => r({ how: 'timeout' }), 20_000)),
    ]);
    return { ...result, calls: standIn.calls.map((c) => `${c.api}.${c.method}`) };
  },
};

process.on('message', async (msg) => {
  const op = ops[msg.op];
  try {
    if (!op) throw new Error(`unknown op ${msg.op}`);
    const value = await op(msg);
    process.send({ id: msg.id, ok: true, value });
  } catch (e) {
    process.send({
      id: msg.id,
      ok: false,
      error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e),
    });
  }
});

// The app is up once main registered its handlers and showed its window (or failed trying).
const started = RealDate.now();
while (standIn.ipcHandlers.size === 0 || !BrowserWindow.getAllWindows().some((w) => w.isVisible())) {
  const quit = await Promise.race([standIn.quitted, new Promise((r) => setTimeout(() => r(null), 25))]);
  if (quit !== null) {
    process.send({ started: false, quit, console: consoleLines });
    break;
  }
  if (RealDate.now() - started > 30_000) {
    process.send({ started: false, quit: { how: 'timeout' }, console: consoleLines });
    break;
  }
}
if (standIn.ipcHandlers.size > 0) process.send({ started: true });
