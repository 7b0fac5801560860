import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/common/contract';
import type { DiscoveryResults } from '../../../electron/common/contract/discovery';
import { createDispatcher } from '../../../electron/main/dispatch';
import { DiscoveryAggregator } from '../../../electron/common/discovery/aggregate';
import { apply } from '../../../electron/common/model/reducer';
import { loadCorpus } from '../../fixtures/discovery/evaluate';
import { discoveryWithPlan, tempDir, writeCorpusMaildir } from './helpers';

const corpus = loadCorpus();

async function scanned(path: string) {
  const d = await discoveryWithPlan(corpus.user);
  const r = await d.service.handlers['discovery:scan']({
    planId: d.planId,
    source: { kind: 'maildir', path },
  });
  if (!r.ok) throw new Error(r.error.code);
  return { ...d, results: r.value as DiscoveryResults };
}

describe('discovery over a Maildir (no network)', () => {
  it('reads every message file, skips junk, and finds what the pure aggregator finds from the same headers', async () => {
    const root = tempDir();
    const written = writeCorpusMaildir(root, corpus);
    const { results, events, planId } = await scanned(root);
    expect(results.messages).toBe(written);
    expect(results.skippedFolders).toEqual(['Junk']);
    expect(results.findings.some((f) => f.domain.includes('spam-lottery'))).toBe(false);
    // Same verdicts as feeding the header blocks straight in: the scanner hands over exactly the header.
    const agg = new DiscoveryAggregator([corpus.user]);
    for (const s of corpus.senders) for (const m of s.messages) agg.addHeaderBlock(m);
    const expected = agg.findings().map((f) => [f.id, f.verdict, f.evidence.messages]);
    expect(results.findings.map((f) => [f.id, f.verdict, f.evidence.messages]).sort()).toEqual(
      expected.sort(),
    );
    // The bodies say 验证码 / verify your account; had they been read, personal mail would carry account cues.
    expect(
      results.findings.filter((f) => f.verdict === 'personal').every((f) => f.evidence.lifecycle === 0),
    ).toBe(true);
    const progress = events
      .filter((e) => e.event === 'discovery:progress')
      .map((e) => e.payload as { planId: string; messagesDone: number; phase: string });
    expect(progress.at(-1)).toMatchObject({ planId, phase: 'classifying', messagesDone: written });
    // Nothing was renamed or flagged.
    expect(readdirSync(join(root, 'cur')).every((n) => n.endsWith(':2,'))).toBe(true);
  });

  it('reads a Closeout backup folder (Maildir inside) and reports a missing folder as discovery.maildir-not-found', async () => {
    const target = tempDir();
    writeCorpusMaildir(join(target, 'Maildir'), corpus, { limit: 50 });
    const { results } = await scanned(target);
    expect(results.messages).toBe(50);
    const d = await discoveryWithPlan(corpus.user);
    const dispatch = createDispatcher(d.service.handlers as unknown as Handlers);
    const missing = await dispatch('discovery:scan', {
      planId: d.planId,
      source: { kind: 'maildir', path: join(target, 'nope') },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'discovery.maildir-not-found' } });
    // The failed scan released the plan: the next one runs.
    expect(
      (await dispatch('discovery:scan', { planId: d.planId, source: { kind: 'maildir', path: target } })).ok,
    ).toBe(true);
  });

  it('adds reviewed findings through the plan reducer, once, however often it is clicked or re-scanned', async () => {
    const root = tempDir();
    writeCorpusMaildir(root, corpus);
    const { service, vault, planId, results, events } = await scanned(root);
    const h = service.handlers;
    const bank = results.findings.find((f) => f.id === 'domain:cmbchina.com')!;
    const music = results.findings.find((f) => f.id === 'netease:music')!;
    expect(bank.inPlan).toBeNull();
    const clicks = await Promise.all(
      [1, 2, 3].map(() => h['discovery:add']({ planId, findingId: bank.id, as: 'site' })),
    );
    expect(clicks.map((c) => (c.ok ? c.value.status : c.error.code)).sort()).toEqual([
      'added',
      'already',
      'already',
    ]);
    const svc = await h['discovery:add']({ planId, findingId: music.id, as: 'service' });
    // The catalog puts Cloud Music in every new plan, so the scan links to that entry instead of adding a second.
    expect(svc).toMatchObject({ ok: true, value: { status: 'already', link: { section: 'service' } } });
    const other = results.findings.find((f) => f.id === 'netease:ds.163.com')!;
    expect(await h['discovery:add']({ planId, findingId: other.id, as: 'service' })).toMatchObject({
      ok: true,
      value: { status: 'added' },
    });
    expect(await h['discovery:add']({ planId, findingId: other.id, as: 'service' })).toMatchObject({
      ok: true,
      value: { status: 'already' },
    });
    const personal = results.findings.find((f) => f.verdict === 'personal')!;
    expect(await h['discovery:add']({ planId, findingId: personal.id, as: 'site' })).toMatchObject({
      ok: false,
      error: { code: 'discovery.not-addable' },
    });
    expect(await h['discovery:add']({ planId, findingId: bank.id, as: 'service' })).toMatchObject({
      ok: false,
      error: { code: 'discovery.not-addable' },
    });
    expect(
      await h['discovery:add']({ planId, findingId: 'domain:never-seen.example', as: 'site' }),
    ).toMatchObject({ ok: false, error: { code: 'discovery.unknown-finding' } });

    // Each real addition went through the plan service, which told every window; the no-ops did not.
    expect(events.filter((e) => e.event === 'plan:changed')).toHaveLength(2);

    const again = await h['discovery:scan']({ planId, source: { kind: 'maildir', path: root } });
    expect(again.ok).toBe(true);
    const plan = vault.read().plans.find((p) => p.id === planId)!;
    expect(plan.sites.filter((s) => s.domain === 'cmbchina.com')).toHaveLength(1);
    expect(plan.sites.find((s) => s.domain === 'cmbchina.com')).toMatchObject({
      name: '招商银行',
      category: 'bank',
      status: 'todo',
    });
    expect(plan.services.filter((s) => s.catalogId === 'music')).toHaveLength(1);
    expect(plan.services.filter((s) => s.catalogId === null)).toHaveLength(1);
    const listed = await h['discovery:results']({ planId });
    const linked = listed.ok && listed.value ? listed.value.findings.filter((f) => f.inPlan) : [];
    expect(linked.map((f) => f.id)).toEqual(
      expect.arrayContaining(['domain:cmbchina.com', 'netease:music', 'netease:ds.163.com']),
    );

    // A site the user typed by hand for the same domain is recognised too.
    const typed = await vault.update((doc) => {
      const r = apply(
        doc,
        {
          type: 'site.upsert',
          planId,
          site: { id: 'my-jd', name: 'JD', domain: 'JD.com', category: 'shopping', status: 'todo' },
        },
        '2026-11-01T00:00:00.000Z',
      );
      return r.ok ? { ok: true, value: { doc: r.value.doc, value: undefined } } : r;
    });
    expect(typed.ok).toBe(true);
    expect(await h['discovery:add']({ planId, findingId: 'domain:jd.com', as: 'site' })).toEqual({
      ok: true,
      value: { status: 'already', link: { section: 'site', itemId: 'my-jd' } },
    });
  });

  it('refuses to add phishing or a platform as a site, and adds a NetEase product as a custom linked service', async () => {
    const root = tempDir();
    writeCorpusMaildir(root, corpus);
    const { service, vault, planId, results } = await scanned(root);
    const h = service.handlers;
    const phishing = results.findings.find((f) => f.id === 'domain:paypal-resolution.top')!;
    expect(phishing).toMatchObject({ verdict: 'suspicious', suggest: null, imitates: 'paypal' });
    const platform = results.findings.find((f) => f.id === 'domain:nuonuo.com')!;
    expect(platform.verdict).toBe('on-behalf');
    for (const f of [phishing, platform])
      for (const as of ['site', 'service'] as const)
        expect(await h['discovery:add']({ planId, findingId: f.id, as })).toMatchObject({
          ok: false,
          error: { code: 'discovery.not-addable' },
        });
    const nsh = results.findings.find((f) => f.id === 'netease:product.nsh')!;
    expect(await h['discovery:add']({ planId, findingId: nsh.id, as: 'service' })).toMatchObject({
      ok: true,
      value: { status: 'added', link: { section: 'service' } },
    });
    const plan = vault.read().plans.find((p) => p.id === planId)!;
    expect(plan.services.filter((s) => s.catalogId === null && s.name === '逆水寒')).toHaveLength(1);
    expect(plan.sites.some((s) => s.domain === 'paypal-resolution.top' || s.domain === 'nuonuo.com')).toBe(
      false,
    );
  });

  it('stops when cancelled, keeps what it read, and refuses a second scan of the same plan meanwhile', async () => {
    const root = tempDir();
    const written = writeCorpusMaildir(root, corpus);
    let cancel: (() => void) | null = null;
    let busy: unknown = null;
    const d = await discoveryWithPlan(corpus.user, (event, payload) => {
      const p = payload as { messagesDone: number };
      if (event === 'discovery:progress' && p.messagesDone >= 1000 && cancel) {
        cancel();
        cancel = null;
      }
    });
    const h = d.service.handlers;
    cancel = () => {
      void h['discovery:cancel']({ planId: d.planId });
      busy = h['discovery:scan']({ planId: d.planId, source: { kind: 'maildir', path: root } });
    };
    const r = await h['discovery:scan']({ planId: d.planId, source: { kind: 'maildir', path: root } });
    expect(r.ok && r.value.cancelled).toBe(true);
    const read = r.ok ? r.value.messages : 0;
    expect(read).toBeGreaterThanOrEqual(1000);
    expect(read).toBeLessThan(written);
    expect(await busy).toMatchObject({ ok: false, error: { code: 'discovery.busy' } });
  });

  it.skipIf(process.platform === 'win32')(
    'skips a directory, FIFOs and a dangling link in cur/ and new/ without opening them, reports them, and reads the rest',
    async () => {
      const root = tempDir();
      const written = writeCorpusMaildir(root, corpus, { limit: 300 });
      // A directory where a message should be: reading it used to abort the scan with EISDIR.
      mkdirSync(join(root, 'cur', '1700000000.Mdir.fixture:2,'));
      writeFileSync(join(root, 'cur', '1700000000.Mdir.fixture:2,', 'inner'), 'From: a@b.c\r\n\r\n');
      // A FIFO with no writer: opening it for reading would block the scan past cancel.
      execFileSync('mkfifo', [join(root, 'cur', '1700000001.Mfifo.fixture:2,')]);
      execFileSync('mkfifo', [join(root, 'new', '1700000002.Mfifo2.fixture')]);
      symlinkSync(join(root, 'nowhere'), join(root, 'cur', '1700000003.Mlink.fixture:2,'));
      const started = Date.now();
      const { results } = await scanned(root);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(results.messages).toBe(written);
      expect(results.cancelled).toBe(false);
      expect(results.skippedEntries.count).toBe(4);
      expect(results.skippedEntries.samples.map((s) => [s.path, s.reason]).sort()).toEqual([
        [join('cur', '1700000000.Mdir.fixture:2,'), 'directory'],
        [join('cur', '1700000001.Mfifo.fixture:2,'), 'fifo'],
        [join('cur', '1700000003.Mlink.fixture:2,'), 'unreadable'],
        [join('new', '1700000002.Mfifo2.fixture'), 'fifo'],
      ]);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'checks cancel between entries, so a folder of FIFOs and directories still stops at once',
    async () => {
      const root = tempDir();
      writeCorpusMaildir(root, corpus, { limit: 20 });
      for (let i = 0; i < 40; i++) {
        execFileSync('mkfifo', [join(root, 'cur', `17000001${i}.Mfifo.fixture:2,`)]);
        mkdirSync(join(root, 'cur', `17000002${i}.Mdir.fixture:2,`));
      }
      let seen = 0;
      const d = await discoveryWithPlan(corpus.user, (event) => {
        if (event === 'discovery:progress' && ++seen === 2)
          void d.service.handlers['discovery:cancel']({ planId: d.planId });
      });
      const r = await d.service.handlers['discovery:scan']({
        planId: d.planId,
        source: { kind: 'maildir', path: root },
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      // Cancelled as the folder opened: no entry was read, none hung.
      expect(r.value.cancelled).toBe(true);
      expect(r.value.messages).toBe(0);
    },
  );

  it('without a scan there is nothing to add', async () => {
    const d = await discoveryWithPlan(corpus.user);
    expect(
      await d.service.handlers['discovery:add']({ planId: d.planId, findingId: 'domain:jd.com', as: 'site' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'discovery.no-results' },
    });
    expect(await d.service.handlers['discovery:results']({ planId: d.planId })).toEqual({
      ok: true,
      value: null,
    });
  });
});
