/** Notification and calendar wording in main, from the shared tree in common/reminder-text.ts. */
import type { InAppNotification } from '../../common/contract/reminders';
import type { Reminder } from '../../common/model/reminders';
import {
  fillTemplate,
  reminderWords,
  type NotificationTextKey,
  type ReminderLocale,
  type TitleBody,
} from '../../common/reminder-text';

function formatParams(
  params: Record<string, string | number>,
  locale: ReminderLocale,
  extra: Record<string, string | number>,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params, ...extra };
  if (typeof params.endAt === 'number') {
    out.endDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(params.endAt);
  }
  return out;
}

export function wordsFor(
  key: NotificationTextKey,
  locale: ReminderLocale,
  params: Record<string, string | number>,
  user: { title: string | null; note: string | null } = { title: null, note: null },
): TitleBody {
  const t = reminderWords[locale].notification[key];
  const p = formatParams(params, locale, { title: user.title ?? '', note: user.note ?? '' });
  return { title: fillTemplate(t.title, p), body: fillTemplate(t.body, p) };
}

export function notificationWords(n: InAppNotification, locale: ReminderLocale): TitleBody {
  return wordsFor(n.kind, locale, n.params, n);
}

export function reminderWordsOf(r: Reminder, locale: ReminderLocale): TitleBody {
  return wordsFor(r.kind, locale, r.params, r);
}
