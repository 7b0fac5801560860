import { describe, expect, it } from 'vitest';
import { GATE_IDS, gates as catalogGates, type GateId } from '../../../electron/common/catalog';
import { cny, units, type PlanCommand, type VaultDocument } from '../../../electron/common/model';
import { readiness, type GateReadiness } from '../../../electron/common/readiness';
import { at, must, mustAll, planOf, withPlan } from '../model/support';

const P = 'p1';
const gate = (doc: VaultDocument, id: GateId, now = at(0)): GateReadiness =>
  readiness(planOf(doc), now).gates.find((g) => g.id === id)!;
const markAll = (status: 'not-used' | 'cleared'): PlanCommand[] =>
  planOf(withPlan()).services.map((s) => ({
    type: 'service.set-status',
    planId: P,
    serviceId: s.id,
    status,
  }));

describe('each gate is met, blocked or unknown from the plan data, with a reason and a fix', () => {
  it('starts unknown everywhere, each pointing to the catalog route', () => {
    const r = readiness(planOf(withPlan()), at(0));
    expect(r.gates.map((g) => g.id)).toEqual([...GATE_IDS]);
    for (const g of r.gates) {
      expect(g.status).toBe('unknown');
      expect(g.fix.target).toBe(catalogGates.find((c) => c.id === g.id)!.fixTarget);
      expect(g.reason.key).toMatch(/^domain\.reason\./);
    }
  });

  it('a user declaration decides a gate the data says nothing about', () => {
    for (const id of GATE_IDS) {
      const doc = must(withPlan(), { type: 'gate.set', planId: P, gateId: id, status: 'met' });
      expect(gate(doc, id)).toMatchObject({
        status: 'met',
        basis: 'user',
        reason: { key: 'domain.reason.declared.met' },
      });
      const blocked = must(doc, { type: 'gate.set', planId: P, gateId: id, status: 'blocked' });
      expect(gate(blocked, id)).toMatchObject({ status: 'blocked', basis: 'user' });
    }
  });

  it('third-party-unbound: blocked by a service in use, unknown while unchecked, met when all are dealt with', () => {
    let doc = withPlan();
    expect(gate(doc, 'third-party-unbound')).toMatchObject({
      status: 'unknown',
      basis: 'data',
      reason: { key: 'domain.reason.servicesUnchecked' },
    });
    doc = mustAll(doc, markAll('not-used'));
    expect(gate(doc, 'third-party-unbound')).toMatchObject({
      status: 'met',
      reason: { key: 'domain.reason.servicesCleared' },
    });
    doc = must(doc, {
      type: 'service.add',
      planId: P,
      serviceId: 'g1',
      catalogId: 'game',
      name: '逆水寒',
      status: 'in-use',
    });
    expect(gate(doc, 'third-party-unbound')).toMatchObject({
      status: 'blocked',
      items: [{ section: 'service', id: 'g1' }],
    });
    // Data that blocks wins over a declaration that says otherwise.
    doc = must(doc, { type: 'gate.set', planId: P, gateId: 'third-party-unbound', status: 'met' });
    expect(gate(doc, 'third-party-unbound')).toMatchObject({ status: 'blocked', basis: 'data' });
  });

  it('assets-emptied: blocked by an open non-zero asset, met when emptied or forfeited', () => {
    let doc = must(withPlan(), {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a1',
        serviceId: 'yanxuan',
        kind: 'coupon',
        label: '券',
        amount: cny(500),
        status: 'open',
      },
    });
    expect(gate(doc, 'assets-emptied')).toMatchObject({
      status: 'blocked',
      reason: { key: 'domain.reason.assetsOpen', params: { count: 1 } },
    });
    doc = must(doc, {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a2',
        serviceId: null,
        kind: 'points',
        label: '积分',
        amount: units(0, '积分'),
        status: 'open',
      },
    });
    expect(gate(doc, 'assets-emptied').items).toEqual([{ section: 'asset', id: 'a1' }]);
    doc = must(doc, {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a1',
        serviceId: 'yanxuan',
        kind: 'coupon',
        label: '券',
        amount: cny(500),
        status: 'forfeited',
      },
    });
    expect(gate(doc, 'assets-emptied')).toMatchObject({
      status: 'met',
      reason: { key: 'domain.reason.assetsEmptied' },
    });
  });

  it('pay-closed: blocked by a Pay balance or Pay in use, met when Pay is cleared', () => {
    let doc = withPlan();
    expect(gate(doc, 'pay-closed').reason.key).toBe('domain.reason.payUnchecked');
    doc = must(doc, {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a1',
        serviceId: 'pay',
        kind: 'cash-balance',
        label: '余额',
        amount: cny(1),
        status: 'open',
      },
    });
    expect(gate(doc, 'pay-closed')).toMatchObject({
      status: 'blocked',
      reason: { key: 'domain.reason.payBalance' },
    });
    doc = must(doc, {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a1',
        serviceId: 'pay',
        kind: 'cash-balance',
        label: '余额',
        amount: cny(0),
        status: 'emptied',
      },
    });
    doc = must(doc, { type: 'service.set-status', planId: P, serviceId: 'pay', status: 'in-use' });
    expect(gate(doc, 'pay-closed')).toMatchObject({
      status: 'blocked',
      reason: { key: 'domain.reason.payInUse' },
    });
    doc = must(doc, { type: 'service.set-status', planId: P, serviceId: 'pay', status: 'cleared' });
    expect(gate(doc, 'pay-closed')).toMatchObject({
      status: 'met',
      reason: { key: 'domain.reason.payClosed' },
    });
  });

  it('no-open-orders and account-normal: only the user can say', () => {
    const doc = mustAll(withPlan(), markAll('cleared'));
    for (const id of ['no-open-orders', 'account-normal'] as const)
      expect(gate(doc, id)).toMatchObject({
        status: 'unknown',
        basis: 'none',
        reason: { key: 'domain.reason.notChecked' },
      });
  });

  it('phone-binding: met once the phone is unbound; advisory, so it never blocks readiness', () => {
    const doc = must(withPlan(), { type: 'binding.set', planId: P, binding: 'phone', state: 'unbound' });
    expect(gate(doc, 'phone-binding')).toMatchObject({
      status: 'met',
      required: false,
      reason: { key: 'domain.reason.phoneUnbound' },
    });
  });

  it('no-recent-security-change: blocked for 15 days after a change, then met', () => {
    const doc = must(withPlan(at(0)), { type: 'security.set-last-change', planId: P, at: at(0) }, at(0));
    expect(gate(doc, 'no-recent-security-change', at(10))).toMatchObject({
      status: 'blocked',
      reason: { key: 'domain.reason.securityChangeRecent', params: { daysLeft: 5 } },
    });
    expect(gate(doc, 'no-recent-security-change', at(15, 1))).toMatchObject({
      status: 'met',
      reason: { key: 'domain.reason.securityChangeOld' },
    });
  });
});
