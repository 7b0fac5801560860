/** How stored reminders are shown: the list, the in-app notifications, the tray summary. */
import type {
  InAppNotification,
  ReminderView,
  RemindersChanged,
  RemindersList,
} from '../../common/contract/reminders';
import { isCoolingOffKind, type Reminder, type RemindersState } from '../../common/model/reminders';
import {
  effectiveDueAt,
  inQuietHours,
  isPending,
  quietHoursEnd,
  reminderStatus,
  snoozeOptions,
  type TimeZone,
} from '../../common/schedule';

export function toView(r: Reminder, now: number): ReminderView {
  return {
    ...r,
    status: reminderStatus(r, now),
    effectiveDueAt: effectiveDueAt(r),
  };
}

/**
 * Overdue cooling-off reminders that a later overdue one of the same plan has overtaken. When the
 * app was not running, or the computer slept, through part of the period, "three days left" and
 * "the last day to withdraw" are past by the time "the period has ended" is due: listing them as
 * overdue, with a snooze, alarms about deadlines already gone. Only each plan's latest is shown.
 */
export function overtakenCoolingOff(items: readonly Reminder[], now: number): Set<string> {
  const latest = new Map<string | null, Reminder>();
  const overdue: Reminder[] = [];
  for (const r of items) {
    if (!isCoolingOffKind(r.kind) || reminderStatus(r, now) !== 'overdue') continue;
    overdue.push(r);
    const l = latest.get(r.planId);
    if (!l || effectiveDueAt(r) > effectiveDueAt(l)) latest.set(r.planId, r);
  }
  return new Set(overdue.filter((r) => latest.get(r.planId) !== r).map((r) => r.id));
}

export function listReminders(
  state: RemindersState,
  now: number,
  zone: TimeZone,
  planId?: string,
): RemindersList {
  const upcoming: ReminderView[] = [];
  const overdue: ReminderView[] = [];
  const done: ReminderView[] = [];
  let heldBack = false;
  const overtaken = overtakenCoolingOff(state.items, now);
  for (const r of state.items) {
    if (planId !== undefined && r.planId !== planId) continue;
    if (overtaken.has(r.id)) continue;
    const v = toView(r, now);
    if (v.status === 'upcoming') upcoming.push(v);
    else if (v.status === 'overdue') {
      overdue.push(v);
      if (isPending(r)) heldBack = true;
    } else done.push(v);
  }
  upcoming.sort((a, b) => a.effectiveDueAt - b.effectiveDueAt);
  overdue.sort((a, b) => a.effectiveDueAt - b.effectiveDueAt);
  const doneAt = (v: ReminderView) => v.dismissedAt ?? v.cancelledAt ?? 0;
  done.sort((a, b) => doneAt(b) - doneAt(a));
  const quiet = heldBack && inQuietHours(now, state.settings.quietHours, zone);
  return {
    now,
    upcoming,
    overdue,
    done,
    snoozeOptions: snoozeOptions(now, state.settings, zone),
    settings: state.settings,
    quietUntil: quiet ? quietHoursEnd(now, state.settings.quietHours, zone) : null,
  };
}

/** The notification for reminders delivered together (one: itself; several: a summary). */
export function notificationOf(fired: readonly Reminder[], at: number): InAppNotification {
  const first = fired[0];
  if (!first) throw new Error('notificationOf needs at least one reminder');
  if (fired.length === 1) {
    return {
      id: `${first.id}#${first.revision}`,
      kind: first.kind,
      at,
      reminderIds: [first.id],
      planId: first.planId,
      item: first.item,
      params: first.params,
      title: first.title,
      note: first.note,
    };
  }
  const plans = new Set(fired.map((r) => r.planId));
  const onePlan = plans.size === 1 ? first.planId : null;
  return {
    id: `summary:${at}`,
    kind: 'summary',
    at,
    reminderIds: fired.map((r) => r.id),
    planId: onePlan,
    // No item: a summary opens the reminders screen, where all of them are listed.
    item: null,
    params: { count: fired.length },
    title: null,
    note: null,
  };
}

/** Delivered and not yet dismissed, newest first; reminders delivered as one summary stay together. */
export function inAppNotifications(items: readonly Reminder[]): InAppNotification[] {
  const singles: InAppNotification[] = [];
  const summaries = new Map<number, Reminder[]>();
  for (const r of items) {
    if (r.firedAt === null || r.dismissedAt !== null || r.cancelledAt !== null) continue;
    if (r.firedAs === 'summary') {
      const group = summaries.get(r.firedAt) ?? [];
      group.push(r);
      summaries.set(r.firedAt, group);
    } else singles.push(notificationOf([r], r.firedAt));
  }
  const grouped = [...summaries].map(([at, group]) => notificationOf(group, at));
  return [...singles, ...grouped].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}

export function changedPayload(state: RemindersState, now: number): RemindersChanged {
  let next: Reminder | null = null;
  let overdueCount = 0;
  const overtaken = overtakenCoolingOff(state.items, now);
  for (const r of state.items) {
    if (overtaken.has(r.id)) continue;
    const status = reminderStatus(r, now);
    if (status === 'overdue') overdueCount++;
    else if (status === 'upcoming' && (next === null || effectiveDueAt(r) < effectiveDueAt(next))) next = r;
  }
  return {
    next: next && {
      id: next.id,
      at: effectiveDueAt(next),
      kind: next.kind,
      params: next.params,
      title: next.title,
    },
    overdueCount,
  };
}
