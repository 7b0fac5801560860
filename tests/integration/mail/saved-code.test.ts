/**
 * "Keep the code" through the core: the authorization code is kept in the vault document, survives
 * lock/unlock and a restart, is never in any file in plaintext nor in any result or event, and
 * `mail:forget-code` removes it.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailFinished } from '../../../electron/common/contract/mail';
import { createCore, type Core } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { keyFileFor, TEST_KDF, tempDir } from '../../unit/vault/helpers';
import { appInfo } from './helpers';

const CODE = 'keep-me-7f3a9c41d2';
const PASSPHRASE = 'correct horse battery';

function core(
  dataDir: string,
  trustedCa: string,
  pick: string | null = null,
): { c: Core; seen: string[]; finished: () => Promise<MailFinished> } {
  const c = createCore({
    dataDir,
    // The folder dialog answers the backup folder (the first session only; later ones use the record).
    desktop: {
      chooseFolder: async () => pick,
      openPath: async () => {},
      saveFile: async () => null,
      printToPdf: async () => new Uint8Array(),
    },
    appInfo,
    keyProvider: createFileKeyProvider(keyFileFor(dataDir)),
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
    trustedCa,
  });
  const seen: string[] = [];
  let waiters: ((f: MailFinished) => void)[] = [];
  c.onEvent((event, payload) => {
    seen.push(JSON.stringify({ event, payload }));
    if (event === 'mail:finished') {
      for (const w of waiters) w(payload as MailFinished);
      waiters = [];
    }
  });
  return { c, seen, finished: () => new Promise((r) => waiters.push(r)) };
}

/** Every byte under `dir`, file by file. */
async function filesUnder(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile())
      out.push({ path: join(e.parentPath, e.name), bytes: await readFile(join(e.parentPath, e.name)) });
  }
  return out;
}

describe.skipIf(!dovecotAvailable())('mail: keeping the authorization code in the vault', () => {
  let s: DovecotServer;
  beforeAll(async () => {
    s = await startDovecot({
      users: [{ user: 'keeper@163.com', password: CODE, fixture: { messages: 40, seed: 5 } }],
    });
  });
  afterAll(() => s?.stop());

  it('keeps it across lock/unlock and a restart, never in plaintext on disk, and forgets it on request', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir();
    const account = {
      address: s.user,
      host: s.host,
      port: s.tlsPort,
      secure: true,
    };
    const first = core(dataDir, s.caCertPem, backupDir);
    await first.c.start();
    expect(
      await first.c.dispatch('vault:create', { mode: 'passphrase', passphrase: PASSPHRASE }),
    ).toMatchObject({ ok: true });
    expect(await first.c.dispatch('plan:create', { address: s.user, planId: 'p1' })).toMatchObject({
      ok: true,
    });
    expect(await first.c.dispatch('app:choose-folder', { purpose: 'mail-backup' })).toMatchObject({
      ok: true,
    });
    expect(await first.c.dispatch('mail:saved-code', { address: s.user })).toEqual({
      ok: true,
      value: { hasSavedCode: false },
    });

    const done = first.finished();
    const started = await first.c.dispatch('mail:start-backup', {
      planId: 'p1',
      account,
      authCode: CODE,
      saveCode: true,
      targetDir: backupDir,
    });
    expect(started).toMatchObject({ ok: true });
    expect((await done).outcome).toBe('completed');

    // Locking drops the session's copy: what answers after unlock is the vault's.
    await first.c.dispatch('vault:lock', undefined);
    expect(await first.c.dispatch('mail:saved-code', { address: s.user })).toEqual({
      ok: true,
      value: { hasSavedCode: false },
    });
    expect(await first.c.dispatch('mail:test-connection', { account, useSavedCode: true })).toMatchObject({
      ok: false,
      error: { code: 'mail.code-required' },
    });
    expect(await first.c.dispatch('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await first.c.dispatch('mail:saved-code', { address: s.user.toUpperCase() })).toEqual({
      ok: true,
      value: { hasSavedCode: true },
    });
    expect(await first.c.dispatch('mail:test-connection', { account, useSavedCode: true })).toMatchObject({
      ok: true,
      value: { messages: 40 },
    });
    await first.c.close();

    for (const f of await filesUnder(dataDir)) {
      expect(f.bytes.includes(CODE), `${f.path} holds the code in plaintext`).toBe(false);
      expect(f.bytes.includes(Buffer.from(CODE, 'utf16le')), `${f.path} holds the code (UTF-16)`).toBe(false);
    }

    // A restart: a new core over the same folder, unlocked with the passphrase. Nothing is chosen in
    // this session: the backup folder main recorded for the plan is used again.
    const second = core(dataDir, s.caCertPem);
    await second.c.start();
    await second.c.dispatch('vault:unlock', { passphrase: PASSPHRASE });
    const verified = await second.c.dispatch('mail:verify', {
      planId: 'p1',
      account,
      useSavedCode: true,
      targetDir: backupDir,
    });
    expect(verified).toMatchObject({ ok: true, value: { passed: true } });
    expect(await second.c.dispatch('mail:forget-code', { address: s.user })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await second.c.dispatch('mail:saved-code', { address: s.user })).toEqual({
      ok: true,
      value: { hasSavedCode: false },
    });
    expect(await second.c.dispatch('mail:test-connection', { account, useSavedCode: true })).toMatchObject({
      ok: false,
      error: { code: 'mail.code-required' },
    });
    await second.c.close();

    // Forgotten for good: not back after another restart either.
    const third = core(dataDir, s.caCertPem);
    await third.c.start();
    await third.c.dispatch('vault:unlock', { passphrase: PASSPHRASE });
    expect(await third.c.dispatch('mail:saved-code', { address: s.user })).toEqual({
      ok: true,
      value: { hasSavedCode: false },
    });
    await third.c.close();

    for (const log of [...first.seen, ...second.seen, ...third.seen]) expect(log).not.toContain(CODE);
    await rm(backupDir, { recursive: true, force: true });
  });
});
