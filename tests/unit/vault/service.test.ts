import { describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../../electron/common/contract/vault';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { AUTO_LOCK_CHECK_MS } from '../../../electron/main/vault/service';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from './helpers';

function core(dir: string, clock = new FakeClock(), autoLockTimer = false) {
  const c = createCore({
    dataDir: dir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dir)),
    clock,
    vaultKdfCost: TEST_KDF,
    autoLockTimer,
  });
  const events: VaultStatus[] = [];
  c.onEvent((event, payload) => {
    if (event === 'vault:changed') events.push(payload as VaultStatus);
  });
  return { c, events };
}

describe('vault service through the core dispatcher', () => {
  it('creates, locks and unlocks over the contract, emitting vault:changed', async () => {
    const dir = tempDir();
    const { c, events } = core(dir);
    await c.start();
    expect(await c.dispatch('vault:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'absent' },
    });
    const created = await c.dispatch('vault:create', { mode: 'passphrase', passphrase: 'long enough pass' });
    expect(created).toMatchObject({ ok: true, value: { status: { state: 'unlocked', mode: 'passphrase' } } });
    expect(await c.dispatch('vault:lock', undefined)).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await c.dispatch('vault:unlock', { passphrase: 'wrong one!' })).toMatchObject({
      ok: false,
      error: { code: 'vault.wrong-passphrase' },
    });
    expect(await c.dispatch('vault:unlock', { passphrase: 'long enough pass' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(await c.dispatch('vault:set-auto-lock', { minutes: 5 })).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 5 },
    });
    expect(events.map((e) => e.state)).toEqual(['absent', 'unlocked', 'locked', 'unlocked', 'unlocked']);
    // A healthy vault is never rolled back: earlier versions are offered only when the file is unreadable.
    expect(await c.dispatch('vault:restore', { generationId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'vault.restore-unavailable' },
    });
    await c.close();
  });

  it('opens a keychain vault by itself at start', async () => {
    const dir = tempDir();
    const first = core(dir);
    await first.c.start();
    await first.c.dispatch('vault:create', { mode: 'keychain' });
    await first.c.close();
    const second = core(dir);
    await second.c.start();
    expect(await second.c.dispatch('vault:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    await second.c.close();
  });

  it('locks an idle passphrase vault from the core timer; dispatched requests count as activity', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const clock = new FakeClock();
      const { c } = core(tempDir(), clock, true);
      await c.start();
      await c.dispatch('vault:create', { mode: 'passphrase', passphrase: 'long enough pass' });
      await c.dispatch('vault:set-auto-lock', { minutes: 1 });
      const state = async () =>
        ((await c.dispatch('vault:status', undefined)) as { value: VaultStatus }).value.state;
      clock.advance(50_000);
      await c.dispatch('app:info', undefined);
      clock.advance(50_000);
      vi.advanceTimersByTime(AUTO_LOCK_CHECK_MS);
      expect(await state()).toBe('unlocked');
      // Status polls are not activity.
      clock.advance(15_000);
      vi.advanceTimersByTime(AUTO_LOCK_CHECK_MS);
      expect(await state()).toBe('locked');
      await c.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('locks a vault idle past its time on the first request after a wake-up, before the timer runs', async () => {
    // The timer checks every AUTO_LOCK_CHECK_MS; a computer asleep for days wakes with the vault
    // open, and a click before the next check used to count as activity and keep it open.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const clock = new FakeClock();
      const { c, events } = core(tempDir(), clock, true);
      await c.start();
      await c.dispatch('vault:create', { mode: 'passphrase', passphrase: 'long enough pass' });
      await c.dispatch('vault:set-auto-lock', { minutes: 15 });
      clock.advance(16 * 24 * 3600_000);
      const r = await c.dispatch('plan:list', undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
      expect(events.at(-1)?.state).toBe('locked');
      // A status poll after the same sleep finds it locked too; unlocking works as usual.
      await c.dispatch('vault:unlock', { passphrase: 'long enough pass' });
      clock.advance(16 * 60_000);
      expect(await c.dispatch('vault:status', undefined)).toMatchObject({
        ok: true,
        value: { state: 'locked' },
      });
      // Within the time, requests keep it open.
      await c.dispatch('vault:unlock', { passphrase: 'long enough pass' });
      clock.advance(14 * 60_000);
      expect(await c.dispatch('plan:list', undefined)).toMatchObject({ ok: true });
      clock.advance(14 * 60_000);
      expect(await c.dispatch('plan:list', undefined)).toMatchObject({ ok: true });
      await c.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
