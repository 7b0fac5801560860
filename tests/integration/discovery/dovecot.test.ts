import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/dispatch';
import type { Handlers } from '../../../electron/common/contract';
import type { DiscoveryResults } from '../../../electron/common/contract/discovery';
import { dovecotAvailable, startDovecot, type DovecotServer } from '../../support/dovecot';
import { loadCorpus } from '../../fixtures/discovery/evaluate';
import { discoveryWithPlan, writeCorpusMaildir } from './helpers';

const corpus = loadCorpus();
const hasDovecot = dovecotAvailable();
const CODE = 'corpus-auth-code';

describe.skipIf(!hasDovecot)('discovery over IMAP against Dovecot', () => {
  let server: DovecotServer;
  let written = 0;

  beforeAll(async () => {
    server = await startDovecot({ users: [{ user: corpus.user, password: CODE }] });
    written = writeCorpusMaildir(server.maildirRoot, corpus);
    // As root the mailbox belongs to the unprivileged mail user (see tests/support/dovecot.ts).
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', '65534:65534', server.maildirRoot]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const account = () => ({
    address: corpus.user,
    host: '127.0.0.1',
    port: server.tlsPort,
    secure: true,
  });

  it('finds from headers alone, over TLS with IMAP ID, what the Maildir scan of the same mailbox finds', async () => {
    const d = await discoveryWithPlan(corpus.user, undefined, server.caCertPem);
    const dispatch = createDispatcher(d.service.handlers as unknown as Handlers);
    const imap = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'imap', account: account(), authCode: CODE },
    });
    expect(imap.ok).toBe(true);
    const viaImap = (imap as { value: DiscoveryResults }).value;
    expect(viaImap.messages).toBe(written);
    expect(viaImap.skippedFolders).toContain('Junk');
    const local = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'maildir', path: server.maildirRoot },
    });
    const viaMaildir = (local as { value: DiscoveryResults }).value;
    const shape = (r: DiscoveryResults) =>
      r.findings
        .map((f) => `${f.id} ${f.verdict} ${f.evidence.messages} ${f.sampleSubjects.join('|')}`)
        .sort();
    expect(shape(viaImap)).toEqual(shape(viaMaildir));
    for (const id of [
      'domain:cmbchina.com',
      'domain:10086.cn',
      'domain:weibo.com',
      'domain:jd.com',
      'netease:music',
      'netease:yanxuan',
    ]) {
      expect(viaImap.findings.find((f) => f.id === id)?.hasAccount, id).toBe(true);
    }
    const progress = d.events
      .filter((e) => e.event === 'discovery:progress')
      .map((e) => e.payload as { phase: string; messagesTotal: number });
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['connecting', 'listing', 'scanning', 'classifying']),
    );
    expect(progress.at(-1)?.messagesTotal).toBe(written);
    // imapflow sent ID with our name (NetEase refuses SELECT without it), and nothing was marked read.
    expect(await server.readLog()).toMatch(/ID sent: name=Closeout/i);
    const names = readdirSync(join(server.maildirRoot, 'cur'));
    expect(names.filter((n) => /:2,.*S/.test(n))).toEqual([]);
  });

  it('stops mid-FETCH when cancelled, keeps what it read, and the plan can scan again', async () => {
    let cancel: (() => void) | null = null;
    const d = await discoveryWithPlan(
      corpus.user,
      (event, payload) => {
        const p = payload as { messagesDone: number; phase: string };
        if (event === 'discovery:progress' && p.phase === 'scanning' && p.messagesDone >= 1000 && cancel) {
          cancel();
          cancel = null;
        }
      },
      server.caCertPem,
    );
    const dispatch = createDispatcher(d.service.handlers as unknown as Handlers);
    cancel = () => void dispatch('discovery:cancel', { planId: d.planId });
    const r = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'imap', account: account(), authCode: CODE },
    });
    const stopped = (r as { value: DiscoveryResults }).value;
    expect(stopped.cancelled).toBe(true);
    expect(stopped.messages).toBeGreaterThanOrEqual(1000);
    expect(stopped.messages).toBeLessThan(written);
    const again = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'imap', account: account(), authCode: CODE },
    });
    expect(again).toMatchObject({ ok: true, value: { cancelled: false, messages: written } });
  });

  it('reports a wrong authorization code with the mail backup error code and keeps no results', async () => {
    const d = await discoveryWithPlan(corpus.user, undefined, server.caCertPem);
    const dispatch = createDispatcher(d.service.handlers as unknown as Handlers);
    const r = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'imap', account: account(), authCode: 'wrong' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'mail.auth-failed' } });
    expect(await dispatch('discovery:results', { planId: d.planId })).toEqual({ ok: true, value: null });
    // The same plan can scan again afterwards: the failed job did not stay "busy".
    const again = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'imap', account: account(), authCode: CODE },
    });
    expect(again.ok).toBe(true);
  });
});
