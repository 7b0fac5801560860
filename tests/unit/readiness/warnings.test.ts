import { describe, expect, it } from 'vitest';
import { RISK_IDS } from '../../../electron/common/catalog';
import type { VaultDocument } from '../../../electron/common/model';
import { readiness } from '../../../electron/common/readiness';
import { at, must, planOf, withPlan } from '../model/support';

const P = 'p1';
const warnings = (doc: VaultDocument, now: string) => readiness(planOf(doc), now).warnings.map((w) => w.id);

describe('ordering warnings', () => {
  it('phone unbound before the mail backup is verified', () => {
    let doc = must(
      withPlan(at(0)),
      { type: 'binding.set', planId: P, binding: 'phone', state: 'unbound', at: at(1) },
      at(1),
    );
    expect(warnings(doc, at(1))).toContain('phone-unbound-before-backup');
    // Verified after the unbinding: still the wrong order, still warned.
    doc = must(
      doc,
      {
        type: 'backup.record-verification',
        planId: P,
        kind: 'mail',
        verifiedAt: at(2),
        messages: 10,
        folders: 1,
        bytes: 100,
      },
      at(2),
    );
    expect(warnings(doc, at(2))).toContain('phone-unbound-before-backup');
    // Verified before the unbinding: fine.
    doc = must(doc, { type: 'binding.set', planId: P, binding: 'phone', state: 'unbound', at: at(3) }, at(3));
    expect(warnings(doc, at(3))).not.toContain('phone-unbound-before-backup');
  });

  it('a password change in the last 15 days', () => {
    const doc = must(withPlan(at(0)), { type: 'security.set-last-change', planId: P, at: at(0) }, at(0));
    const r = readiness(planOf(doc), at(14));
    expect(r.warnings.find((w) => w.id === 'recent-security-change')).toMatchObject({
      reason: { key: 'domain.warning.recentSecurityChange', params: { daysLeft: 1 } },
    });
    expect(warnings(doc, at(16))).not.toContain('recent-security-change');
  });

  it('still configured in a mail client: a warning while preparing, danger after submitting', () => {
    let doc = must(withPlan(at(0)), { type: 'plan.decide', planId: P }, at(0));
    expect(
      readiness(planOf(doc), at(0)).warnings.find((w) => w.id === 'mail-client-configured'),
    ).toMatchObject({ severity: 'warning', fix: { target: 'steps' } });
    doc = must(
      doc,
      { type: 'preparation.set', planId: P, preparationId: 'remove-mail-clients', status: 'done' },
      at(0),
    );
    expect(warnings(doc, at(0))).not.toContain('mail-client-configured');
  });

  it('danger when a plan was submitted (with an override) while a mail client may still log in', () => {
    let doc = must(withPlan(at(0)), { type: 'plan.decide', planId: P }, at(0));
    for (const riskId of RISK_IDS)
      doc = must(doc, { type: 'risk.acknowledge', planId: P, riskId, acknowledged: true }, at(0));
    for (const stepId of ['login', 'find-page', 'read-notice', 'preconditions', 'verify'] as const)
      doc = must(doc, { type: 'step.set', planId: P, stepId, status: 'done' }, at(0));
    doc = must(doc, { type: 'plan.submit', planId: P, override: { reason: 'in a hurry' } }, at(1));
    const r = readiness(planOf(doc), at(2));
    expect(r.warnings.find((w) => w.id === 'mail-client-configured')).toMatchObject({
      severity: 'danger',
      reason: { key: 'domain.warning.mailClientDuringCoolingOff' },
    });
    expect(planOf(doc).submission?.blockers).toContain('preparation:remove-mail-clients');
    // Once the period has ended (15 days by default), a sign-in withdraws nothing: no stale alarm.
    expect(warnings(doc, at(15))).toContain('mail-client-configured');
    expect(warnings(doc, at(17))).not.toContain('mail-client-configured');
  });
});
