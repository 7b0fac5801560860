import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type Handlers } from '../../../electron/common/contract';
import { AppFailure, ok } from '../../../electron/common/result';
import type { Core, CoreEventListener } from '../../../electron/main/core';
import { createDispatcher } from '../../../electron/main/dispatch';

// ipcMain double: records handle/removeHandler so the test can invoke what ipc.ts registered.
const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (name: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (registered.has(name)) throw new Error(`second handler for ${name}`);
      registered.set(name, fn);
    },
    removeHandler: (name: string) => registered.delete(name),
  },
}));

const { isTrustedSender, registerIpc } = await import('../../../electron/main/electron/ipc');

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
}

function sender(url: string, frame: 'main' | 'sub' | 'none' = 'main') {
  const mainFrame: FakeFrame = { url, processId: 4, routingId: 1 };
  const subFrame: FakeFrame = { url, processId: 4, routingId: 2 };
  return {
    sender: { mainFrame },
    senderFrame: frame === 'main' ? mainFrame : frame === 'sub' ? subFrame : null,
  } as unknown as Electron.IpcMainInvokeEvent;
}

const APP_PAGE = 'app://closeout/index.html#/plans';

/** A core over the real dispatcher with handlers chosen by each test. */
function testCore(overrides: Partial<Handlers>) {
  const listeners = new Set<CoreEventListener>();
  const core: Pick<Core, 'dispatch' | 'onEvent'> = {
    dispatch: createDispatcher(overrides as Handlers),
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const emit: CoreEventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  return { core, emit, listeners };
}

function contents(url: string, destroyed = false) {
  return { getURL: () => url, isDestroyed: () => destroyed, send: vi.fn() };
}

beforeEach(() => registered.clear());

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel and removes them on dispose', () => {
    const { core } = testCore({});
    const dispose = registerIpc(core, { targets: () => [] });
    expect([...registered.keys()].sort()).toEqual(Object.keys(channels).sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('dispatches a trusted call and returns the Result', async () => {
    const info = { name: 'Closeout', version: '0.1.0', platform: 'linux', runtime: 'electron' as const };
    const { core } = testCore({ 'app:info': () => ok(info) });
    registerIpc(core, { targets: () => [] });
    await expect(registered.get('app:info')!(sender(APP_PAGE), undefined)).resolves.toEqual({
      ok: true,
      value: info,
    });
  });

  it.each([
    ['another origin', sender('https://evil.example/')],
    ['a look-alike host', sender('app://closeout.evil/index.html')],
    ['a file: page', sender('file:///tmp/index.html')],
    ['a subframe of our page', sender(APP_PAGE, 'sub')],
    ['a frame that is gone', sender(APP_PAGE, 'none')],
  ])('refuses %s with ipc.forbidden-sender and never reaches the handler', async (_name, event) => {
    const handler = vi.fn(() => ok({ name: 'x', version: '0', platform: 'x', runtime: 'electron' as const }));
    const { core } = testCore({ 'app:info': handler });
    registerIpc(core, { targets: () => [] });
    const result = await registered.get('app:info')!(event, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden-sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a sender whose web contents was destroyed mid-call', () => {
    const event = {
      senderFrame: { url: APP_PAGE, processId: 1, routingId: 1 },
      get sender(): never {
        throw new Error('Object has been destroyed');
      },
    } as unknown as Electron.IpcMainInvokeEvent;
    expect(isTrustedSender(event)).toBe(false);
  });

  it('returns ipc.invalid-arguments for malformed input, without calling the handler', async () => {
    const handler = vi.fn();
    const { core } = testCore({ 'vault:set-auto-lock': handler });
    registerIpc(core, { targets: () => [] });
    for (const bad of [
      undefined,
      null,
      'ten',
      { minutes: 'ten' },
      { minutes: 5, extra: true },
      { minutes: -1 },
    ]) {
      const result = await registered.get('vault:set-auto-lock')!(sender(APP_PAGE), bad);
      expect(result, JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'ipc.invalid-arguments' },
      });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into ipc.internal with no stack trace', async () => {
    const { core } = testCore({
      'app:info': () => {
        throw new Error('secret path /home/u/.config at line 12');
      },
    });
    registerIpc(core, { targets: () => [] });
    const result = await registered.get('app:info')!(sender(APP_PAGE), undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'ipc.internal', message: 'An internal error occurred' },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret|at line|\.ts:/);
  });

  it('passes an AppFailure through as its own code, and a rejected promise as ipc.internal', async () => {
    const { core } = testCore({
      'vault:lock': () => {
        throw new AppFailure('vault.locked', 'Vault is locked');
      },
      'vault:status': () => Promise.reject(new TypeError('boom')),
    });
    registerIpc(core, { targets: () => [] });
    await expect(registered.get('vault:lock')!(sender(APP_PAGE), undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'vault.locked', message: 'Vault is locked' },
    });
    await expect(registered.get('vault:status')!(sender(APP_PAGE), undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.internal' },
    });
  });

  it('answers an unknown channel with ipc.unknown-channel (the dispatcher ipc.ts delegates to)', async () => {
    const { core } = testCore({});
    for (const name of ['vault:delete-everything', '__proto__', 'constructor', 'toString', 42, null]) {
      await expect(core.dispatch(name, undefined)).resolves.toMatchObject({
        ok: false,
        error: { code: 'ipc.unknown-channel' },
      });
    }
  });

  it('forwards core events to live windows showing our page only', () => {
    const { core, emit, listeners } = testCore({});
    const ours = contents(APP_PAGE);
    const gone = contents(APP_PAGE, true);
    const foreign = contents('https://evil.example/');
    const dispose = registerIpc(core, {
      targets: () => [ours, gone, foreign] as unknown as Electron.WebContents[],
    });
    const status = {
      state: 'locked' as const,
      mode: 'passphrase' as const,
      keychainAvailable: true,
      keychainInsecure: false,
      autoLockMinutes: null,
      dataDir: '/d',
      recovery: null,
      recoveryCodeUnconfirmed: false,
    };
    emit('vault:changed', status);
    expect(ours.send).toHaveBeenCalledWith('vault:changed', status);
    expect(gone.send).not.toHaveBeenCalled();
    expect(foreign.send).not.toHaveBeenCalled();
    dispose();
    expect(listeners.size).toBe(0);
  });

  it('trusts a development server origin only when told to', () => {
    const dev = sender('http://localhost:5173/index.html');
    expect(isTrustedSender(dev)).toBe(false);
    expect(isTrustedSender(dev, ['app://closeout', 'http://localhost:5173'])).toBe(true);
  });
});
