import { describe, expect, it } from 'vitest';
import { FAQ_Q3_CAUSE_IDS, GATE_IDS, type FaqQ3CauseId } from '../../../electron/common/catalog';
import { cny, type PlanCommand, type VaultDocument } from '../../../electron/common/model';
import { readiness } from '../../../electron/common/readiness';
import { at, must, mustAll, planOf, withPlan } from '../model/support';

const P = 'p1';
const verdict = (doc: VaultDocument, cause: FaqQ3CauseId, now = at(1)) =>
  readiness(planOf(doc), now).diagnosis.find((d) => d.cause === cause)!;

/** Every gate met by declaration, so one cause at a time can be made the problem. */
function allClear(): VaultDocument {
  let doc = withPlan(at(0));
  doc = mustAll(
    doc,
    planOf(doc).services.map((s): PlanCommand => ({
      type: 'service.set-status',
      planId: P,
      serviceId: s.id,
      status: 'not-used',
    })),
    at(0),
  );
  return mustAll(
    doc,
    GATE_IDS.map((gateId): PlanCommand => ({ type: 'gate.set', planId: P, gateId, status: 'met' })),
    at(0),
  );
}

describe('"why can\'t I close?" (FAQ Q3) from the plan data', () => {
  it('rules every cause out when every gate is met', () => {
    const r = readiness(planOf(allClear()), at(1));
    expect(r.diagnosis.map((d) => d.cause)).toEqual([...FAQ_Q3_CAUSE_IDS]);
    for (const d of r.diagnosis) expect(d).toMatchObject({ verdict: 'ruled-out', reasons: [] });
  });

  it('funds: a balance left somewhere', () => {
    const doc = must(
      allClear(),
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: 'a',
          serviceId: 'music',
          kind: 'cash-balance',
          label: '云贝',
          amount: cny(990),
          status: 'open',
        },
      },
      at(1),
    );
    expect(verdict(doc, 'funds')).toMatchObject({
      verdict: 'likely',
      items: [{ section: 'asset', id: 'a' }],
      fix: { target: 'assets' },
    });
    expect(verdict(doc, 'linked-services').verdict).toBe('ruled-out');
  });

  it('linked-services: a game still bound', () => {
    const doc = must(
      allClear(),
      { type: 'service.set-status', planId: P, serviceId: 'game.mhxy', status: 'in-use' },
      at(1),
    );
    expect(verdict(doc, 'linked-services')).toMatchObject({
      verdict: 'likely',
      items: [{ section: 'service', id: 'game.mhxy' }],
      fix: { target: 'services' },
    });
  });

  it('open-transactions: an order or refund open', () => {
    const doc = must(
      allClear(),
      { type: 'gate.set', planId: P, gateId: 'no-open-orders', status: 'blocked', note: '严选退款中' },
      at(1),
    );
    expect(verdict(doc, 'open-transactions')).toMatchObject({ verdict: 'likely', gates: ['no-open-orders'] });
  });

  it('account-abnormal: possible while nobody has checked, likely when the user reports it', () => {
    let doc = must(
      allClear(),
      { type: 'gate.set', planId: P, gateId: 'account-normal', status: 'unknown' },
      at(1),
    );
    expect(verdict(doc, 'account-abnormal').verdict).toBe('possible');
    doc = must(doc, { type: 'gate.set', planId: P, gateId: 'account-normal', status: 'blocked' }, at(1));
    expect(verdict(doc, 'account-abnormal')).toMatchObject({
      verdict: 'likely',
      fix: { target: 'dashboard', anchor: 'account-normal' },
    });
  });

  it('preconditions: a recent password change', () => {
    let doc = must(
      allClear(),
      { type: 'gate.set', planId: P, gateId: 'no-recent-security-change', status: 'unknown' },
      at(1),
    );
    doc = must(doc, { type: 'security.set-last-change', planId: P, at: at(1) }, at(1));
    expect(verdict(doc, 'preconditions', at(2))).toMatchObject({
      verdict: 'likely',
      reasons: [{ key: 'domain.reason.securityChangeRecent' }],
    });
    expect(verdict(doc, 'preconditions', at(20)).verdict).toBe('ruled-out');
  });
});
