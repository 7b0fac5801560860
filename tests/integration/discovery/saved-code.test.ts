/**
 * An IMAP scan with the code the mail backup kept ("use the saved code"), through the core: the
 * code is resolved in main from the same keeper `mail:saved-code` answers from, never appears in a
 * result or an event, and without a kept code the scan fails as the backup does.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryResults } from '../../../electron/common/contract/discovery';
import type { MailFinished } from '../../../electron/common/contract/mail';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { loadCorpus } from '../../fixtures/discovery/evaluate';
import { keyFileFor, TEST_KDF, tempDir } from '../../unit/vault/helpers';
import { appInfo, writeCorpusMaildir } from './helpers';

const corpus = loadCorpus();
const CODE = 'kept-code-51c0e7a2';
const PASSPHRASE = 'correct horse battery';

describe.skipIf(!dovecotAvailable())('discovery over IMAP with the saved authorization code', () => {
  let server: DovecotServer;
  let written = 0;

  beforeAll(async () => {
    server = await startDovecot({ users: [{ user: corpus.user, password: CODE }] });
    written = writeCorpusMaildir(server.maildirRoot, corpus, { limit: 300 });
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', server.maildirRoot]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('scans with the code kept by the mail backup, resolved in main, and fails once it is forgotten', async () => {
    const dataDir = tempDir();
    const backupDir = tempDir();
    const core = createCore({
      dataDir,
      // The folder dialog answers the mail backup's folder.
      desktop: {
        chooseFolder: async () => backupDir,
        openPath: async () => {},
        saveFile: async () => null,
        printToPdf: async () => new Uint8Array(),
      },
      appInfo,
      keyProvider: createFileKeyProvider(keyFileFor(dataDir)),
      vaultKdfCost: TEST_KDF,
      autoLockTimer: false,
      trustedCa: server.caCertPem,
    });
    const seen: string[] = [];
    let finished: ((f: MailFinished) => void) | null = null;
    core.onEvent((event, payload) => {
      seen.push(JSON.stringify({ event, payload }));
      if (event === 'mail:finished') finished?.(payload as MailFinished);
    });
    await core.start();
    try {
      expect(
        await core.dispatch('vault:create', { mode: 'passphrase', passphrase: PASSPHRASE }),
      ).toMatchObject({
        ok: true,
      });
      expect(
        await core.dispatch('plan:apply', { type: 'plan.create', planId: 'p1', address: corpus.user }),
      ).toMatchObject({ ok: true });
      const account = {
        address: corpus.user,
        host: '127.0.0.1',
        port: server.tlsPort,
        secure: true,
      };
      const scan = (source: Record<string, unknown>) =>
        core.dispatch('discovery:scan', { planId: 'p1', source: { kind: 'imap', account, ...source } });

      // Exactly one of the two.
      for (const bad of [{}, { authCode: CODE, useSavedCode: true }, { useSavedCode: false }])
        expect(await scan(bad), JSON.stringify(bad)).toMatchObject({
          ok: false,
          error: { code: 'ipc.invalid-arguments' },
        });
      // Nothing kept yet: the backup's own error.
      expect(await scan({ useSavedCode: true })).toMatchObject({
        ok: false,
        error: { code: 'mail.code-required' },
      });

      const done = new Promise<MailFinished>((resolve) => (finished = resolve));
      expect(await core.dispatch('app:choose-folder', { purpose: 'mail-backup' })).toMatchObject({
        ok: true,
      });
      expect(
        await core.dispatch('mail:start-backup', {
          planId: 'p1',
          account,
          authCode: CODE,
          saveCode: true,
          targetDir: backupDir,
        }),
      ).toMatchObject({ ok: true });
      expect((await done).outcome).toBe('completed');
      // Locking drops the session's copy, so what the scan uses next is the vault's.
      await core.dispatch('vault:lock', undefined);
      expect(await core.dispatch('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      expect(await core.dispatch('mail:saved-code', { address: corpus.user })).toEqual({
        ok: true,
        value: { hasSavedCode: true },
      });

      const r = await scan({ useSavedCode: true });
      expect(r.ok).toBe(true);
      const results = (r as { value: DiscoveryResults }).value;
      expect(results.messages).toBe(written);
      expect(results.source).toEqual({ kind: 'imap', label: corpus.user });
      expect(results.findings.find((f) => f.id === 'domain:cmbchina.com')?.hasAccount).toBe(true);
      expect(JSON.stringify(results)).not.toContain(CODE);
      expect(seen.some((e) => e.includes('discovery:progress'))).toBe(true);
      for (const e of seen) expect(e).not.toContain(CODE);

      expect(await core.dispatch('mail:forget-code', { address: corpus.user })).toMatchObject({ ok: true });
      expect(await scan({ useSavedCode: true })).toMatchObject({
        ok: false,
        error: { code: 'mail.code-required' },
      });
      // The last good results are still there: a refused scan does not replace them.
      expect(await core.dispatch('discovery:results', { planId: 'p1' })).toMatchObject({
        ok: true,
        value: { messages: written },
      });
    } finally {
      await core.close();
    }
  });
});
