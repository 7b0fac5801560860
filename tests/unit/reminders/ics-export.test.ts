import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/common/model/reminders';
import { DAY, coolingOffReminders, fixedZone, newReminder } from '../../../electron/common/schedule';
import { exportIcs } from '../../../electron/main/reminders/ics-export';

const NOW = Date.parse('2026-03-02T01:00:00.000Z');

describe('.ics export', () => {
  const specs = coolingOffReminders(
    { planId: 'p1', address: 'zhang@163.com', submittedAt: NOW, coolingOffDays: 40 },
    DEFAULT_REMINDER_SETTINGS,
    fixedZone(480),
  );
  const items = specs.map((s) => newReminder(s, NOW));
  // Day 0 is due now (not upcoming); one more is dismissed: neither belongs in the calendar.
  items[1] = { ...items[1]!, dismissedAt: NOW };

  it('writes every upcoming reminder as an event with a display alarm that real parsers read', () => {
    const out = exportIcs(items, NOW, 'zh-CN');
    const cal = new ICAL.Component(ICAL.parse(out.content));
    const events = cal.getAllSubcomponents('vevent');
    const upcoming = items.filter((r) => r.dueAt > NOW && r.dismissedAt === null);
    expect(out.count).toBe(upcoming.length);
    expect(events).toHaveLength(upcoming.length);
    expect(out.content).toContain('\r\n');
    expect(out.filename).toBe('closeout-reminders-2026-03-02.ics');
    events.forEach((vevent, i) => {
      const r = upcoming[i]!;
      const ev = new ICAL.Event(vevent);
      expect(ev.uid).toBe(`${r.id}.r0@closeout.local`);
      expect(ev.startDate.toJSDate().getTime()).toBe(r.dueAt);
      expect(ev.summary).toContain('zhang@163.com');
      const alarms = vevent.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
      const trigger = alarms[0]!.getFirstPropertyValue('trigger') as ICAL.Time;
      expect(trigger.toJSDate().getTime()).toBe(r.dueAt);
    });
    const last = new ICAL.Event(events.at(-1)!);
    expect(last.summary).toBe('确认 zhang@163.com 已注销');
    expect(last.startDate.toJSDate().getTime() - NOW).toBeGreaterThan(40 * DAY);
  });

  it('exports an empty but valid calendar when nothing is upcoming', () => {
    const out = exportIcs([], NOW, 'en');
    expect(out.count).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(out.content));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
  });
});
