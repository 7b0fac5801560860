import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import type {
  IcsExport,
  InAppNotification,
  RemindersList,
} from '../../../electron/common/contract/reminders';
import { DAY, HOUR } from '../../../electron/common/schedule';
import { FakeClock, must, readSnapshot, snapshotVault, startCore, submittedPlan, tempDir } from './support';

const T0 = Date.parse('2026-03-02T02:00:00.000Z');
// Quiet hours are local time and CI's zone is unknown: tests that are not about them turn them off.
const NO_QUIET = { enabled: false, start: 1320, end: 480 };

describe('reminders service over the real vault', () => {
  it('creates the cooling-off schedule on submit and records "fired" on disk before notifying', async () => {
    const dir = tempDir();
    const clock = new FakeClock(T0);
    const { core, notifier, events } = startCore(dir, clock);
    await core.start();
    await must(core, 'vault:create', { mode: 'keychain' });
    await must(core, 'reminders:set-quiet-hours', NO_QUIET);

    const snapshots: string[] = [];
    const show = notifier.show.bind(notifier);
    notifier.show = (n) => {
      snapshots.push(snapshotVault(dir));
      show(n);
    };
    await submittedPlan(core, 'p1', 'zhang@163.com');
    const list = await must<RemindersList>(core, 'reminders:list', { planId: 'p1' });
    const kinds = [...list.overdue, ...list.upcoming].map((r) => r.kind);
    expect(kinds[0]).toBe('cooling-off.start');
    expect(kinds).toEqual(
      expect.arrayContaining([
        'cooling-off.check-in',
        'cooling-off.end-minus-3',
        'cooling-off.end-minus-1',
        'cooling-off.end',
        'cooling-off.bounce-check',
      ]),
    );
    expect(list.overdue.map((r) => r.kind)).toEqual(['cooling-off.start']);

    await vi.waitFor(() =>
      expect(notifier.shown.map((n) => n.title)).toEqual([
        'Cooling-off has started: do not log in to zhang@163.com',
      ]),
    );
    const onDisk = await readSnapshot(snapshots[0]!, dir, clock);
    const start = onDisk.reminders.items.find((r) => r.kind === 'cooling-off.start');
    expect(start?.firedAt).toBe(T0);

    // Clicking the notification asks the app to open the plan.
    notifier.click();
    const clicked = events.filter((e) => e.event === 'reminders:notification').map((e) => e.payload);
    expect(clicked.at(-1)).toMatchObject({
      clicked: true,
      notification: { planId: 'p1' },
    });
    expect(await must<InAppNotification[]>(core, 'reminders:notifications')).toHaveLength(1);
    await core.close();
  });

  it('delivers what came due while the app was closed as one summary at the next start', async () => {
    const dir = tempDir();
    const clock = new FakeClock(T0);
    const first = startCore(dir, clock);
    await first.core.start();
    await must(first.core, 'vault:create', { mode: 'keychain' });
    await must(first.core, 'reminders:set-quiet-hours', NO_QUIET);
    await submittedPlan(first.core, 'p1', 'li@126.com');
    await vi.waitFor(() => expect(first.notifier.shown).toHaveLength(1));
    await first.core.close();

    clock.advance(20 * DAY); // a 15-day cooling-off: everything up to the bounce check is due
    const second = startCore(dir, clock);
    await second.core.start();
    expect(second.notifier.shown).toHaveLength(1);
    expect(second.notifier.shown[0]?.title).toMatch(/^You have \d+ reminders$/);
    const list = await must<RemindersList>(second.core, 'reminders:list', {});
    expect(list.upcoming).toEqual([]);
    // Of the plan's cooling-off reminders missed meanwhile, only the latest is listed: "3 days
    // left" and "the last day to withdraw" are past deadlines by now, nothing to snooze.
    expect(list.overdue.map((r) => r.kind)).toEqual(['cooling-off.bounce-check']);
    expect(list.overdue.every((r) => r.firedAt !== null)).toBe(true);
    const inApp = await must<InAppNotification[]>(second.core, 'reminders:notifications');
    expect(inApp[0]).toMatchObject({ kind: 'summary', planId: 'p1', item: null });
    expect(inApp[0]?.params).toMatchObject({ count: expect.any(Number) });
    expect(Number(inApp[0]?.params.count)).toBeGreaterThanOrEqual(5);

    // Restarting again shows nothing new: no duplicates.
    await second.core.close();
    const third = startCore(dir, clock);
    await third.core.start();
    expect(third.notifier.shown).toEqual([]);
    await third.core.close();
  });

  it('snoozes, dismisses, adds user reminders, honours quiet hours and withdraws', async () => {
    const dir = tempDir();
    const clock = new FakeClock(T0);
    const { core, notifier, power } = startCore(dir, clock);
    await core.start();
    await must(core, 'vault:create', { mode: 'keychain' });
    await must(core, 'reminders:set-quiet-hours', NO_QUIET);
    await submittedPlan(core, 'p1', 'wang@yeah.net');
    await vi.waitFor(() => expect(notifier.shown).toHaveLength(1));
    const startId = 'co:p1:cooling-off.start';

    const snoozedView = await must<{ snoozedUntil: number; status: string }>(core, 'reminders:snooze', {
      id: startId,
      choice: { kind: 'hour' },
    });
    expect(snoozedView).toMatchObject({ snoozedUntil: T0 + HOUR, status: 'upcoming' });
    expect(
      await core.dispatch('reminders:snooze', { id: startId, choice: { kind: 'at', at: T0 - 1 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'reminders.time-in-past' },
    });
    clock.advance(HOUR);
    power.resume();
    await vi.waitFor(() => expect(notifier.shown.map((n) => n.id)).toEqual([`${startId}#0`, `${startId}#1`]));

    const user = await must<{ id: string }>(core, 'reminders:add', {
      planId: 'p1',
      item: { kind: 'service', id: 'game-mhxy' },
      title: 'Check the game refund',
      note: 'Order 42',
      at: clock.now() + 2 * DAY,
    });
    expect(
      await core.dispatch('reminders:add', { planId: 'nope', item: null, title: 'x', at: clock.now() + 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'reminders.plan-not-found' },
    });

    // Quiet hours all day long: due reminders wait.
    await must(core, 'reminders:set-quiet-hours', { enabled: true, start: 0, end: 1439 });
    clock.advance(2 * DAY);
    power.resume();
    await vi.waitFor(async () =>
      expect((await must<RemindersList>(core, 'reminders:list', {})).quietUntil).not.toBeNull(),
    );
    const shownBefore = notifier.shown.length;
    await must(core, 'reminders:set-quiet-hours', { enabled: false, start: 1320, end: 480 });
    const late = notifier.shown.slice(shownBefore);
    expect(late).toHaveLength(1);
    expect(late[0]?.title).toMatch(/reminders$|Check the game refund/);

    const ics = await must<IcsExport>(core, 'reminders:export-ics', { locale: 'zh-CN' });
    const cal = new ICAL.Component(ICAL.parse(ics.content));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(ics.count);

    await must(core, 'reminders:dismiss', { id: user.id });
    await must(core, 'plan:apply', { type: 'plan.withdraw', planId: 'p1' });
    const after = await must<RemindersList>(core, 'reminders:list', {});
    expect(after.upcoming).toEqual([]);
    expect(after.done.some((r) => r.cancelledAt !== null)).toBe(true);
    expect(await must(core, 'reminders:login-item')).toEqual({ supported: false, enabled: false });
    expect(await core.dispatch('reminders:set-login-item', { enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'reminders.login-item-unavailable' },
    });
    await core.close();
  });
});
