/**
 * What ships, run as the user runs it, without the Electron binary:
 * - `npm start` on a machine with no Electron and no network prints one clear message and exits
 *   non-zero; given a stand-in binary through ELECTRON_OVERRIDE_DIST_PATH it builds and launches it
 *   with the built main;
 * - the BUILT bundles (out/main/index.js, out/preload/index.cjs) under the stand-in Electron
 *   (tests/electron-stand-in), linked through a Node module hook exactly as Electron links them:
 *   the window, the app:// protocol, the menu, the IPC handlers, a journey through them with a real
 *   Dovecot, the preload's API, a clean quit and a second start over the same data.
 *
 * One file on purpose: `npm start` rebuilds out/, which the stand-in tests then load.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../electron/common/contract';
import { splitChannel } from '../../../electron/common/contract/define';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import {
  ensureAppBuilt,
  MAIN_BUNDLE,
  REGISTER,
  REPO,
  STAND_IN_DIR,
  startBuiltApp,
  type BuiltApp,
} from '../../electron-stand-in/client';
import { harnessBridgeSource } from '../../harness/bridge-bundle';
// @ts-expect-error plain ESM script without types
import { findElectron } from '../../../scripts/with-electron.mjs';

const temps: string[] = [];
async function tempDir(prefix = 'closeout-built-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** A loopback port nobody listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}
function npmStart(env: Record<string, string | undefined>, timeoutMs = 240_000): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['start'],
      { cwd: REPO, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

const electronInstalledHere = (findElectron({}) as { present: boolean }).present;

describe('npm start on a fresh machine', () => {
  it.skipIf(electronInstalledHere)(
    'without Electron and without a network: one short message, the two ways out, non-zero, within a minute',
    async () => {
      const port = await deadPort();
      const ran = await npmStart({
        // Electron's own installer, pointed at a dead local port, with an empty download cache.
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        electron_config_cache: await tempDir(),
        ELECTRON_OVERRIDE_DIST_PATH: undefined,
      });
      const out = `${ran.stdout}\n${ran.stderr}`;
      expect(ran.code).not.toBe(0);
      expect(ran.ms).toBeLessThan(60_000);
      expect(out).toContain('Electron 45.5.0');
      expect(out).toMatch(/could not be reached/);
      expect(out).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(out).toMatch(/Connect to the internet once/);
      // The Chinese half says as much: the cause, both ways out and the example command.
      expect(out).toMatch(/Closeout 无法启动/);
      expect(out).toMatch(/连不上下载服务器/);
      expect(out).toMatch(/联网后再运行一次/);
      expect(out.match(/ELECTRON_OVERRIDE_DIST_PATH=\/opt\/electron-45 npm start/g)).toHaveLength(2);
      expect(out).not.toContain('Electron uninstall');
      // No stack trace: no "    at fn (file:line)" frames.
      expect(out).not.toMatch(/^\s+at .+[:(]\d+/m);
    },
    90_000,
  );

  it('an ELECTRON_OVERRIDE_DIST_PATH without the program is named, not downloaded around', async () => {
    const empty = await tempDir();
    const ran = await npmStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(ran.code).not.toBe(0);
    expect(`${ran.stderr}`).toContain(join(empty, 'electron'));
    expect(ran.stderr).not.toMatch(/downloading/i);
    expect(ran.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
  }, 60_000);

  it('with a stand-in binary given: builds, launches it with the built main, which opens its window and quits cleanly', async () => {
    const dist = await tempDir();
    const record = join(dist, 'record.json');
    await writeFile(
      join(dist, 'electron'),
      `#!/bin/sh\nexec "${process.execPath}" --import "${REGISTER}" "${join(STAND_IN_DIR, 'launch.mjs')}" "$@"\n`,
    );
    await chmod(join(dist, 'electron'), 0o755);
    const ran = await npmStart({
      ELECTRON_OVERRIDE_DIST_PATH: dist,
      // Nothing may be downloaded when the program is there.
      ELECTRON_MIRROR: `http://127.0.0.1:${await deadPort()}/`,
      STANDIN_USER_DATA: join(await tempDir(), 'userData'),
      STANDIN_RECORD: record,
    });
    expect(ran.stderr).not.toMatch(/downloading/i);
    expect(ran.code, `${ran.stdout}\n${ran.stderr}`).toBe(0);
    const seen = JSON.parse(await readFile(record, 'utf8')) as {
      argv: string[];
      cwd: string;
      entry: string;
      shown: boolean;
      channels: number;
      windowUrl: string;
      quit: { how: string; code: number };
    };
    expect(seen.argv[0]).toBe('.');
    expect(seen.cwd).toBe(REPO);
    expect(seen.entry).toBe(MAIN_BUNDLE);
    expect(seen.shown).toBe(true);
    expect(seen.windowUrl).toBe('app://closeout/index.html');
    expect(seen.channels).toBe(Object.keys(channels).length);
    expect(seen.quit).toEqual({ code: 0, how: 'quit' });
  }, 240_000);
});

interface Summary {
  channels: string[];
  windows: {
    visible: boolean;
    options: { webPreferences: Record<string, unknown>; show: boolean };
    url: string;
    loads: { url: string; status: number; headers: Record<string, string>; bodyStart: string }[];
    hasWindowOpenHandler: boolean;
    guardedEvents: string[];
  }[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocols: string[];
  defaultSession: Record<string, boolean> | null;
  notifications: { title: string; body: string }[];
  trays: { toolTip: string; destroyed: boolean; items: string[] }[];
  applicationMenu: 'default' | null | MenuItem[];
  calls: string[];
  console: { level: string; text: string }[];
}
interface MenuItem {
  label: string | null;
  role: string | null;
  type: string | null;
  submenu: MenuItem[] | null;
}
type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
}

describe.skipIf(!dovecotAvailable())('the built app under the stand-in Electron', () => {
  let server: DovecotServer;
  let app: BuiltApp;
  let userData: string;
  let work: string;
  const CODE = 'stand-in-auth-code';

  beforeAll(async () => {
    await ensureAppBuilt();
    server = await startDovecot({
      users: [{ user: 'builtapp@163.com', password: CODE, fixture: { messages: 120, seed: 12 } }],
    });
    work = await tempDir();
    userData = join(work, 'userData');
    const ca = join(work, 'ca.pem');
    await writeFile(ca, server.caCertPem);
    // The built app trusts the test server the way Node is told to in any process, with no test
    // switch in the app: the server's certificate is verified as imap.163.com's would be.
    app = await startBuiltApp({ userData, env: { NODE_EXTRA_CA_CERTS: ca, STANDIN_LOCALE: 'zh-CN' } });
  }, 180_000);

  afterAll(async () => {
    app?.child.kill('SIGKILL');
    await server?.stop();
  });

  it('starts: one window with the locked-down webPreferences, loaded from app:// with the CSP', async () => {
    expect(app.started, JSON.stringify(app.started)).toEqual({ started: true });
    const s = await app.call<Summary>('summary');
    expect(s.windows).toHaveLength(1);
    const [win] = s.windows;
    expect(win!.options.webPreferences).toEqual({
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
      // Not packaged here, so DevTools are allowed; a packaged app passes false (app.isPackaged).
      devTools: true,
      preload: join(REPO, 'out/preload/index.cjs'),
    });
    expect(win!.options.show).toBe(false);
    expect(win!.visible).toBe(true);
    expect(win!.url).toBe('app://closeout/index.html');
    expect(win!.loads[0]).toMatchObject({ status: 200 });
    expect(win!.loads[0]!.headers['content-security-policy']).toMatch(
      /default-src 'self'; script-src 'self'/,
    );
    expect(win!.loads[0]!.bodyStart).toMatch(/<!doctype html>/i);
    expect(win!.hasWindowOpenHandler).toBe(true);
    expect(win!.guardedEvents).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
    expect(s.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(s.defaultSession).toEqual({
      permissionRequestHandler: true,
      permissionCheckHandler: true,
      beforeRequest: true,
    });
    expect(s.calls.indexOf('app.enableSandbox')).toBeLessThan(s.calls.indexOf('BrowserWindow.new'));
    expect(s.trays).toHaveLength(1);
    expect(s.trays[0]!.toolTip).toContain('Closeout');
    expect(s.console.filter((l) => l.level !== 'log')).toEqual([]);
  });

  it('registers a handler for every contract channel and nothing else', async () => {
    const s = await app.call<Summary>('summary');
    expect(s.channels).toEqual(Object.keys(channels).sort());
  });

  it('serves the built renderer over app:// with the CSP, and nothing outside out/renderer', async () => {
    const index = await app.call<{ status: number; headers: Record<string, string>; start: string }>(
      'fetch',
      { url: 'app://closeout/' },
    );
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const script = /src="([^"]+\.js)"/.exec(
      await readFile(join(REPO, 'out/renderer/index.html'), 'utf8'),
    )![1]!;
    const js = await app.call<{ status: number; headers: Record<string, string> }>('fetch', {
      url: new URL(script, 'app://closeout/').href,
    });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toContain("default-src 'self'");
    for (const outside of [
      'app://closeout/../main/index.js',
      'app://closeout/%2e%2e/main/index.js',
      'app://closeout/..%2fpreload%2findex.cjs',
      'app://closeout/%2E%2E%5Cpackage.json',
      'app://other/index.html',
    ]) {
      const res = await app.call<{ status: number; headers: Record<string, string>; start: string }>(
        'fetch',
        { url: outside },
      );
      expect(res.status, outside).toBe(404);
      expect(res.start).not.toContain('import');
      expect(res.headers['content-security-policy'], outside).toBeTruthy();
    }
  });

  it('lets the page load only app:// and grants only clipboard writes to our own origin', async () => {
    expect(
      await app.call('requestAllowed', { url: 'app://closeout/assets/x.js', resourceType: 'script' }),
    ).toBe(true);
    expect(
      await app.call('requestAllowed', { url: 'https://example.com/pixel.gif', resourceType: 'image' }),
    ).toBe(false);
    expect(await app.call('requestAllowed', { url: 'file:///etc/passwd', resourceType: 'mainFrame' })).toBe(
      false,
    );
    expect(
      await app.call('permission', {
        permission: 'clipboard-sanitized-write',
        origin: 'app://closeout/index.html',
      }),
    ).toBe(true);
    expect(await app.call('permission', { permission: 'media', origin: 'app://closeout/index.html' })).toBe(
      false,
    );
    expect(await app.call('windowOpen', { url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(await app.call('navigate', { url: 'https://example.com/' })).toEqual({ prevented: true });
  });

  it('installs its own application menu in the UI language, with no DevTools or reload', async () => {
    const s = await app.call<Summary>('summary');
    expect(s.applicationMenu).not.toBe('default');
    expect(s.applicationMenu).not.toBeNull();
    const items = flatten(s.applicationMenu as MenuItem[]);
    const roles = items.map((i) => i.role).filter((r) => r !== null);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'quit']));
    // STANDIN_LOCALE is zh-CN and no language was chosen yet: the menu speaks Chinese.
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['编辑', '复制', '粘贴']));
    // Once the renderer reports English, the menu follows.
    expect(await app.invoke('settings:set-locale', { locale: 'en' })).toEqual({ ok: true, value: undefined });
    const after = flatten((await app.call<Summary>('summary')).applicationMenu as MenuItem[]);
    expect(after.map((i) => i.label)).toEqual(expect.arrayContaining(['Edit', 'Copy', 'Paste']));
    await app.invoke('settings:set-locale', { locale: 'zh-CN' });
  });

  it('refuses a foreign page and a subframe', async () => {
    for (const sender of ['foreign', 'subframe'] as const) {
      expect(await app.invoke('vault:status', undefined, sender)).toMatchObject({
        ok: false,
        error: { code: 'ipc.forbidden-sender' },
      });
      expect(await app.invoke('vault:create', { mode: 'keychain' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'ipc.forbidden-sender' },
      });
    }
    expect(await app.invoke<R<{ state: string }>>('vault:status')).toMatchObject({
      ok: true,
      value: { state: 'absent' },
    });
  });

  let planId = '';
  it('journey: vault, plan, commands, a reminder shown by the system when the clock reaches it', async () => {
    const created = await app.invoke<R<{ recoveryCode: string }>>('vault:create', { mode: 'keychain' });
    expect(created).toMatchObject({ ok: true });
    const plan = await app.invoke<R<{ plan: { id: string } }>>('plan:create', { address: server.user });
    expect(plan).toMatchObject({ ok: true });
    planId = (plan as { value: { plan: { id: string } } }).value.plan.id;
    expect(await app.invoke('plan:apply', { type: 'plan.decide', planId })).toMatchObject({ ok: true });
    expect(
      await app.invoke('plan:apply', { type: 'step.set', planId, stepId: 'login', status: 'done' }),
    ).toMatchObject({ ok: true });
    // Whatever the hour CI runs at, quiet hours must not hold the notification back.
    expect(
      await app.invoke('reminders:set-quiet-hours', { enabled: false, start: 1320, end: 480 }),
    ).toMatchObject({ ok: true });
    const at = Date.now() + 3 * 3_600_000;
    expect(
      await app.invoke('reminders:add', {
        planId,
        item: null,
        title: '打电话给银行改预留邮箱',
        note: null,
        at,
      }),
    ).toMatchObject({ ok: true });
    // The plan's changes came back in the replies, once: not again as plan:changed events.
    expect(await app.call<{ channel: string }[]>('sent', { channel: 'plan:changed' })).toEqual([]);
    expect((await app.call<Summary>('summary')).notifications).toEqual([]);
    // Three hours and a bit later (the computer slept): the system notification appears.
    await app.call('moveClock', { ms: 3 * 3_600_000 + 60_000 });
    const deadline = Date.now() + 10_000;
    let shown: { title: string; body: string }[] = [];
    while (Date.now() < deadline) {
      shown = (await app.call<Summary>('summary')).notifications;
      if (shown.some((n) => n.title.includes('打电话给银行改预留邮箱'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown.map((n) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('打电话给银行改预留邮箱')]),
    );
  });

  it('journey: backs up the mail from Dovecot through the bundled imapflow, verified', async () => {
    const target = join(work, 'backup');
    await mkdir(target);
    const account = { address: server.user, host: server.host, port: server.tlsPort, secure: true };
    const report = await app.invoke<R<{ messages: number }>>('mail:test-connection', {
      account,
      authCode: CODE,
    });
    expect(report).toMatchObject({ ok: true, value: { messages: 120 } });
    // Main writes a backup only into a folder chosen in its own dialog (or recorded for the plan).
    expect(
      await app.invoke('mail:start-backup', { planId, account, authCode: CODE, targetDir: target }),
    ).toMatchObject({ ok: false, error: { code: 'mail.unknown-target' } });
    await app.call('answerDialog', { kind: 'open', path: target });
    expect(await app.invoke('app:choose-folder', { purpose: 'mail-backup' })).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(
      await app.invoke('mail:start-backup', { planId, account, authCode: CODE, targetDir: target }),
    ).toMatchObject({ ok: true });
    const deadline = Date.now() + 60_000;
    let finished: { payload: { outcome: string; error: unknown } }[] = [];
    while (Date.now() < deadline && finished.length === 0) {
      finished = await app.call('sent', { channel: 'mail:finished' });
      if (finished.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(finished[0]?.payload).toMatchObject({ outcome: 'completed', error: null });
    const files = (await readdir(join(target, 'Maildir'), { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile() && /\/(cur|new)$/.test(e.parentPath),
    );
    expect(files).toHaveLength(120);
    const plans =
      await app.invoke<
        R<{ plan: { backups: { mail: { status: string; verification: { messages: number } | null } } } }[]>
      >('plan:list');
    expect(plans.ok).toBe(true);
    const mail = plans.ok ? plans.value[0]!.plan.backups.mail : null;
    expect(mail).toMatchObject({
      status: 'done',
      location: target,
      verification: { messages: 120, location: target },
    });
  });

  it('journey: discovery scans the same mailbox over IMAP', async () => {
    const account = { address: server.user, host: server.host, port: server.tlsPort, secure: true };
    const results = await app.invoke<R<{ findings: unknown[]; messagesScanned?: number }>>('discovery:scan', {
      planId,
      source: { kind: 'imap', account, authCode: CODE },
    });
    expect(results).toMatchObject({ ok: true });
    expect((results as { value: { findings: unknown[] } }).value.findings.length).toBeGreaterThan(0);
  });

  it('journey: exports the vault through the save dialog and imports it back; saves the report as PDF', async () => {
    const exportPath = join(work, 'closeout-vault.closeout-export');
    await app.call('answerDialog', { kind: 'save', path: exportPath });
    expect(
      await app.invoke('transfer:export', { scope: { kind: 'vault' }, passphrase: 'correct horse battery' }),
    ).toMatchObject({
      ok: true,
      value: { path: exportPath },
    });
    const data = (await readFile(exportPath)).toString('base64');
    expect(await app.invoke('transfer:preview', { data, passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
    });
    expect(await app.invoke('transfer:preview', { data, passphrase: 'correct horse battery' })).toMatchObject(
      { ok: true },
    );
    expect(
      await app.invoke('transfer:import', { data, passphrase: 'correct horse battery', mode: 'merge' }),
    ).toMatchObject({ ok: true });

    const pdfPath = join(work, 'report.pdf');
    await app.call('answerDialog', { kind: 'save', path: pdfPath });
    expect(
      await app.invoke('report:save', {
        planId,
        format: 'pdf',
        fileName: 'closeout-report.pdf',
        html: '<!doctype html><html><body><h1>注销报告</h1></body></html>',
      }),
    ).toMatchObject({ ok: true, value: { path: pdfPath } });
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('utf8')).toContain('注销报告');
    const s = await app.call<Summary>('summary');
    expect(s.calls).toContain('webContents.printToPDF');
    // The print window was created on its own session and destroyed afterwards.
    expect(s.calls).toContain('session.fromPartition');
    expect(s.windows).toHaveLength(1);
  });

  it('the preload bundle exposes exactly the contract, as the harness bridge does, and round-trips a call', async () => {
    const expected: Record<string, string[] | 'function'> = { on: 'function' };
    for (const name of Object.keys(channels)) {
      const [domain, method] = splitChannel(name);
      expected[domain] = [...((expected[domain] as string[] | undefined) ?? []), method].sort();
    }
    const preload = await app.call<{
      shape: Record<string, string[] | 'function'>;
      frozen: boolean;
      results: R[];
      received: unknown;
      unknownEvent: string | null;
    }>('preload', {
      calls: [
        { domain: 'app', method: 'info' },
        { domain: 'plan', method: 'list' },
      ],
    });
    expect(preload.shape).toEqual(expected);
    expect(preload.frozen).toBe(true);
    expect(preload.results[0]).toMatchObject({ ok: true, value: { name: 'Closeout', runtime: 'electron' } });
    expect(preload.results[1]).toMatchObject({ ok: true });
    expect(preload.received).toEqual({ probe: true });
    expect(preload.unknownEvent).toMatch(/Unknown event/);

    // The harness bridge, evaluated as the browser would: the same factory, so the same shape.
    const bridge = await harnessBridgeSource();
    const window: Record<string, unknown> = {};
    class NeverOpens {
      readyState = 0;
      addEventListener(): void {}
      send(): void {}
    }
    vm.runInNewContext(bridge, {
      window,
      location: { protocol: 'http:', host: '127.0.0.1:1', search: '?token=x' },
      URLSearchParams,
      WebSocket: NeverOpens,
      Map,
      Set,
      Promise,
      JSON,
      Object,
      console,
    });
    const harnessApi = window['closeout'] as Record<string, unknown>;
    const harnessShape: Record<string, string[] | 'function'> = {};
    for (const [k, v] of Object.entries(harnessApi))
      harnessShape[k] = typeof v === 'function' ? 'function' : Object.keys(v as object).sort();
    expect(harnessShape).toEqual(preload.shape);
  });

  it('closes the window to the tray, quits cleanly on before-quit, and a second start opens the same data', async () => {
    const afterClose = await app.call<{ visible: boolean; destroyed: boolean }[]>('closeWindow');
    expect(afterClose).toEqual([{ visible: false, destroyed: false }]);
    const quit = await app.call<{ how: string; code: number; calls: string[] }>('quit');
    expect(quit).toMatchObject({ how: 'quit', code: 0 });
    expect(quit.calls).toContain('Tray.destroy');
    app.child.kill();
    await app.exited();
    // The vault was closed: no temp file left behind, the vault file is there.
    const names = await readdir(userData);
    expect(names).toContain('vault.closeout');
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await stat(join(userData, 'vault.closeout'))).mode & 0o777).toBe(0o600);

    const second = await startBuiltApp({ userData, env: { STANDIN_LOCALE: 'en' } });
    try {
      expect(second.started).toEqual({ started: true });
      const status = await second.invoke<R<{ state: string }>>('vault:status');
      if (status.ok && status.value.state === 'locked')
        expect(await second.invoke('vault:unlock', {})).toMatchObject({ ok: true });
      const plans = await second.invoke<R<{ plan: { address: string } }[]>>('plan:list');
      expect(JSON.stringify(plans)).toContain(server.user);
      const reminders = await second.invoke<R>('reminders:list', {});
      expect(JSON.stringify(reminders)).toContain('打电话给银行改预留邮箱');
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
