/** The calendar export: every upcoming reminder as an RFC 5545 event with a display alarm (VALARM). */
import { createEvents, type EventAttributes } from 'ics';
import type { IcsExport } from '../../common/contract/reminders';
import type { Reminder } from '../../common/model/reminders';
import { reminderWords } from '../../common/reminder-text';
import type { Locale } from '../../common/locale';
import { AppFailure } from '../../common/result';
import { effectiveDueAt, reminderStatus } from '../../common/schedule';
import { reminderWordsOf } from './texts';

export function exportIcs(
  items: readonly Reminder[],
  now: number,
  locale: Locale,
  planId?: string,
): IcsExport {
  const upcoming = items
    .filter((r) => reminderStatus(r, now) === 'upcoming' && (planId === undefined || r.planId === planId))
    .sort((a, b) => effectiveDueAt(a) - effectiveDueAt(b));
  const calName = reminderWords[locale].calendar;
  const events: EventAttributes[] = upcoming.map((r) => {
    const words = reminderWordsOf(r, locale);
    return {
      // Revision in the uid: a snoozed or moved reminder is a new event, not an edit the calendar may ignore.
      uid: `${r.id}.r${r.revision}@closeout.local`,
      start: effectiveDueAt(r),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: 15 },
      title: words.title,
      description: words.body,
      // An absolute trigger: ics writes a zero relative offset as the invalid "-PT".
      alarms: [{ action: 'display', description: words.title, trigger: effectiveDueAt(r) }],
    };
  });
  const { error, value } = createEvents(events, { productId: 'closeout/reminders', calName });
  if (error || value === null)
    throw new AppFailure('reminders.export-failed', 'The calendar file could not be made');
  const day = new Date(now).toISOString().slice(0, 10);
  return { filename: `closeout-reminders-${day}.ics`, content: value, count: events.length };
}
