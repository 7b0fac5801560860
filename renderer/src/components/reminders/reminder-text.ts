import type { ReminderKind } from '@common/model/reminders';

/** The params a reminder's translated title and body interpolate, with the end date formatted. */
export function reminderParams(
  r: { params: Record<string, string | number>; title: string | null; note: string | null },
  formatDate: (at: number) => string,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...r.params, title: r.title ?? '', note: r.note ?? '' };
  if (typeof r.params.endAt === 'number') out.endDate = formatDate(r.params.endAt);
  return out;
}

export function titleKey(kind: ReminderKind | 'summary'): string {
  return `reminders.notification.${kind}.title`;
}

export function bodyKey(kind: ReminderKind | 'summary'): string {
  return `reminders.notification.${kind}.body`;
}
