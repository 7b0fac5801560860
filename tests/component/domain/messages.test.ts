import { describe, expect, it } from 'vitest';
import { GATE_IDS, PREPARATION_IDS, RISK_IDS } from '@common/catalog';
import { DOMAIN_ERROR_CODES } from '@common/errors';
import {
  apply,
  cny,
  emptyDocument,
  PLAN_COMMAND_TYPES,
  type PlanCommand,
  type VaultDocument,
} from '@common/model';
import { readiness, type Msg } from '@common/readiness';
import domainMessages from '../../../renderer/src/i18n/messages/domain';
import type { MessageTree } from '../../../renderer/src/i18n/types';

/**
 * The closure domain's texts against what the domain actually produces: readiness is run over
 * plans in every phase and with every kind of blocker, and each message key it returns must
 * exist in both languages with every placeholder supplied.
 */
import { LOCALES } from '@common/locale';
const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const at = (days: number) => new Date(T0 + days * 86_400_000).toISOString();
const P = 'p1';

function resolve(tree: MessageTree, key: string): string | undefined {
  let node: MessageTree | string | undefined = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function run(commands: PlanCommand[], now = at(0)): VaultDocument {
  let doc = emptyDocument(at(0));
  for (const c of [{ type: 'plan.create', planId: P, address: 'a@163.com' } as PlanCommand, ...commands]) {
    const r = apply(doc, c, now);
    if (!r.ok) throw new Error(`${c.type}: ${r.error.code}`);
    doc = r.value.doc;
  }
  return doc;
}

const decide: PlanCommand = { type: 'plan.decide', planId: P };
const ackAll = RISK_IDS.map((riskId): PlanCommand => ({
  type: 'risk.acknowledge',
  planId: P,
  riskId,
  acknowledged: true,
}));
const steps = (['login', 'find-page', 'read-notice', 'preconditions', 'verify'] as const).map(
  (stepId): PlanCommand => ({ type: 'step.set', planId: P, stepId, status: 'done' }),
);
const submit: PlanCommand = { type: 'plan.submit', planId: P, override: { reason: 'test' } };
const services = ['game.mhxy', 'game.yys', 'game.dhxy', 'music', 'yanxuan', 'kaola', 'netdisk'].map(
  (serviceId): PlanCommand => ({ type: 'service.set-status', planId: P, serviceId, status: 'not-used' }),
);
const declareAll = (status: 'met' | 'blocked') =>
  GATE_IDS.map((gateId): PlanCommand => ({ type: 'gate.set', planId: P, gateId, status }));
const prepsDone = (status: 'done' | 'skipped') =>
  (['change-address-sites', 'tell-contacts', 'remove-mail-clients'] as const).map(
    (preparationId): PlanCommand => ({ type: 'preparation.set', planId: P, preparationId, status }),
  );
const backups = (status: 'done' | 'not-needed') =>
  (['mail', 'netdisk', 'contacts', 'calendar', 'notes'] as const).map((kind): PlanCommand => ({
    type: 'backup.set',
    planId: P,
    kind,
    status,
  }));

const scenarios: PlanCommand[][] = [
  [],
  [decide],
  [
    decide,
    { type: 'service.set-status', planId: P, serviceId: 'music', status: 'in-use' },
    { type: 'service.set-status', planId: P, serviceId: 'pay', status: 'in-use' },
  ],
  [
    decide,
    {
      type: 'asset.upsert',
      planId: P,
      asset: { id: 'a', serviceId: 'pay', kind: 'cash-balance', label: 'x', amount: cny(5), status: 'open' },
    },
  ],
  [
    decide,
    ...services,
    { type: 'service.set-status', planId: P, serviceId: 'pay', status: 'cleared' },
    {
      type: 'asset.upsert',
      planId: P,
      asset: { id: 'a', serviceId: null, kind: 'points', label: 'x', amount: cny(0), status: 'emptied' },
    },
  ],
  [
    decide,
    { type: 'security.set-last-change', planId: P, at: at(0) },
    { type: 'binding.set', planId: P, binding: 'phone', state: 'unbound' },
  ],
  [
    decide,
    { type: 'site.upsert', planId: P, site: { id: 's', name: 'x', category: 'bank', status: 'todo' } },
    { type: 'contact.upsert', planId: P, contact: { id: 'c', name: 'x', status: 'todo' } },
  ],
  [
    decide,
    { type: 'site.upsert', planId: P, site: { id: 's', name: 'x', category: 'bank', status: 'changed' } },
    { type: 'contact.upsert', planId: P, contact: { id: 'c', name: 'x', status: 'told' } },
  ],
  [decide, ...ackAll, ...declareAll('met'), ...prepsDone('done'), ...backups('done')],
  [decide, ...ackAll, ...declareAll('met'), ...prepsDone('skipped'), ...backups('not-needed'), ...steps],
  [
    decide,
    ...ackAll,
    ...declareAll('blocked'),
    {
      type: 'backup.record-verification',
      planId: P,
      kind: 'mail',
      verifiedAt: at(0),
      messages: 1,
      folders: 1,
      bytes: 1,
    },
  ],
  [decide, ...ackAll, ...steps, submit],
  [decide, ...ackAll, ...steps, submit, { type: 'plan.withdraw', planId: P }],
  [decide, ...ackAll, ...steps, submit, { type: 'plan.close', planId: P, early: true }],
  [{ type: 'alternative.choose', planId: P, alternativeId: 'leave-idle' }],
];

function produced(): Msg[] {
  const out: Msg[] = [];
  for (const commands of scenarios) {
    const plan = run(commands).plans[0]!;
    for (const days of [0, 1, 30]) {
      const r = readiness(plan, at(days));
      out.push(
        ...r.gates.map((g) => g.reason),
        ...r.preparations.map((p) => p.reason),
        ...r.blockers.map((b) => b.reason),
        ...r.nextActions.map((a) => a.label),
        ...r.diagnosis.flatMap((d) => d.reasons),
        ...r.warnings.map((w) => w.reason),
        { key: r.coolingOff.label },
      );
    }
  }
  for (const id of GATE_IDS)
    for (const s of ['blocked', 'unknown']) out.push({ key: `domain.action.gate.${id}.${s}` });
  for (const id of PREPARATION_IDS) out.push({ key: `domain.action.preparation.${id}` });
  return out;
}

describe('closure domain messages', () => {
  it('translate every plan.* error code in both languages', () => {
    for (const locale of LOCALES) {
      const errors = domainMessages[locale].errors as Record<string, string>;
      expect(Object.keys(errors).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
      for (const code of DOMAIN_ERROR_CODES) expect(errors[code], `${locale} ${code}`).toMatch(/\S/);
    }
  });

  it('cover every key readiness produces, with every placeholder supplied', () => {
    const messages = produced();
    const keys = new Set(messages.map((m) => m.key));
    expect(keys.size).toBeGreaterThan(60);
    for (const locale of LOCALES) {
      for (const m of messages) {
        const text = resolve(domainMessages[locale], m.key);
        expect(text, `${locale} ${m.key}`).toBeDefined();
        for (const p of placeholders(text!))
          expect(m.params ?? {}, `${locale} ${m.key} needs {${p}}`).toHaveProperty(p);
      }
    }
  });

  it('have a timeline summary for every command', () => {
    for (const locale of LOCALES)
      for (const type of PLAN_COMMAND_TYPES)
        expect(resolve(domainMessages[locale], `domain.timeline.${type}`), `${locale} ${type}`).toBeDefined();
  });

  it('have the same keys and placeholders in zh-CN and en, Chinese in zh-CN, nothing vue-i18n would misread', () => {
    const leaves = (tree: MessageTree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
      );
    const zh = leaves(domainMessages['zh-CN']);
    const en = new Map(leaves(domainMessages.en));
    expect(zh.map(([k]) => k)).toEqual([...en.keys()]);
    for (const [key, text] of zh) {
      expect(text, key).toMatch(/[\u4e00-\u9fff]/);
      expect(text, key).not.toMatch(/[@|]/);
      expect(en.get(key), key).not.toMatch(/[@|]/);
      expect(placeholders(text).sort(), key).toEqual(placeholders(en.get(key)!).sort());
    }
  });
});
