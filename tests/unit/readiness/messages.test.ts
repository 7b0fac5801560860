import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GATE_IDS, PREPARATION_IDS } from '../../../electron/common/catalog';
import { DOMAIN_ERROR_CODES } from '../../../electron/common/errors';
import { apply, emptyDocument, PLAN_COMMAND_TYPES, type VaultDocument } from '../../../electron/common/model';
import { readiness, type Msg } from '../../../electron/common/readiness';
import domainMessages from '../../../renderer/src/i18n/messages/domain';
import type { MessageTree } from '../../../renderer/src/i18n/types';
import { sessionArb } from '../model/arbitraries';
import { T0 } from '../model/support';

const LOCALES = ['zh-CN', 'en'] as const;

function resolve(tree: MessageTree, key: string): string | undefined {
  let node: MessageTree | string | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Every message readiness produced for many random plans at several moments. */
function producedMessages(): Msg[] {
  const out: Msg[] = [];
  for (const session of fc.sample(sessionArb, { numRuns: 150, seed: 7 })) {
    let doc: VaultDocument = emptyDocument(T0);
    for (const { command, now } of session) {
      const r = apply(doc, command, now);
      if (r.ok) doc = r.value.doc;
      for (const p of doc.plans) {
        for (const later of [0, 20]) {
          const rd = readiness(p, new Date(Date.parse(now) + later * 86_400_000).toISOString());
          out.push(
            ...rd.gates.map((g) => g.reason),
            ...rd.preparations.map((x) => x.reason),
            ...rd.blockers.map((b) => b.reason),
            ...rd.nextActions.map((a) => a.label),
            ...rd.diagnosis.flatMap((d) => d.reasons),
            ...rd.warnings.map((w) => w.reason),
            { key: rd.coolingOff.label },
          );
        }
      }
    }
  }
  return out;
}

describe('domain messages', () => {
  it('translate every plan.* error code in both languages', () => {
    for (const locale of LOCALES) {
      const errors = domainMessages[locale].errors as Record<string, string>;
      for (const code of DOMAIN_ERROR_CODES) expect(errors[code], `${locale} ${code}`).toMatch(/\S/);
      expect(Object.keys(errors).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
    }
  });

  it('cover every key readiness produces, with every placeholder supplied', () => {
    const seen = new Map<string, Msg>();
    for (const m of producedMessages()) seen.set(`${m.key} ${Object.keys(m.params ?? {}).sort().join(',')}`, m);
    for (const id of GATE_IDS) for (const s of ['blocked', 'unknown']) seen.set(`g${id}${s}`, { key: `domain.action.gate.${id}.${s}` });
    for (const id of PREPARATION_IDS) seen.set(`p${id}`, { key: `domain.action.preparation.${id}` });
    expect(seen.size).toBeGreaterThan(60);
    for (const locale of LOCALES) {
      for (const m of seen.values()) {
        const text = resolve(domainMessages[locale], m.key);
        expect(text, `${locale} ${m.key}`).toBeDefined();
        for (const p of placeholders(text!)) expect(m.params ?? {}, `${locale} ${m.key} needs {${p}}`).toHaveProperty(p);
      }
    }
  });

  it('have a timeline summary for every command', () => {
    for (const locale of LOCALES) for (const type of PLAN_COMMAND_TYPES) expect(resolve(domainMessages[locale], `domain.timeline.${type}`), `${locale} ${type}`).toBeDefined();
  });

  it('have the same keys in zh-CN and en, Chinese in zh-CN, and nothing vue-i18n would misread', () => {
    const leaves = (tree: MessageTree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
    const zh = leaves(domainMessages['zh-CN']);
    const en = leaves(domainMessages.en);
    expect(zh.map(([k]) => k)).toEqual(en.map(([k]) => k));
    for (const [key, text] of zh) expect(text, key).toMatch(/[\u4e00-\u9fff]/);
    for (const [key, text] of [...zh, ...en]) expect(text, key).not.toMatch(/[@|]/);
    const enByKey = new Map(en);
    for (const [key, text] of zh) expect(placeholders(text).sort(), key).toEqual(placeholders(enByKey.get(key)!).sort());
  });
});
