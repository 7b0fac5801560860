/**
 * Times a caller gives are bounded (1990-01-01 .. now + 100 years): `reminders:add` with
 * at = 2^53-1 reached the vault and made the reminders screen's Intl date formatting throw, and
 * plan commands accepted year 0000. Driven through the real core's validating dispatcher.
 */
import { describe, expect, it } from 'vitest';
import { apply } from '../../../electron/common/model/reducer';
import { emptyDocument } from '../../../electron/common/model/document';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

const NOW = Date.parse('2026-03-01T08:00:00.000Z');

async function unlockedCore() {
  const dir = tempDir();
  const c = createCore({
    dataDir: dir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dir)),
    clock: new FakeClock(NOW),
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
  });
  await c.start();
  await c.dispatch('vault:create', { mode: 'keychain' });
  expect(await c.dispatch('plan:create', { address: 'zhang@163.com', planId: 'p1' })).toMatchObject({
    ok: true,
  });
  return c;
}

describe('bounded input times', () => {
  it('reminders:add refuses at = 2^53-1, year 0000 and 1970, and still takes a time next week', async () => {
    const c = await unlockedCore();
    const add = (at: number) => c.dispatch('reminders:add', { planId: 'p1', item: null, title: 'Check', at });
    for (const at of [
      Number.MAX_SAFE_INTEGER,
      Date.UTC(0, 0, 1) - 1900 * 365 * 86_400_000,
      0,
      Date.UTC(1989, 11, 31),
    ]) {
      expect(await add(at), String(at)).toMatchObject({
        ok: false,
        error: { code: 'ipc.invalid-arguments' },
      });
    }
    const tooFar = Date.now() + 101 * 365 * 86_400_000;
    expect(await add(tooFar)).toMatchObject({ ok: false, error: { code: 'ipc.invalid-arguments' } });
    const snooze = await c.dispatch('reminders:snooze', {
      id: 'x',
      choice: { kind: 'at', at: Number.MAX_SAFE_INTEGER },
    });
    expect(snooze).toMatchObject({ ok: false, error: { code: 'ipc.invalid-arguments' } });

    expect(await add(NOW + 7 * 86_400_000)).toMatchObject({ ok: true });
    const list = await c.dispatch('reminders:list', {});
    expect(list.ok).toBe(true);
    // Nothing out of range was stored.
    const upcoming = list.ok ? (list.value as { upcoming: { dueAt: number }[] }).upcoming : [];
    for (const r of upcoming) expect(r.dueAt).toBeLessThan(tooFar);
    await c.close();
  });

  it('plan commands refuse year 0000 and the far future, in the contract and in the reducer', async () => {
    const c = await unlockedCore();
    for (const command of [
      { type: 'security.set-last-change', planId: 'p1', at: '0000-01-01T00:00:00Z' },
      { type: 'security.set-last-change', planId: 'p1', at: '1989-12-31T23:59:59Z' },
      { type: 'binding.set', planId: 'p1', binding: 'phone', state: 'unbound', at: '0000-06-01T00:00:00Z' },
      { type: 'plan.withdraw', planId: 'p1', at: '9999-12-31T00:00:00Z' },
      { type: 'plan.close', planId: 'p1', closedAt: '0001-01-01T00:00:00Z' },
    ]) {
      expect(await c.dispatch('plan:apply', command), JSON.stringify(command)).toMatchObject({
        ok: false,
        error: { code: 'ipc.invalid-arguments' },
      });
    }
    expect(
      await c.dispatch('plan:apply', {
        type: 'security.set-last-change',
        planId: 'p1',
        at: '2025-05-01T00:00:00Z',
      }),
    ).toMatchObject({ ok: true });

    // The renderer runs the same reducer for instant feedback: it refuses too, with a translated code.
    const doc = emptyDocument('2026-03-01T08:00:00.000Z');
    const r = apply(
      doc,
      { type: 'security.set-last-change', planId: 'p1', at: '0000-01-01T00:00:00Z' },
      '2026-03-01T08:00:00.000Z',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'plan.invalid-date', params: { field: 'at' } } });
    await c.close();
  });
});
