import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu, Notification, Tray, app, powerMonitor } from 'electron';
import { attachCloseToTray } from '../../../electron/main/reminders/close-to-tray';
import { HIDDEN_ARG, createElectronLoginItem } from '../../../electron/main/electron/login-item';
import { createElectronNotifier } from '../../../electron/main/electron/notifier';
import { createElectronPowerEvents } from '../../../electron/main/electron/power';
import { createReminderTray } from '../../../electron/main/electron/tray';
import { createRecordingNotifier } from '../../support/doubles/recording-notifier';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeNotification extends EventEmitter {
    static supported = true;
    static created: FakeNotification[] = [];
    static isSupported = () => FakeNotification.supported;
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
      FakeNotification.created.push(this);
    }
    show() {
      this.shown = true;
    }
  }
  class FakeTray extends EventEmitter {
    static last: FakeTray | null = null;
    tooltip = '';
    menu: { items: { id?: string; label?: string; enabled?: boolean; click?: () => void }[] } | null = null;
    destroyed = false;
    constructor(readonly image: unknown) {
      super();
      FakeTray.last = this;
    }
    setToolTip(t: string) {
      this.tooltip = t;
    }
    setContextMenu(m: FakeTray['menu']) {
      this.menu = m;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const loginSettings = { openAtLogin: false, args: [] as string[] };
  return {
    Notification: FakeNotification,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
    powerMonitor: new EventEmitter(),
    app: {
      getName: () => 'Closeout',
      getLoginItemSettings: vi.fn(() => ({ ...loginSettings })),
      setLoginItemSettings: vi.fn((s: { openAtLogin: boolean; args: string[] }) =>
        Object.assign(loginSettings, s),
      ),
    },
  };
});

type FakeNotificationClass = typeof Notification & {
  created: (EventEmitter & { options: { title: string }; shown: boolean })[];
  supported: boolean;
};
const N = Notification as FakeNotificationClass;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('Electron reminder adapters', () => {
  it('shows system notifications and reports clicks', () => {
    const notifier = createElectronNotifier(Notification);
    const clicks: string[] = [];
    notifier.show({ id: 'r#0', title: 'T', body: 'B', onClick: () => clicks.push('r#0') });
    const shown = N.created.at(-1)!;
    expect(shown.options).toEqual({ title: 'T', body: 'B' });
    expect(shown.shown).toBe(true);
    shown.emit('click');
    expect(clicks).toEqual(['r#0']);
    N.supported = false;
    expect(notifier.isSupported()).toBe(false);
    N.supported = true;
  });

  it('turns powerMonitor resume and unlock-screen into checks, and unsubscribes', () => {
    const power = createElectronPowerEvents(powerMonitor);
    let n = 0;
    const off = power.onResume(() => n++);
    (powerMonitor as unknown as EventEmitter).emit('resume');
    (powerMonitor as unknown as EventEmitter).emit('unlock-screen');
    off();
    (powerMonitor as unknown as EventEmitter).emit('resume');
    expect(n).toBe(2);
  });

  it('builds a tray menu with open, the next reminder and quit', () => {
    const calls: string[] = [];
    const tray = createReminderTray(
      { Tray, Menu },
      {
        icon: '/icon.png',
        locale: () => 'en',
        onOpen: () => calls.push('open'),
        onQuit: () => calls.push('quit'),
      },
    );
    const fake = (
      Tray as unknown as {
        last: {
          menu: { items: { id?: string; label?: string; click?: () => void }[] };
          tooltip: string;
        } & EventEmitter;
      }
    ).last;
    const label = (id: string) => fake.menu.items.find((i) => i.id === id)?.label;
    expect(label('next')).toBe('No upcoming reminders');
    tray.update({
      next: {
        id: 'x',
        at: Date.UTC(2026, 2, 5, 9),
        kind: 'cooling-off.end',
        params: { address: 'a@163.com' },
        title: null,
      },
      overdueCount: 0,
    });
    expect(label('next')).toMatch(/^Next reminder: .+ Cooling-off ends today: a@163\.com$/);
    fake.menu.items.find((i) => i.id === 'quit')!.click!();
    fake.emit('click');
    expect(calls).toEqual(['quit', 'open']);
    expect(fake.tooltip).toBe('Closeout');
  });

  it('hides on close instead of quitting, and explains it once', () => {
    const win = new EventEmitter() as EventEmitter & { hide(): void; hidden: number };
    win.hidden = 0;
    win.hide = () => win.hidden++;
    let quitting = false;
    let explained = false;
    const notifier = createRecordingNotifier();
    attachCloseToTray(win as never, {
      isQuitting: () => quitting,
      explained: { get: () => explained, set: () => (explained = true) },
      notifier,
      locale: () => 'zh-CN',
    });
    const close = () => {
      let prevented = false;
      win.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(close()).toBe(true);
    expect(close()).toBe(true);
    expect(win.hidden).toBe(2);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Closeout 仍在后台运行']);
    quitting = true;
    expect(close()).toBe(false);
  });

  it('uses setLoginItemSettings on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const item = createElectronLoginItem(app, platform)!;
      await item.setEnabled(true);
      expect(app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] });
      expect(await item.isEnabled()).toBe(true);
      await item.setEnabled(false);
      expect(await item.isEnabled()).toBe(false);
    }
  });

  it('writes and removes the XDG autostart file on Linux', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'closeout-xdg-'));
    dirs.push(xdg);
    const env = { XDG_CONFIG_HOME: xdg, APPIMAGE: '/opt/My Apps/Closeout.AppImage' };
    const item = createElectronLoginItem(app, 'linux', env, '/tmp/.mount_x/closeout')!;
    const file = join(xdg, 'autostart', 'closeout.desktop');
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(true);
    expect(await item.isEnabled()).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\n');
    expect(text).toContain(`Exec="/opt/My Apps/Closeout.AppImage" ${HIDDEN_ARG}\n`);
    expect(text).toContain('Name=Closeout\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    await item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
    expect(await item.isEnabled()).toBe(false);
    await item.setEnabled(false); // removing twice is fine
    expect(app.setLoginItemSettings).not.toHaveBeenCalledWith(
      expect.objectContaining({ path: expect.anything() }),
    );
  });
});
