import { describe, expect, it } from 'vitest';
import { RISK_IDS } from '../../../electron/common/catalog';
import { apply, checkInvariants, cny, replay, units, type PlanCommand } from '../../../electron/common/model';
import { readiness } from '../../../electron/common/readiness';
import { at, must, planOf, rejected, withPlan } from './support';

const P = 'p1';

describe('a plan driven from an empty document to closed through commands alone', () => {
  it('explains every blocked state on the way', () => {
    let doc = withPlan(at(0));
    let r = readiness(planOf(doc), at(0));
    expect(r.status).toBe('deciding');
    expect(r.nextActions[0]?.id).toBe('decide');
    expect(rejected(apply(doc, { type: 'plan.submit', planId: P }, at(0)))).toBe('plan.wrong-phase');

    doc = must(doc, { type: 'plan.decide', planId: P }, at(0));
    r = readiness(planOf(doc), at(0));
    expect(r.status).toBe('not-ready');
    // Nothing is known yet: every risk, required gate and preparation is a blocker with a place to fix it.
    const ids = r.blockers.map((b) => b.id);
    for (const risk of RISK_IDS) expect(ids).toContain(`risk:${risk}`);
    expect(ids).toContain('gate:third-party-unbound');
    expect(ids).toContain('preparation:backup-mail');
    for (const b of r.blockers) {
      expect(b.reason.key).toMatch(/^domain\./);
      expect(b.fix.target).toMatch(/^(dashboard|steps|services|assets|sites|backups|alternatives)$/);
    }
    expect(r.nextActions.map((a) => a.id).slice(0, 2)).toEqual(['acknowledge-risks', 'backup-mail']);

    for (const riskId of RISK_IDS)
      doc = must(doc, { type: 'risk.acknowledge', planId: P, riskId, acknowledged: true }, at(0, 1));
    expect(readiness(planOf(doc), at(0, 1)).blockers.some((b) => b.id.startsWith('risk:'))).toBe(false);

    // Day 1: the user finds money in Cloud Music and a game they still play.
    const day1: PlanCommand[] = [
      { type: 'service.set-status', planId: P, serviceId: 'music', status: 'in-use' },
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: 'a1',
          serviceId: 'music',
          kind: 'cash-balance',
          label: '云贝',
          amount: cny(1250),
          status: 'open',
        },
      },
      { type: 'service.set-status', planId: P, serviceId: 'game.yys', status: 'in-use' },
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: 'a2',
          serviceId: 'game.yys',
          kind: 'game-currency',
          label: '勾玉',
          amount: units(300, '勾玉'),
          status: 'open',
        },
      },
    ];
    for (const c of day1) doc = must(doc, c, at(1));
    r = readiness(planOf(doc), at(1));
    const assets = r.gates.find((g) => g.id === 'assets-emptied')!;
    expect(assets.status).toBe('blocked');
    expect(assets.reason).toEqual({ key: 'domain.reason.assetsOpen', params: { count: 2 } });
    expect(assets.items).toEqual([
      { section: 'asset', id: 'a1' },
      { section: 'asset', id: 'a2' },
    ]);
    expect(r.diagnosis.find((d) => d.cause === 'funds')?.verdict).toBe('likely');
    expect(r.diagnosis.find((d) => d.cause === 'linked-services')?.verdict).toBe('likely');

    // Day 2: mail backed up and verified by the mail backup, other backups done.
    doc = must(
      doc,
      {
        type: 'backup.record-verification',
        planId: P,
        kind: 'mail',
        verifiedAt: at(2),
        messages: 20_000,
        folders: 12,
        bytes: 243_000_000,
        location: '/backups/zhang',
      },
      at(2),
    );
    for (const kind of ['netdisk', 'contacts', 'calendar'] as const)
      doc = must(doc, { type: 'backup.set', planId: P, kind, status: 'done' }, at(2));
    doc = must(doc, { type: 'backup.set', planId: P, kind: 'notes', status: 'not-needed' }, at(2));
    doc = must(doc, { type: 'binding.set', planId: P, binding: 'phone', state: 'unbound' }, at(2, 1));
    r = readiness(planOf(doc), at(2, 1));
    expect(r.warnings.map((w) => w.id)).not.toContain('phone-unbound-before-backup');

    // Day 3: sites and contacts.
    doc = must(
      doc,
      {
        type: 'site.upsert',
        planId: P,
        site: { id: 's1', name: '招商银行', domain: 'cmbchina.com', category: 'bank', status: 'todo' },
      },
      at(3),
    );
    r = readiness(planOf(doc), at(3));
    expect(r.preparations.find((p) => p.id === 'change-address-sites')).toMatchObject({
      done: false,
      reason: { key: 'domain.reason.sitesTodo', params: { count: 1 } },
    });
    doc = must(
      doc,
      {
        type: 'site.upsert',
        planId: P,
        site: { id: 's1', name: '招商银行', category: 'bank', status: 'changed' },
      },
      at(3),
    );
    expect(planOf(doc).sites[0]?.domain).toBe('cmbchina.com');
    doc = must(
      doc,
      { type: 'contact.upsert', planId: P, contact: { id: 'c1', name: '妈妈', status: 'told' } },
      at(3),
    );

    // Day 4: empty the assets, unbind services; still gates the user must confirm.
    const day4: PlanCommand[] = [
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: 'a1',
          serviceId: 'music',
          kind: 'cash-balance',
          label: '云贝',
          amount: cny(0),
          status: 'emptied',
        },
      },
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: 'a2',
          serviceId: 'game.yys',
          kind: 'game-currency',
          label: '勾玉',
          amount: units(300, '勾玉'),
          status: 'forfeited',
        },
      },
      ...(['game.mhxy', 'game.dhxy', 'yanxuan', 'kaola', 'netdisk'] as const).map((serviceId) => ({
        type: 'service.set-status' as const,
        planId: P,
        serviceId,
        status: 'not-used' as const,
      })),
      { type: 'service.set-status', planId: P, serviceId: 'music', status: 'cleared' },
      { type: 'service.set-status', planId: P, serviceId: 'game.yys', status: 'cleared' },
      { type: 'service.set-status', planId: P, serviceId: 'pay', status: 'cleared' },
    ];
    for (const c of day4) doc = must(doc, c, at(4));
    r = readiness(planOf(doc), at(4));
    expect(r.status).toBe('not-ready');
    expect(r.blockers.map((b) => b.id).sort()).toEqual([
      'gate:account-normal',
      'gate:no-open-orders',
      'preparation:remove-mail-clients',
    ]);
    expect(r.blockers.find((b) => b.id === 'gate:no-open-orders')?.reason.key).toBe(
      'domain.reason.notChecked',
    );
    expect(r.warnings.map((w) => w.id)).toContain('mail-client-configured');

    // Submitting now is refused, and names what is missing.
    expect(rejected(apply(doc, { type: 'plan.submit', planId: P }, at(4)))).toBe('plan.steps-incomplete');

    doc = must(doc, { type: 'gate.set', planId: P, gateId: 'no-open-orders', status: 'met' }, at(5));
    doc = must(doc, { type: 'gate.set', planId: P, gateId: 'account-normal', status: 'met' }, at(5));
    doc = must(
      doc,
      { type: 'preparation.set', planId: P, preparationId: 'remove-mail-clients', status: 'done' },
      at(5),
    );
    r = readiness(planOf(doc), at(5));
    expect(r.status).toBe('ready');
    expect(r.blockers).toEqual([]);
    expect(r.nextActions[0]?.id).toBe('do-steps');

    // The submission session: steps in order; skipping one is refused.
    expect(
      rejected(apply(doc, { type: 'step.set', planId: P, stepId: 'verify', status: 'done' }, at(6))),
    ).toBe('plan.step-order');
    for (const stepId of ['login', 'find-page', 'read-notice', 'preconditions', 'verify'] as const)
      doc = must(doc, { type: 'step.set', planId: P, stepId, status: 'done' }, at(6));
    expect(readiness(planOf(doc), at(6)).nextActions[0]?.id).toBe('submit');
    doc = must(doc, { type: 'plan.submit', planId: P }, at(6));
    r = readiness(planOf(doc), at(6));
    expect(r.status).toBe('submitted');
    expect(r.coolingOff).toMatchObject({ days: 15, daysLeft: 15, confidence: 'low', endsAt: at(21) });
    expect(r.warnings.map((w) => w.id)).toContain('cooling-off-unverified');
    expect(r.nextActions[0]?.id).toBe('do-not-log-in');

    // NetEase showed 7 days: the user corrects the figure.
    doc = must(doc, { type: 'plan.set-cooling-off', planId: P, days: 7 }, at(7));
    r = readiness(planOf(doc), at(14));
    expect(r.coolingOff).toMatchObject({ days: 7, daysFromUser: true, daysLeft: 0, endsAt: at(13) });
    expect(r.nextActions.map((a) => a.id)).toEqual(['check-bounce', 'record-closed']);

    doc = must(doc, { type: 'plan.close', planId: P }, at(14));
    r = readiness(planOf(doc), at(14));
    expect(r.status).toBe('closed');
    expect(r.progress).toBe(1);
    expect(checkInvariants(doc)).toEqual([]);

    const rebuilt = replay(doc.createdAt, doc.history);
    expect(rebuilt.ok && rebuilt.value).toEqual(doc);
  });

  it('closes before the cooling-off ends only when told it was early, and reopens a closed plan', () => {
    let doc = must(withPlan(at(0)), { type: 'plan.decide', planId: P }, at(0));
    for (const riskId of RISK_IDS)
      doc = must(doc, { type: 'risk.acknowledge', planId: P, riskId, acknowledged: true }, at(0));
    for (const stepId of ['login', 'find-page', 'read-notice', 'preconditions', 'verify'] as const)
      doc = must(doc, { type: 'step.set', planId: P, stepId, status: 'done' }, at(0));
    doc = must(doc, { type: 'plan.submit', planId: P, override: { reason: 'test' } }, at(1));
    expect(planOf(doc).coolingOff.endsAt).toBe(at(16));
    expect(rejected(apply(doc, { type: 'plan.close', planId: P }, at(10)))).toBe('plan.cooling-off-not-over');
    expect(rejected(apply(doc, { type: 'plan.close', planId: P, closedAt: at(10) }, at(20)))).toBe(
      'plan.cooling-off-not-over',
    );
    const early = must(doc, { type: 'plan.close', planId: P, early: true }, at(10));
    expect(planOf(early).phase).toBe('closed');
    doc = must(doc, { type: 'plan.close', planId: P }, at(16));
    expect(planOf(doc).phase).toBe('closed');
    // Closed is read-only: nothing but the label, the note and reopening.
    expect(rejected(apply(doc, { type: 'plan.withdraw', planId: P }, at(17)))).toBe('plan.wrong-phase');
    expect(rejected(apply(doc, { type: 'plan.set-cooling-off', planId: P, days: 3 }, at(17)))).toBe(
      'plan.wrong-phase',
    );
    doc = must(doc, { type: 'plan.reopen', planId: P }, at(17));
    expect(planOf(doc)).toMatchObject({ phase: 'submitted', closedAt: null });
    expect(rejected(apply(doc, { type: 'plan.reopen', planId: P }, at(17)))).toBe('plan.wrong-phase');
    const rebuilt = replay(doc.createdAt, doc.history);
    expect(rebuilt.ok && rebuilt.value).toEqual(doc);
  });

  it('submits past blocked gates only with an override, which is recorded', () => {
    let doc = must(withPlan(at(0)), { type: 'plan.decide', planId: P }, at(0));
    for (const riskId of RISK_IDS)
      doc = must(doc, { type: 'risk.acknowledge', planId: P, riskId, acknowledged: true }, at(0));
    for (const stepId of ['login', 'find-page', 'read-notice', 'preconditions', 'verify'] as const)
      doc = must(doc, { type: 'step.set', planId: P, stepId, status: 'done' }, at(0));
    const refused = apply(doc, { type: 'plan.submit', planId: P }, at(1));
    expect(rejected(refused)).toBe('plan.blocked');
    expect(!refused.ok && String(refused.error.params?.blockers)).toContain('gate:third-party-unbound');

    doc = must(
      doc,
      { type: 'plan.submit', planId: P, override: { reason: 'NetEase accepted it on its own page' } },
      at(1),
    );
    const sub = planOf(doc).submission!;
    expect(sub.override?.reason).toBe('NetEase accepted it on its own page');
    expect(sub.blockers).toContain('gate:assets-emptied');
    expect(doc.history.at(-1)?.events.find((e) => e.type === 'plan.submitted')).toMatchObject({
      overridden: sub.blockers,
    });
    expect(checkInvariants(doc)).toEqual([]);

    // Withdrawing and deciding again starts the submission over.
    doc = must(doc, { type: 'plan.withdraw', planId: P }, at(2));
    expect(readiness(planOf(doc), at(2)).status).toBe('withdrawn');
    doc = must(doc, { type: 'plan.decide', planId: P }, at(3));
    expect(planOf(doc).steps.login.status).toBe('todo');
    expect(planOf(doc).submission).toBeNull();
  });

  it('keeps the account when an alternative is chosen', () => {
    const doc = must(
      withPlan(at(0)),
      { type: 'alternative.choose', planId: P, alternativeId: 'auto-forward' },
      at(0),
    );
    const r = readiness(planOf(doc), at(0));
    expect(r.status).toBe('kept');
    expect(r.progress).toBe(1);
    expect(r.nextActions[0]?.label).toEqual({
      key: 'domain.action.followAlternative',
      params: { alternative: 'auto-forward' },
    });
  });
});
