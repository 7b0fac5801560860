import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { EventName, EventPayload } from '../../../electron/common/contract';
import { apply } from '../../../electron/common/model/reducer';
import type { VaultDocument } from '../../../electron/common/model/document';
import { createDiscoveryService } from '../../../electron/main/mail/discovery/discovery-service';
import { createPlanService } from '../../../electron/main/services/plan-service';
import { vaultDocumentCodec } from '../../../electron/main/vault/codec';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { Vault } from '../../../electron/main/vault/vault';
import { renderMessage, type Corpus } from '../../fixtures/discovery/generate';

export const appInfo = {
  name: 'Closeout',
  version: '0.1.0',
  platform: process.platform,
  runtime: 'harness' as const,
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'closeout-discovery-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A real vault (keychain mode with a key file) holding one plan for `address`, and the discovery service on it. */
export async function discoveryWithPlan(
  address: string,
  onEvent?: (event: EventName, payload: unknown) => void,
  /** The test server's CA, trusted through the service's test-only option (no channel carries a CA). */
  trustedCa?: string,
) {
  const dir = tempDir();
  const clock = { now: () => Date.UTC(2026, 10, 1) };
  const vault = new Vault<VaultDocument>({
    dataDir: join(dir, 'data'),
    keyProvider: createFileKeyProvider(join(dir, 'keychain', 'key')),
    clock,
    codec: vaultDocumentCodec,
    kdfCost: { logN: 10, r: 8, p: 1 },
  });
  await vault.open();
  await vault.create({ mode: 'keychain' });
  const planId = 'plan-1';
  const created = await vault.update((doc) => {
    const r = apply(doc, { type: 'plan.create', planId, address }, new Date(clock.now()).toISOString());
    return r.ok ? { ok: true, value: { doc: r.value.doc, value: undefined } } : r;
  });
  if (!created.ok) throw new Error(created.error.message);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const ctx = {
    clock,
    appInfo,
    store: vault,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      events.push({ event, payload });
      onEvent?.(event, payload);
    },
  };
  // Which folders may be scanned is main's rule (core.ts), tested in tests/unit/security/folder-channels.test.ts;
  // these tests are about reading the Maildirs they make.
  const service = createDiscoveryService(ctx, createPlanService(ctx), {
    mayScan: async () => true,
    ...(trustedCa ? { trustedCa } : {}),
  });
  return { vault, service, planId, events };
}

/**
 * Writes corpus messages as Maildir files: INBOX gets every message, plus a Junk folder of spam
 * that must not show up (the scan skips junk). Files carry no Seen flag, so a scan that changed
 * flags would show in the names.
 */
export function writeCorpusMaildir(
  root: string,
  corpus: Corpus,
  opts: { repeat?: number; limit?: number } = {},
): number {
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
  const junk = join(root, '.Junk');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(junk, sub), { recursive: true });
  writeFileSync(join(junk, 'maildirfolder'), '');
  const blocks = corpus.senders.flatMap((s) => s.messages);
  const total = opts.limit ?? blocks.length * (opts.repeat ?? 1);
  for (let i = 0; i < total; i++) {
    const block = blocks[i % blocks.length]!;
    writeFileSync(join(root, 'cur', `${1_700_000_000 + i}.M${i}P1.fixture:2,`), renderMessage(block, i));
  }
  for (let i = 0; i < 5; i++) {
    const spam = `From: "Winner" <prize@spam-lottery-${i}.biz>\r\nTo: ${corpus.user}\r\nSubject: 恭喜您注册成功，领取大奖 ${i}\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n`;
    writeFileSync(join(junk, 'cur', `${1_700_000_000 + i}.J${i}P1.fixture:2,`), renderMessage(spam, i));
  }
  return total;
}
