import { describe, expect, it } from 'vitest';
import { apply, cny, emptyDocument, units, type VaultDocument } from '../../../electron/common/model';
import { at, must, planOf, rejected, withPlan } from './support';

const P = 'p1';

describe('reducer invariants, one by one', () => {
  it('refuses unsupported and duplicate addresses and duplicate ids', () => {
    const doc = withPlan();
    expect(
      rejected(
        apply(emptyDocument(at(0)), { type: 'plan.create', planId: 'x', address: 'me@gmail.com' }, at(0)),
      ),
    ).toBe('plan.unsupported-address');
    expect(
      rejected(apply(doc, { type: 'plan.create', planId: 'p2', address: 'Zhang.San@163.com' }, at(0))),
    ).toBe('plan.duplicate-address');
    expect(rejected(apply(doc, { type: 'plan.create', planId: P, address: 'other@126.com' }, at(0)))).toBe(
      'plan.duplicate-id',
    );
    expect(
      rejected(apply(doc, { type: 'service.add', planId: P, serviceId: 'music', catalogId: 'music' }, at(0))),
    ).toBe('plan.duplicate-id');
    expect(rejected(apply(doc, { type: 'service.add', planId: P, serviceId: 'x', name: ' ' }, at(0)))).toBe(
      'plan.name-required',
    );
    expect(
      rejected(
        apply(doc, { type: 'gate.set', planId: 'nope', gateId: 'account-normal', status: 'met' }, at(0)),
      ),
    ).toBe('plan.not-found');
  });

  it('refuses a second service of the same name, which no list could tell apart', () => {
    // An outside tester added "逆水寒" twice: two identical cards, two identical choices in the asset form.
    const doc = must(withPlan(), { type: 'service.add', planId: P, serviceId: 'c1', name: '逆水寒' });
    for (const name of ['逆水寒', ' 逆水寒 ', 'NetEase Cloud Music', '网易云音乐', 'netease cloud music'])
      expect(
        rejected(apply(doc, { type: 'service.add', planId: P, serviceId: 'c2', name }, at(0))),
        name,
      ).toBe('plan.duplicate-service');
    // A game of one's own (the catalog's game kind, with a name) by the same name, too.
    expect(
      rejected(
        apply(
          doc,
          { type: 'service.add', planId: P, serviceId: 'c6', catalogId: 'game', name: '逆水寒' },
          at(0),
        ),
      ),
    ).toBe('plan.duplicate-service');
    const asGame = must(withPlan(), {
      type: 'service.add',
      planId: P,
      serviceId: 'g1',
      catalogId: 'game',
      name: '逆水寒',
    });
    expect(
      rejected(apply(asGame, { type: 'service.add', planId: P, serviceId: 'c2', name: '逆水寒' }, at(0))),
    ).toBe('plan.duplicate-service');
    // Full-width letters are the same name too; a different name is fine.
    const latin = must(doc, { type: 'service.add', planId: P, serviceId: 'c3', name: 'Eve Echoes' });
    expect(
      rejected(
        apply(latin, { type: 'service.add', planId: P, serviceId: 'c4', name: 'Ｅｖｅ Ｅｃｈｏｅｓ' }, at(0)),
      ),
    ).toBe('plan.duplicate-service');
    expect(
      planOf(must(doc, { type: 'service.add', planId: P, serviceId: 'c5', name: '逆水寒手游' })).services,
    ).toHaveLength(planOf(doc).services.length + 1);
  });

  it('refuses negative and fractional amounts even without the schema', () => {
    const doc = withPlan();
    const asset = {
      id: 'a',
      serviceId: null,
      kind: 'cash-balance' as const,
      label: 'x',
      status: 'open' as const,
    };
    expect(
      rejected(apply(doc, { type: 'asset.upsert', planId: P, asset: { ...asset, amount: cny(-1) } }, at(0))),
    ).toBe('plan.negative-amount');
    expect(
      rejected(
        apply(doc, { type: 'asset.upsert', planId: P, asset: { ...asset, amount: units(1.5, 'pt') } }, at(0)),
      ),
    ).toBe('plan.negative-amount');
    expect(
      rejected(
        apply(
          doc,
          { type: 'asset.upsert', planId: P, asset: { ...asset, serviceId: 'ghost', amount: cny(1) } },
          at(0),
        ),
      ),
    ).toBe('plan.unknown-item');
  });

  it('keeps a service that still holds assets', () => {
    const doc = must(withPlan(), {
      type: 'asset.upsert',
      planId: P,
      asset: {
        id: 'a',
        serviceId: 'music',
        kind: 'membership',
        label: '黑胶',
        amount: units(30, '天'),
        status: 'open',
      },
    });
    expect(rejected(apply(doc, { type: 'service.remove', planId: P, serviceId: 'music' }, at(0)))).toBe(
      'plan.service-in-use',
    );
  });

  it('un-ticking a step un-ticks the steps that need it', () => {
    let doc = withPlan();
    for (const stepId of ['login', 'find-page', 'read-notice'] as const)
      doc = must(doc, { type: 'step.set', planId: P, stepId, status: 'done' });
    const r = apply(doc, { type: 'step.set', planId: P, stepId: 'login', status: 'todo' }, at(1));
    if (!r.ok) throw new Error(r.error.code);
    const steps = planOf(r.value.doc).steps;
    expect([steps.login.status, steps['find-page'].status, steps['read-notice'].status]).toEqual([
      'todo',
      'todo',
      'todo',
    ]);
    expect(r.value.events.map((e) => (e.type === 'plan.item-changed' ? e.id : e.type))).toEqual([
      'login',
      'find-page',
      'read-notice',
    ]);
    expect(
      rejected(apply(doc, { type: 'step.set', planId: P, stepId: 'confirm', status: 'done' }, at(1))),
    ).toBe('plan.confirm-via-submit');
  });

  it('refuses times in the future and a closure before the submission', () => {
    const doc = withPlan(at(0));
    expect(rejected(apply(doc, { type: 'security.set-last-change', planId: P, at: at(2) }, at(1)))).toBe(
      'plan.invalid-date',
    );
    expect(
      rejected(
        apply(
          doc,
          {
            type: 'backup.record-verification',
            planId: P,
            kind: 'mail',
            verifiedAt: at(2),
            messages: 1,
            folders: 1,
            bytes: 1,
          },
          at(1),
        ),
      ),
    ).toBe('plan.invalid-date');
  });

  it('records nothing for a command that changes nothing, and the time of everything else', () => {
    const doc = withPlan(at(0));
    const same = apply(
      doc,
      { type: 'risk.acknowledge', planId: P, riskId: 'assets-zeroed', acknowledged: false },
      at(1),
    );
    expect(same.ok && same.value.doc).toBe(doc);
    const next = must(
      doc,
      { type: 'risk.acknowledge', planId: P, riskId: 'assets-zeroed', acknowledged: true },
      at(1),
    );
    expect(next.history.at(-1)).toMatchObject({
      seq: 2,
      planId: P,
      at: at(1),
      command: { type: 'risk.acknowledge' },
    });
    expect(planOf(next).updatedAt).toBe(at(1));
  });

  it('shares everything it did not change', () => {
    let doc: VaultDocument = must(withPlan(), { type: 'plan.create', planId: 'p2', address: 'b@126.com' });
    doc = must(doc, {
      type: 'site.upsert',
      planId: P,
      site: { id: 's', name: 'Bank', category: 'bank', status: 'todo' },
    });
    const next = must(
      doc,
      { type: 'service.set-status', planId: P, serviceId: 'music', status: 'not-used' },
      at(1),
    );
    expect(next.plans[1]).toBe(doc.plans[1]);
    expect(planOf(next).sites).toBe(planOf(doc).sites);
    expect(planOf(next).assets).toBe(planOf(doc).assets);
    expect(next.history[0]).toBe(doc.history[0]);
  });

  it('deletes a plan with its whole history and nothing else', () => {
    let doc = must(withPlan(), { type: 'plan.create', planId: 'p2', address: 'b@126.com' });
    doc = must(doc, { type: 'plan.decide', planId: P });
    doc = must(doc, { type: 'plan.delete', planId: P }, at(1));
    expect(doc.plans.map((p) => p.id)).toEqual(['p2']);
    expect(doc.history.map((e) => e.planId)).toEqual(['p2']);
    expect(JSON.stringify(doc)).not.toContain('zhang.san');
  });

  it('changes the cooling-off length and submission time after submitting', () => {
    let doc = must(withPlan(at(0)), { type: 'plan.decide', planId: P }, at(0));
    expect(rejected(apply(doc, { type: 'plan.set-cooling-off', planId: P, submittedAt: at(0) }, at(0)))).toBe(
      'plan.wrong-phase',
    );
    doc = must(doc, { type: 'plan.set-cooling-off', planId: P, days: 10 }, at(0));
    expect(planOf(doc).coolingOff).toEqual({ days: 10, daysFromUser: true, submittedAt: null, endsAt: null });
    doc = must(doc, { type: 'plan.set-cooling-off', planId: P, days: null }, at(0));
    expect(planOf(doc).coolingOff).toMatchObject({ days: 15, daysFromUser: false });
  });
});
