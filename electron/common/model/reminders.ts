import { z } from 'zod';

/**
 * Reminders as they live in the vault document: absolute times (ms since the epoch, UTC), never
 * durations, so sleep, restarts and long cooling-off periods cannot shift them. The scheduler only
 * ever compares them with the clock (see `electron/common/schedule.ts`).
 */

export const COOLING_OFF_KINDS = [
  /** Day 0: do not log in; remove the account from every mail client. */
  'cooling-off.start',
  /** Every `checkInEveryDays` days: still not logged in? */
  'cooling-off.check-in',
  /** End minus 3 days: last days to withdraw. */
  'cooling-off.end-minus-3',
  /** End minus 1 day: last day to withdraw. */
  'cooling-off.end-minus-1',
  /** The end day. */
  'cooling-off.end',
  /** End plus 1 day: send a test mail, expect a bounce, mark the plan closed. */
  'cooling-off.bounce-check',
] as const;

export const REMINDER_KINDS = [...COOLING_OFF_KINDS, 'user'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type CoolingOffKind = (typeof COOLING_OFF_KINDS)[number];

export function isCoolingOffKind(kind: ReminderKind): kind is CoolingOffKind {
  return kind !== 'user';
}

const epochMs = z.number().int().nonnegative();

/** Any item of a plan (a step, a service, an asset, a site, a gate...), by kind and id. */
export const itemRefSchema = z
  .object({
    kind: z.string().min(1).max(40),
    id: z.string().min(1).max(200),
  })
  .strict();
export type ItemRef = z.infer<typeof itemRefSchema>;

export const reminderSchema = z
  .object({
    id: z.string().min(1).max(200),
    kind: z.enum(REMINDER_KINDS),
    planId: z.string().min(1).max(200).nullable(),
    item: itemRefSchema.nullable(),
    /** The user's own words (user reminders); cooling-off reminders are translated from `kind`. */
    title: z.string().max(500).nullable(),
    note: z.string().max(4000).nullable(),
    /** Values the translated texts interpolate (the address, the day number, the end date). */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    dueAt: epochMs,
    /** When snoozed, the reminder comes again at this time instead of `dueAt`. */
    snoozedUntil: epochMs.nullable(),
    /**
     * Bumped whenever the reminder should be delivered again (snoozed, or its due time moved to the
     * future). One delivery per (id, revision): that is what "no duplicates" means.
     */
    revision: z.number().int().nonnegative(),
    /** Recorded in the vault before the notification is shown. */
    firedAt: epochMs.nullable(),
    /** 'single' = its own notification; 'summary' = part of one summary notification. */
    firedAs: z.enum(['single', 'summary']).nullable(),
    dismissedAt: epochMs.nullable(),
    /** Cooling-off reminders of a withdrawn or closed plan, or whose date no longer exists. */
    cancelledAt: epochMs.nullable(),
    createdAt: epochMs,
  })
  .strict();
export type Reminder = z.infer<typeof reminderSchema>;

const minuteOfDay = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 - 1);

export const quietHoursSchema = z
  .object({
    enabled: z.boolean(),
    /** Local minute of the day quiet hours start (22:00 = 1320). */
    start: minuteOfDay,
    /** Local minute of the day they end (08:00 = 480); may be earlier than `start` (overnight). */
    end: minuteOfDay,
  })
  .strict();
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const reminderSettingsSchema = z
  .object({
    quietHours: quietHoursSchema,
    /** Cooling-off check-in cadence in days; 0 = no check-ins. */
    checkInEveryDays: z.number().int().min(0).max(30),
    /** Local time of the day cooling-off reminders and "tomorrow morning" are due. */
    morning: minuteOfDay,
    /** Local time "this evening" means. */
    evening: minuteOfDay,
  })
  .strict();
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  quietHours: { enabled: true, start: 22 * 60, end: 8 * 60 },
  checkInEveryDays: 3,
  morning: 9 * 60,
  evening: 19 * 60,
};

/** The `reminders` field of the vault document. */
export const remindersStateSchema = z
  .object({
    items: z.array(reminderSchema),
    settings: reminderSettingsSchema,
  })
  .strict();
export type RemindersState = z.infer<typeof remindersStateSchema>;

export function emptyRemindersState(): RemindersState {
  return { items: [], settings: structuredClone(DEFAULT_REMINDER_SETTINGS) };
}
