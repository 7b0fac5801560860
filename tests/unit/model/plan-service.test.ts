import { describe, expect, it } from 'vitest';
import type { PlanApplied, PlanHistory, PlanView } from '../../../electron/common/contract/plan';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { createPlanService, mailVerificationRecorder } from '../../../electron/main/services/plan-service';
import { Vault } from '../../../electron/main/vault/vault';
import { vaultDocumentCodec } from '../../../electron/main/vault/codec';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

function core(dir: string, clock: FakeClock) {
  const c = createCore({
    dataDir: dir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dir)),
    clock,
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
  });
  const changed: PlanApplied[] = [];
  c.onEvent((event, payload) => {
    if (event === 'plan:changed') changed.push(payload as PlanApplied);
  });
  return { c, changed };
}

describe('plan service over the real vault', () => {
  it('applies commands durably, answers with the new state (no plan:changed for what the window asked), and serves list and history', async () => {
    const dir = tempDir();
    const clock = new FakeClock(Date.parse('2026-03-01T08:00:00.000Z'));
    const { c, changed } = core(dir, clock);
    await c.start();
    // No channel serves the catalog: the renderer imports it from electron/common.
    expect(await c.dispatch('catalog:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'ipc.unknown-channel' },
    });
    expect(await c.dispatch('plan:list', undefined)).toMatchObject({
      ok: false,
      error: { code: 'vault.locked' },
    });
    await c.dispatch('vault:create', { mode: 'keychain' });

    const created = await c.dispatch('plan:create', { address: ' Zhang@163.com ', planId: 'p1' });
    expect(created).toMatchObject({
      ok: true,
      value: { plan: { id: 'p1', address: 'zhang@163.com' }, readiness: { status: 'deciding' } },
    });
    expect(await c.dispatch('plan:create', { address: 'zhang@163.com' })).toMatchObject({
      ok: false,
      error: { code: 'plan.duplicate-address' },
    });

    clock.advance(86_400_000);
    const decided = await c.dispatch('plan:apply', { type: 'plan.decide', planId: 'p1' });
    expect(decided).toMatchObject({
      ok: true,
      value: {
        view: { readiness: { status: 'not-ready' } },
        events: [{ type: 'plan.phase-changed', to: 'preparing' }],
      },
    });
    expect(
      await c.dispatch('plan:apply', {
        type: 'asset.upsert',
        planId: 'p1',
        asset: {
          id: 'a',
          serviceId: null,
          kind: 'points',
          label: 'x',
          amount: { measure: 'units', amount: -1, unit: 'pt' },
          status: 'open',
        },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid-arguments' },
    });
    expect(await c.dispatch('plan:apply', { type: 'plan.submit', planId: 'p1' })).toMatchObject({
      ok: false,
      error: { code: 'plan.risks-unacknowledged' },
    });
    // The window that asked got the new state in the reply: it is not sent a second time.
    expect(changed).toEqual([]);

    const history = (await c.dispatch('plan:history', { planId: 'p1', utcOffsetMinutes: 480 })) as {
      ok: true;
      value: PlanHistory;
    };
    expect(history.value.entries.map((e) => e.command.type)).toEqual(['plan.create', 'plan.decide']);
    expect(history.value.burndown.map((p) => p.date)).toEqual(['2026-03-01', '2026-03-02']);
    expect(history.value.timeline[1]?.summary.key).toBe('domain.timeline.plan.decide');
    await c.close();

    // A fresh core on the same folder reads back what was saved.
    const again = core(dir, clock);
    await again.c.start();
    const list = (await again.c.dispatch('plan:list', undefined)) as { ok: true; value: PlanView[] };
    expect(list.value.map((v) => [v.plan.id, v.plan.phase, v.readiness.status])).toEqual([
      ['p1', 'preparing', 'not-ready'],
    ]);
    expect(await again.c.dispatch('plan:history', { planId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'plan.not-found' },
    });
    await again.c.close();
  });

  it('records a verified mail backup for the mail service', async () => {
    const dir = tempDir();
    const clock = new FakeClock(Date.parse('2026-03-01T08:00:00.000Z'));
    const vault = new Vault({
      dataDir: dir,
      keyProvider: createFileKeyProvider(keyFileFor(dir)),
      clock,
      codec: vaultDocumentCodec,
      kdfCost: TEST_KDF,
    });
    await vault.create({ mode: 'keychain' });
    const events: string[] = [];
    const plans = createPlanService({ clock, store: vault, emit: (e) => events.push(e) });
    await plans.apply({ type: 'plan.create', planId: 'p1', address: 'a@126.com' });
    const record = mailVerificationRecorder(plans);
    expect(
      await record('p1', {
        verifiedAt: '2026-03-01T07:00:00.000Z',
        messages: 120,
        folders: 4,
        bytes: 9000,
        location: '/b',
      }),
    ).toEqual({ ok: true, value: undefined });
    expect(vault.read().plans[0]?.backups.mail).toMatchObject({
      status: 'done',
      verification: { messages: 120, folders: 4, location: '/b' },
    });
    expect(
      await record('missing', {
        verifiedAt: '2026-03-01T07:00:00.000Z',
        messages: 1,
        folders: 1,
        bytes: 1,
        location: '/b',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'plan.not-found' },
    });
    expect(events).toEqual(['plan:changed', 'plan:changed']);

    // The window cannot record one: plan:apply refuses it and the plan keeps main's own record.
    const fromPage = await plans.handlers['plan:apply']({
      type: 'backup.record-verification',
      planId: 'p1',
      kind: 'mail',
      verifiedAt: '2026-03-01T07:30:00.000Z',
      messages: 999,
      folders: 1,
      bytes: 1,
      location: '/elsewhere',
    });
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'plan.verified-by-app' } });
    expect(vault.read().plans[0]?.backups.mail).toMatchObject({
      verification: { messages: 120, location: '/b' },
    });
  });
});
