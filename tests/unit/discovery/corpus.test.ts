import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../fixtures/discovery/generate';
import { evaluate, loadCorpus } from '../../fixtures/discovery/evaluate';

/**
 * The accuracy floor. Measured: precision 0.985, recall 0.970 on this corpus (see the bench
 * table). 0.9 is the bar and leaves room for honest corpus additions without tuning.
 */
const FLOOR = 0.9;

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
