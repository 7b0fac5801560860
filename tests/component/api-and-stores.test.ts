import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { api, on } from '../../renderer/src/api';
import { useVaultStore } from '../../renderer/src/stores/vault';
import { usePlansStore } from '../../renderer/src/stores/plans';
import type { CloseoutApi } from '@common/contract';
import type { VaultStatus } from '@common/contract/vault';

const status = (state: VaultStatus['state']): VaultStatus => ({
  state,
  mode: 'passphrase',
  keychainAvailable: true,
  keychainInsecure: false,
  autoLockMinutes: null,
  dataDir: '/data',
  recovery: null,
  recoveryCodeUnconfirmed: false,
});

/** A bridge with the contract's shape whose calls are recorded; listeners can be fired by the test. */
function installBridge(handlers: Record<string, (input?: unknown) => unknown>) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const group = (domain: string) =>
    new Proxy(
      {},
      {
        get: (_t, method: string) => async (input?: unknown) => {
          calls.push([`${domain}.${method}`, input]);
          const h = handlers[`${domain}.${method}`];
          if (!h) return { ok: false, error: { code: 'ipc.unknown-channel', message: 'x' } };
          return h(input);
        },
      },
    );
  const bridge = new Proxy({} as Record<string, unknown>, {
    get: (_t, key: string) =>
      key === 'on'
        ? (event: string, l: (p: unknown) => void) => {
            if (!listeners.has(event)) listeners.set(event, new Set());
            listeners.get(event)!.add(l);
            return () => listeners.get(event)!.delete(l);
          }
        : group(key),
  });
  window.closeout = bridge as unknown as CloseoutApi;
  const fire = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { calls, fire };
}

beforeEach(() => {
  setActivePinia(createPinia());
  delete window.closeout;
});

describe('api client', () => {
  it('answers ipc.unavailable as data when there is no bridge', async () => {
    const r = await api.vault.status();
    expect(r).toEqual({ ok: false, error: { code: 'ipc.unavailable', message: expect.any(String) } });
    expect(on('vault:changed', () => {})).toBeTypeOf('function');
  });

  it('passes the input through and returns the Result untouched', async () => {
    const { calls } = installBridge({ 'vault.unlock': () => ({ ok: true, value: status('unlocked') }) });
    const r = await api.vault.unlock({ passphrase: 'pw' });
    expect(r).toEqual({ ok: true, value: status('unlocked') });
    expect(calls).toEqual([['vault.unlock', { passphrase: 'pw' }]]);
  });

  it('turns a throwing bridge into ipc.unavailable, never a throw', async () => {
    installBridge({
      'vault.status': () => {
        throw new Error('socket closed');
      },
    });
    await expect(api.vault.status()).resolves.toMatchObject({
      ok: false,
      error: { code: 'ipc.unavailable' },
    });
  });
});

describe('vault store', () => {
  it('takes the status from calls and from vault:changed events', async () => {
    const { fire } = installBridge({
      'vault.status': () => ({ ok: true, value: status('locked') }),
      'vault.unlock': () => ({ ok: true, value: status('unlocked') }),
    });
    const vault = useVaultStore();
    await vault.refresh();
    expect(vault.unlocked).toBe(false);
    const r = await vault.unlock({ passphrase: 'right' });
    expect(r.ok).toBe(true);
    expect(vault.unlocked).toBe(true);
    fire('vault:changed', status('locked'));
    expect(vault.unlocked).toBe(false);
  });

  it('keeps the status and returns the error when unlocking fails', async () => {
    installBridge({
      'vault.status': () => ({ ok: true, value: status('locked') }),
      'vault.unlock': () => ({ ok: false, error: { code: 'vault.wrong-passphrase', message: 'wrong' } }),
    });
    const vault = useVaultStore();
    await vault.refresh();
    const r = await vault.unlock({ passphrase: 'wrong' });
    expect(r).toMatchObject({ ok: false, error: { code: 'vault.wrong-passphrase' } });
    expect(vault.status?.state).toBe('locked');
  });

  it('records a load error when even the status cannot be read', async () => {
    const vault = useVaultStore();
    await vault.refresh();
    expect(vault.loadError?.code).toBe('ipc.unavailable');
  });
});

describe('plans store', () => {
  const view = (id: string, address: string) => ({
    plan: { id, address } as never,
    readiness: { planId: id, status: 'deciding' } as never,
  });

  it('loads, creates with a client id, and patches from plan:changed', async () => {
    const { calls, fire } = installBridge({
      'plan.list': () => ({ ok: true, value: [view('p1', 'a@163.com')] }),
      'plan.create': (input) => ({
        ok: true,
        value: view((input as { planId: string }).planId, 'b@126.com'),
      }),
    });
    const plans = usePlansStore();
    await plans.load();
    expect(plans.plans.map((p) => p.address)).toEqual(['a@163.com']);

    const r = await plans.create('b@126.com', 'old');
    expect(r.ok).toBe(true);
    const input = calls.find(([c]) => c === 'plan.create')?.[1] as {
      planId: string;
      address: string;
      label: string;
    };
    expect(input).toMatchObject({ address: 'b@126.com', label: 'old' });
    expect(input.planId).toMatch(/^plan-[0-9a-f-]{36}$/);
    expect(plans.plans).toHaveLength(2);
    expect(plans.readinessById.get(input.planId)?.status).toBe('deciding');

    fire('plan:changed', { planId: 'p1', view: null, events: [] });
    expect(plans.plans.map((p) => p.address)).toEqual(['b@126.com']);
  });

  it('leaves the plans as they were when a command is rejected', async () => {
    installBridge({
      'plan.list': () => ({ ok: true, value: [view('p1', 'a@163.com')] }),
      'plan.apply': () => ({ ok: false, error: { code: 'ipc.invalid-arguments', message: 'bad' } }),
    });
    const plans = usePlansStore();
    await plans.load();
    const r = await plans.apply({ type: 'plan.decide', planId: 'p1' });
    expect(r.ok).toBe(false);
    expect(plans.plans.map((p) => p.id)).toEqual(['p1']);
  });
});
