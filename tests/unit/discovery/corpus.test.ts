import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../fixtures/discovery/generate';
import { evaluate, loadCorpus } from '../../fixtures/discovery/evaluate';

/**
 * The accuracy floor, issue 16's bar on the corpus grown with its hard cases. Measured: precision
 * 0.987, recall 0.987, NetEase products 28/28 (see `npm run bench discovery-accuracy`).
 */
const FLOOR = 0.97;
const NETEASE_FLOOR = 0.95;

describe('labelled discovery corpus', () => {
  const corpus = loadCorpus();

  it('is what the committed generator produces, with at least 300 labelled senders of every kind', () => {
    expect(`${JSON.stringify(generateCorpus(), null, 1)}\n`).toBe(
      readFileSync(join(import.meta.dirname, '../../fixtures/discovery/corpus.json'), 'utf8'),
    );
    expect(corpus.senders.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(corpus.senders.map((s) => s.kind));
    for (const k of [
      'account',
      'netease',
      'guest-receipt',
      'newsletter',
      'personal',
      'mailing-list',
      'one-off',
      'netease-passport',
      'phishing',
      'fake-registration',
      'on-behalf',
    ])
      expect(kinds).toContain(k);
    const cats = new Set(corpus.senders.map((s) => s.category));
    for (const c of ['bank', 'carrier', 'social', 'shopping', 'game', 'work', 'government', 'other'])
      expect(cats).toContain(c);
  });

  it(`finds services holding an account with precision and recall of at least ${FLOOR}`, () => {
    const e = evaluate(corpus);
    expect(e.precision).toBeGreaterThanOrEqual(FLOOR);
    expect(e.recall).toBeGreaterThanOrEqual(FLOOR);
  });

  it(`names every NetEase product as its own finding (recall by product at least ${NETEASE_FLOOR}), never the passport's`, () => {
    const e = evaluate(corpus);
    expect(e.netease.n).toBeGreaterThanOrEqual(25);
    expect(e.netease.recall, e.netease.missed.join('\n')).toBeGreaterThanOrEqual(NETEASE_FLOOR);
    const byId = new Map(e.scored.map((s) => [s.sender.id, s.finding]));
    // The passport row holds the passport's own mail only, and is nothing to add.
    expect(byId.get('netease-passport')).toMatchObject({ verdict: 'netease-passport', suggest: null });
    expect(byId.get('netease-nsh')).toMatchObject({
      verdict: 'netease-service',
      suggest: 'service',
      catalogServiceId: null,
      knownName: { 'zh-CN': '逆水寒' },
      confidence: 'low',
    });
    expect(byId.get('netease-yys-svc')?.id).toBe('netease:game.yys');
  });

  it('never calls a phishing or fake-registration sender an account, and flags nearly all as suspicious', () => {
    const e = evaluate(corpus);
    expect(e.suspicious.n).toBeGreaterThanOrEqual(20);
    expect(e.deceptiveAsAccount).toEqual([]);
    const deceptive = e.scored.filter((s) => ['phishing', 'fake-registration'].includes(s.sender.kind));
    // What is flagged offers nothing to add. (The one miss, a one-off, still offers "add as a site":
    // hidden by the default filter, but a known gap.)
    for (const s of deceptive.filter((d) => d.finding?.verdict === 'suspicious'))
      expect(s.finding?.suggest, s.sender.id).toBeNull();
    expect(deceptive.filter((d) => d.finding?.verdict !== 'suspicious').map((d) => d.sender.id)).toEqual([
      'phishing-bec-invoice',
    ]);
    // Measured: all but the business-email-compromise "invoice" (no brand, no lookalike: a one-off).
    expect(e.suspicious.flagged / e.suspicious.n).toBeGreaterThanOrEqual(0.9);
    // And nothing else is: no legitimate sender carries the warning.
    const alarms = e.scored.filter(
      (s) =>
        !['phishing', 'fake-registration'].includes(s.sender.kind) && s.finding?.verdict === 'suspicious',
    );
    expect(alarms.map((s) => s.sender.id)).toEqual([]);
  });

  it('files platforms mailing for others under their own verdict, naming the merchant the mail names', () => {
    const e = evaluate(corpus);
    expect(e.onBehalf.verdict).toBe(e.onBehalf.n);
    expect(e.onBehalf.merchant).toBe(e.onBehalf.merchants);
  });

  it('puts all mail of one sender into one finding (subdomains, bounce hosts and aliases collapse)', () => {
    const split = evaluate(corpus)
      .scored.filter((s) => !s.collapsed)
      .map((s) => s.sender.id);
    expect(split).toEqual([]);
  });

  it('files mail sent through a bulk-mail platform under the company its Reply-To names', () => {
    const via = evaluate(corpus).scored.filter((s) => s.sender.id.startsWith('via-'));
    expect(via.length).toBeGreaterThanOrEqual(5);
    for (const s of via) {
      expect(s.finding?.domain, s.sender.id).toBe(s.sender.group);
      expect(s.finding?.hasAccount, s.sender.id).toBe(s.sender.hasAccount);
    }
  });

  it('maps NetEase senders known to the catalog to their service, and files known third parties in their category', () => {
    const e = evaluate(corpus);
    const byId = new Map(e.scored.map((s) => [s.sender.id, s.finding]));
    expect(byId.get('netease-ncm')?.catalogServiceId).toBe('music');
    expect(byId.get('netease-yanxuan')?.catalogServiceId).toBe('yanxuan');
    expect(byId.get('netease-xyq')?.catalogServiceId).toBe('game.mhxy');
    expect(byId.get('netease-epay')?.catalogServiceId).toBe('pay');
    expect(byId.get('netease-youdao')?.catalogServiceId).toBe('youdao');
    expect(byId.get('netease-lofter')?.catalogServiceId).toBe('lofter');
    const accounts = e.scored.filter((s) => s.sender.kind === 'account' && s.finding?.hasAccount);
    const rightCategory = accounts.filter((s) => s.finding!.category === s.sender.category).length;
    expect(rightCategory / accounts.length).toBeGreaterThanOrEqual(0.85);
  });
});
