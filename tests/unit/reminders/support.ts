import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PlanCommand } from '../../../electron/common/model';
import type { VaultDocument } from '../../../electron/common/model/document';
import { createCore, type Core } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { createManualPowerEvents, createRecordingNotifier } from '../../support/doubles/recording-notifier';
import { vaultDocumentCodec } from '../../../electron/main/vault/codec';
import { Vault, VAULT_FILE } from '../../../electron/main/vault/vault';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

export { FakeClock, tempDir };

export const STEPS = ['login', 'find-page', 'read-notice', 'preconditions', 'verify'] as const;
export const RISKS = [
  'data-unrecoverable',
  'linked-services-lost',
  'assets-zeroed',
  'bindings-removed',
  'address-recycled',
] as const;

/** The commands that take a fresh plan to the point where it can be submitted. */
export function readyCommands(planId: string): PlanCommand[] {
  return [
    { type: 'plan.decide', planId },
    ...RISKS.map(
      (riskId) => ({ type: 'risk.acknowledge', planId, riskId, acknowledged: true }) as PlanCommand,
    ),
    ...STEPS.map((stepId) => ({ type: 'step.set', planId, stepId, status: 'done' }) as PlanCommand),
  ];
}

export function startCore(dir: string, clock: FakeClock) {
  const notifier = createRecordingNotifier();
  const power = createManualPowerEvents();
  const core = createCore({
    dataDir: dir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dir)),
    clock,
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
    notifier,
    powerEvents: power,
    locale: () => 'en',
  });
  const events: { event: string; payload: unknown }[] = [];
  core.onEvent((event, payload) => events.push({ event, payload }));
  return { core, notifier, power, events };
}

export async function must<T = unknown>(core: Core, channel: string, input?: unknown): Promise<T> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

export async function submittedPlan(
  core: Core,
  planId: string,
  address: string,
  submittedAt?: string,
): Promise<void> {
  await must(core, 'plan:create', { address, planId });
  for (const c of readyCommands(planId)) await must(core, 'plan:apply', c);
  await must(core, 'plan:apply', {
    type: 'plan.submit',
    planId,
    ...(submittedAt ? { submittedAt } : {}),
    override: { reason: 'test: gates not tracked here' },
  });
}

/**
 * Copies the vault file as it is on disk right now (synchronously, e.g. from inside a notifier),
 * to be decrypted later: proof of what had been saved at that moment.
 */
export function snapshotVault(dir: string): string {
  const copy = tempDir();
  mkdirSync(copy, { recursive: true });
  copyFileSync(join(dir, VAULT_FILE), join(copy, VAULT_FILE));
  return copy;
}

export async function readSnapshot(
  copy: string,
  originalDir: string,
  clock: FakeClock,
): Promise<VaultDocument> {
  const vault = new Vault({
    dataDir: copy,
    keyProvider: createFileKeyProvider(keyFileFor(originalDir)),
    clock,
    codec: vaultDocumentCodec,
    kdfCost: TEST_KDF,
  });
  await vault.open();
  await vault.unlock({});
  expect(vault.isUnlocked()).toBe(true);
  return vault.read();
}
