import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, events } from '../../../electron/common/contract';
import { splitChannel } from '../../../electron/common/contract/define';

// contextBridge and ipcRenderer doubles: what the preload exposes, and what it sends.
const exposed: [string, unknown][] = [];
const bus = new EventEmitter();
const invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => invoke(channel, ...args),
    on: (name: string, fn: (...a: unknown[]) => void) => bus.on(name, fn),
    removeListener: (name: string, fn: (...a: unknown[]) => void) => bus.removeListener(name, fn),
  },
}));

type Api = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> & {
  on: (event: string, listener: (...args: unknown[]) => void) => () => void;
};
let api: Api;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  api = exposed[0]![1] as Api;
});

describe('preload', () => {
  it('exposes window.closeout and nothing else', () => {
    expect(exposed.map(([key]) => key)).toEqual(['closeout']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('has one method per contract channel, grouped by domain, and nothing more', () => {
    const expected: Record<string, string[]> = {};
    for (const name of Object.keys(channels)) {
      const [domain, method] = splitChannel(name);
      (expected[domain] ??= []).push(method);
    }
    const actual: Record<string, string[]> = {};
    for (const [domain, group] of Object.entries(api)) {
      if (domain === 'on') continue;
      actual[domain] = Object.keys(group);
    }
    expect(actual).toEqual(expected);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(expected), 'on'].sort());
    expect(api.vault!.changePassphrase).toBeTypeOf('function');
  });

  it('invokes the channel with exactly one argument', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: 'done' });
    await expect(api.vault!.setAutoLock!({ minutes: 5 }, 'smuggled')).resolves.toEqual({
      ok: true,
      value: 'done',
    });
    expect(invoke).toHaveBeenLastCalledWith('vault:set-auto-lock', { minutes: 5 });
    invoke.mockResolvedValueOnce({ ok: true, value: null });
    await api.app!.info!();
    expect(invoke).toHaveBeenLastCalledWith('app:info', undefined);
  });

  it('turns a failed invoke into an ipc.unavailable Result', async () => {
    invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(api.vault!.status!()).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.unavailable' },
    });
  });

  it('delivers only the payload to listeners and unsubscribes', () => {
    const eventName = Object.keys(events)[0]!;
    const listener = vi.fn();
    const off = api.on(eventName, listener);
    const senderEvent = { sender: { send: () => {} }, ports: [] };
    bus.emit(eventName, senderEvent, { state: 'locked' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ state: 'locked' }]);
    off();
    bus.emit(eventName, senderEvent, { state: 'unlocked' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(bus.listenerCount(eventName)).toBe(0);
  });

  it('refuses unknown events and non-function listeners', () => {
    expect(() => api.on('electron-store-get-data', () => {})).toThrow(TypeError);
    expect(() => api.on('vault:changed', 'not a function' as never)).toThrow(TypeError);
    expect(bus.eventNames()).toEqual([]);
  });
});
