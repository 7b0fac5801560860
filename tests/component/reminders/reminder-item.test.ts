import { describe, expect, it } from 'vitest';
import type { ReminderView, SnoozeOption } from '@common/contract/reminders';
import ReminderItem from '../../../renderer/src/components/reminders/ReminderItem.vue';
import { mountIn } from '../plan/mount';

/**
 * "Remind me later" on one reminder: an outside tester saw a reminder due in three days offer "in
 * an hour" and "tonight", which would have brought it forward. Only later times are offered.
 */
const NOW = Date.parse('2026-12-07T09:00:00.000Z');
const HOUR = 3_600_000;
const options: SnoozeOption[] = [
  { kind: 'hour', at: NOW + HOUR },
  { kind: 'evening', at: NOW + 10 * HOUR },
  { kind: 'tomorrow-morning', at: NOW + 24 * HOUR },
];

function reminder(dueAt: number, status: ReminderView['status']): ReminderView {
  return {
    id: 'r1',
    kind: 'user',
    planId: null,
    item: null,
    title: 'Check the game refund',
    note: null,
    params: {},
    dueAt,
    snoozedUntil: null,
    revision: 0,
    firedAt: status === 'overdue' ? dueAt : null,
    firedAs: null,
    dismissedAt: null,
    cancelledAt: null,
    status,
    effectiveDueAt: dueAt,
  } as ReminderView;
}

const offered = (dueAt: number, status: ReminderView['status']) =>
  mountIn(ReminderItem, 'zh-CN', { props: { reminder: reminder(dueAt, status), snoozeOptions: options } })
    .findAll('[data-testid^="reminder-snooze-"]')
    .map((b) => b.attributes('data-testid'));

describe('ReminderItem snooze choices', () => {
  it('offers every choice for an overdue reminder', () => {
    expect(offered(NOW - HOUR, 'overdue')).toEqual([
      'reminder-snooze-hour',
      'reminder-snooze-evening',
      'reminder-snooze-tomorrow-morning',
      'reminder-snooze-pick',
    ]);
  });

  it('offers only later times for an upcoming one, and always a time of one’s own', () => {
    expect(offered(NOW + 3 * 24 * HOUR, 'upcoming')).toEqual(['reminder-snooze-pick']);
    expect(offered(NOW + 5 * HOUR, 'upcoming')).toEqual([
      'reminder-snooze-evening',
      'reminder-snooze-tomorrow-morning',
      'reminder-snooze-pick',
    ]);
  });
});
