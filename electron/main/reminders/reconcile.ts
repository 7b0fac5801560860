/**
 * Keeps the document's reminders in line with its plans: cooling-off reminders follow each plan's
 * submission (created on submit, moved when the date or length changes, cancelled on withdraw,
 * closure or deletion); reminders of a deleted plan are cancelled. Pure and idempotent, so the
 * service can run it after any change and at every start (which also heals a crash between the
 * plan's save and the reminders' save).
 */
import type { VaultDocument } from '../../common/model/document';
import type { Plan } from '../../common/model/plan';
import type { Reminder } from '../../common/model/reminders';
import {
  coolingOffReminders,
  reconcileCoolingOff,
  type CoolingOffInput,
  type TimeZone,
} from '../../common/schedule';

export function coolingOffInputOf(plan: Plan): CoolingOffInput {
  const submittedAt =
    plan.phase === 'submitted' && plan.coolingOff.submittedAt !== null
      ? Date.parse(plan.coolingOff.submittedAt)
      : null;
  return { planId: plan.id, address: plan.address, submittedAt, coolingOffDays: plan.coolingOff.days };
}

/** Returns the same array when nothing changes. */
export function reconcileReminders(doc: VaultDocument, now: number, zone: TimeZone): readonly Reminder[] {
  let items: readonly Reminder[] = doc.reminders.items;
  const planIds = new Set<string>();
  for (const plan of doc.plans) {
    planIds.add(plan.id);
    items = reconcileCoolingOff(
      items,
      plan.id,
      coolingOffReminders(coolingOffInputOf(plan), doc.reminders.settings, zone),
      now,
    );
  }
  if (items.some((r) => r.planId !== null && !planIds.has(r.planId) && r.cancelledAt === null)) {
    items = items.map((r) =>
      r.planId !== null && !planIds.has(r.planId) && r.cancelledAt === null ? { ...r, cancelledAt: now } : r,
    );
  }
  return items;
}

export function withReminders(doc: VaultDocument, items: readonly Reminder[]): VaultDocument {
  return items === doc.reminders.items ? doc : { ...doc, reminders: { ...doc.reminders, items: [...items] } };
}
