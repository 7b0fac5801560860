import { describe, expect, it } from 'vitest';
import { RISK_IDS } from '../../../electron/common/catalog';
import { burndown, historyOf, timeline } from '../../../electron/common/model';
import { openItemCount } from '../../../electron/common/readiness';
import { at, must, planOf, withPlan } from './support';

const P = 'p1';

describe('history series', () => {
  it("burndown: open items at the end of each day, in the user's days", () => {
    let doc = withPlan(at(0));
    doc = must(doc, { type: 'plan.create', planId: 'p2', address: 'other@126.com' }, at(0));
    doc = must(doc, { type: 'plan.decide', planId: P }, at(0));
    const total = openItemCount(planOf(doc), at(0)).total;
    for (const riskId of RISK_IDS)
      doc = must(doc, { type: 'risk.acknowledge', planId: P, riskId, acknowledged: true }, at(1));
    doc = must(doc, { type: 'service.set-status', planId: P, serviceId: 'kaola', status: 'not-used' }, at(3));
    doc = must(
      doc,
      { type: 'site.upsert', planId: P, site: { id: 's', name: 'Bank', category: 'bank', status: 'todo' } },
      at(3),
    );
    doc = must(
      doc,
      { type: 'service.set-status', planId: 'p2', serviceId: 'kaola', status: 'not-used' },
      at(3),
    );

    const points = burndown(historyOf(doc, P), at(4));
    expect(points.map((p) => p.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    const open0 = points[0]!.open;
    expect(points[0]!.total).toBe(total);
    expect(points.map((p) => p.open)).toEqual([open0, open0 - 5, open0 - 5, open0 - 5, open0 - 5 - 1 + 1]);
    expect(points.at(-1)!.total).toBe(total + 1);
    expect(points.at(-1)!.open).toBe(openItemCount(planOf(doc), at(4)).open);

    // T0 is 08:00 UTC; at UTC-10 it is still 28 February there.
    expect(burndown(historyOf(doc, P), at(0, 1), -600)[0]?.date).toBe('2026-02-28');
  });

  it('timeline: one entry per applied command with an i18n summary', () => {
    let doc = withPlan(at(0));
    doc = must(
      doc,
      {
        type: 'asset.upsert',
        planId: P,
        asset: {
          id: 'a',
          serviceId: 'music',
          kind: 'membership',
          label: '黑胶VIP',
          amount: { measure: 'units', amount: 90, unit: '天' },
          status: 'open',
        },
      },
      at(1),
    );
    const t = timeline(historyOf(doc, P));
    expect(t.map((e) => e.command)).toEqual(['plan.create', 'asset.upsert']);
    expect(t[1]).toMatchObject({
      at: at(1),
      summary: { key: 'domain.timeline.asset.upsert', params: { name: '黑胶VIP', status: 'open' } },
    });
    expect(t[1]!.events[0]).toMatchObject({ type: 'plan.item-changed', section: 'asset', change: 'added' });
  });
});
