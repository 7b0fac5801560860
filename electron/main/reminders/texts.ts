/** Notification and calendar wording in main, from the shared tree in common/reminder-text.ts. */
import type { InAppNotification } from '../../common/contract/reminders';
import type { Reminder } from '../../common/model/reminders';
import {
  fillTemplate,
  reminderWords,
  type NotificationTextKey,
  type TitleBody,
} from '../../common/reminder-text';
import type { Locale } from '../../common/locale';

function formatParams(
  params: Record<string, string | number>,
  locale: Locale,
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
  locale: Locale,
  params: Record<string, string | number>,
  user: { title: string | null; note: string | null } = { title: null, note: null },
): TitleBody {
  const t = reminderWords[locale].notification[key];
  const p = formatParams(params, locale, { title: user.title ?? '', note: user.note ?? '' });
  return { title: fillTemplate(t.title, p), body: fillTemplate(t.body, p) };
}

export function notificationWords(n: InAppNotification, locale: Locale): TitleBody {
  return wordsFor(n.kind, locale, n.params, n);
}

export function reminderWordsOf(r: Reminder, locale: Locale): TitleBody {
  return wordsFor(r.kind, locale, r.params, r);
}
