import { z } from 'zod';
import { channel, event } from './define';
import {
  itemRefSchema,
  quietHoursSchema,
  type ItemRef,
  type Reminder,
  type ReminderKind,
  type ReminderSettings,
} from '../model/reminders';
import { inputEpochMsSchema } from '../model/primitives';
import type { ReminderStatus, SnoozeChoice } from '../schedule';
import { localeSchema } from '../locale';

/** A reminder as the screen shows it. Times are ms since the epoch (UTC). */
export interface ReminderView extends Reminder {
  status: ReminderStatus;
  /** `snoozedUntil ?? dueAt`: when it comes (or came) next. */
  effectiveDueAt: number;
}

export type SnoozeOption = { kind: 'hour' | 'evening' | 'tomorrow-morning'; at: number };

export interface RemindersList {
  /** The main process's clock when the list was made (the harness clock in tests). */
  now: number;
  /** Not yet due, soonest first. */
  upcoming: ReminderView[];
  /** Delivered or due and not dismissed, oldest first. */
  overdue: ReminderView[];
  /** Dismissed or cancelled, most recent first. */
  done: ReminderView[];
  /** The snooze choices available now, with their times ("this evening" disappears after 19:00). */
  snoozeOptions: SnoozeOption[];
  settings: ReminderSettings;
  /** Set while due reminders are held back by quiet hours: when they will be notified. */
  quietUntil: number | null;
}

/**
 * One entry of the in-app notification list (the fallback where the system shows none, and the
 * payload of `reminders:notification`). A summary stands for several reminders delivered together.
 */
export interface InAppNotification {
  /** `<reminderId>#<revision>` for one reminder, `summary:<firedAt>` for a summary. */
  id: string;
  kind: ReminderKind | 'summary';
  at: number;
  reminderIds: string[];
  planId: string | null;
  /** With `item`, what a click opens (the renderer maps them to a screen: none, the reminders list). */
  item: ItemRef | null;
  /** For the translated title/body: the reminder's params, `count` for a summary. */
  params: Record<string, string | number>;
  /** The user's own title and note (user reminders), else null. */
  title: string | null;
  note: string | null;
}

export interface RemindersChanged {
  /** The next reminder to come, for the tray and a badge. */
  next: {
    id: string;
    at: number;
    kind: ReminderKind;
    params: Record<string, string | number>;
    title: string | null;
  } | null;
  overdueCount: number;
}

export interface LoginItemStatus {
  /** False in the browser harness, or where the platform offers no way. */
  supported: boolean;
  enabled: boolean;
}

export interface IcsExport {
  /** Suggested file name. */
  filename: string;
  /** RFC 5545 text, CRLF line endings. */
  content: string;
  /** Number of events in it. */
  count: number;
}

const id = z.string().min(1).max(200);
/** A time the caller chooses: bounded, so the screen's date formatting can never throw on it. */
const epochMs = inputEpochMsSchema;

export const snoozeChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hour') }).strict(),
  z.object({ kind: z.literal('evening') }).strict(),
  z.object({ kind: z.literal('tomorrow-morning') }).strict(),
  z.object({ kind: z.literal('at'), at: epochMs }).strict(),
]) satisfies z.ZodType<SnoozeChoice>;

export const remindersChannels = {
  /** All reminders, or one plan's (`planId`), grouped as upcoming / overdue / done. */
  'reminders:list': channel<RemindersList>()(z.object({ planId: id.optional() }).strict()),
  /** A user reminder on a plan, optionally on one item of it; `at` must be in the future. */
  'reminders:add': channel<ReminderView>()(
    z
      .object({
        planId: id.nullable(),
        item: itemRefSchema.nullable(),
        title: z.string().trim().min(1).max(500),
        note: z.string().max(4000).nullable().optional(),
        at: epochMs,
      })
      .strict(),
  ),
  'reminders:snooze': channel<ReminderView>()(z.object({ id, choice: snoozeChoiceSchema }).strict()),
  'reminders:dismiss': channel<ReminderView>()(z.object({ id }).strict()),
  /** Start/end as local minutes of the day (22:00 = 1320); start = end means none. */
  'reminders:set-quiet-hours': channel<ReminderSettings>()(quietHoursSchema),
  /** Cooling-off check-in cadence in days, 0 = none; recomputes every submitted plan's reminders. */
  'reminders:set-check-in': channel<ReminderSettings>()(
    z.object({ everyDays: z.number().int().min(0).max(30) }).strict(),
  ),
  /** Upcoming reminders (all, or one plan's) as an .ics calendar with an alarm on each event. */
  'reminders:export-ics': channel<IcsExport>()(
    z.object({ locale: localeSchema, planId: id.optional() }).strict(),
  ),
  /** The in-app notification list, newest first (delivered and not yet dismissed). */
  'reminders:notifications': channel<InAppNotification[]>()(z.void()),
  'reminders:login-item': channel<LoginItemStatus>()(z.void()),
  'reminders:set-login-item': channel<LoginItemStatus>()(z.object({ enabled: z.boolean() }).strict()),
} as const;

export const remindersEvents = {
  'reminders:changed': event<RemindersChanged>(),
  /**
   * `clicked: false`: a notification was just delivered (add it to the in-app list).
   * `clicked: true`: the user clicked the system notification; open `notification.route`.
   */
  'reminders:notification': event<{ notification: InAppNotification; clicked: boolean }>(),
} as const;
