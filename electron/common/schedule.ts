/**
 * Reminder arithmetic, pure: what is due, catch-up, snooze, quiet hours, the cooling-off schedule.
 * The time is always passed in (never read here), and so is the time zone, so tests can run any
 * clock in any zone. Reminders are absolute times; nothing here produces a duration to wait for
 * longer than the caller's polling interval.
 */
import {
  isCoolingOffKind,
  type CoolingOffKind,
  type QuietHours,
  type Reminder,
  type ReminderSettings,
} from './model/reminders';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Polling interval of the scheduler; also the longest timer it ever arms. */
export const CHECK_INTERVAL_MS = 30_000;
const MIN_TIMER_MS = 250;

// ---------------------------------------------------------------------------------------------
// Time zones: local wall-clock arithmetic without reading the process's zone inside pure code.

export interface TimeZone {
  /** Minutes east of UTC in effect at this instant (China: 480). */
  offsetMinutes(utcMs: number): number;
}

export function fixedZone(offsetMinutes: number): TimeZone {
  return { offsetMinutes: () => offsetMinutes };
}

/** The zone of the running process (main passes this in; `Date` is only used for its offset). */
export const systemZone: TimeZone = { offsetMinutes: (ms) => -new Date(ms).getTimezoneOffset() };

/** Days since the epoch in local time. */
export function localDay(ms: number, zone: TimeZone): number {
  return Math.floor((ms + zone.offsetMinutes(ms) * MINUTE) / DAY);
}

export function localMinuteOfDay(ms: number, zone: TimeZone): number {
  const local = ms + zone.offsetMinutes(ms) * MINUTE;
  return Math.floor((local - Math.floor(local / DAY) * DAY) / MINUTE);
}

/** The UTC instant of local `day` at `minute` (two passes, so DST transitions land correctly). */
export function atLocal(day: number, minute: number, zone: TimeZone): number {
  const wall = day * DAY + minute * MINUTE;
  const guess = wall - zone.offsetMinutes(wall) * MINUTE;
  return wall - zone.offsetMinutes(guess) * MINUTE;
}

// ---------------------------------------------------------------------------------------------
// Quiet hours

export function inQuietHours(ms: number, quiet: QuietHours, zone: TimeZone): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const m = localMinuteOfDay(ms, zone);
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** When the quiet hours containing `ms` end; `ms` itself when it is not in quiet hours. */
export function quietHoursEnd(ms: number, quiet: QuietHours, zone: TimeZone): number {
  if (!inQuietHours(ms, quiet, zone)) return ms;
  const day = localDay(ms, zone);
  const m = localMinuteOfDay(ms, zone);
  const endDay = m < quiet.end ? day : day + 1;
  const end = atLocal(endDay, quiet.end, zone);
  // A DST shift could put the computed end at or before `ms`; never return a time in the past.
  return end > ms ? end : ms + MINUTE;
}

// ---------------------------------------------------------------------------------------------
// State of one reminder

export type ReminderStatus = 'upcoming' | 'overdue' | 'done';

export function effectiveDueAt(r: Reminder): number {
  return r.snoozedUntil ?? r.dueAt;
}

/** Not yet delivered in its current revision, and still wanted. */
export function isPending(r: Reminder): boolean {
  return r.firedAt === null && r.dismissedAt === null && r.cancelledAt === null;
}

/**
 * Done = dismissed or cancelled; overdue = delivered (but not dismissed) or due; else upcoming.
 * A delivered reminder stays overdue even if the clock jumps back before its due time.
 */
export function reminderStatus(r: Reminder, now: number): ReminderStatus {
  if (r.dismissedAt !== null || r.cancelledAt !== null) return 'done';
  if (r.firedAt !== null || effectiveDueAt(r) <= now) return 'overdue';
  return 'upcoming';
}

// ---------------------------------------------------------------------------------------------
// The scheduler check

export interface CheckPlan {
  /** Pending reminders whose time has come, to record as fired and then deliver (oldest first). */
  fire: Reminder[];
  /** How they are delivered: one notification, one summary for several, or nothing. */
  delivery: 'none' | 'single' | 'summary';
  /** Set when due reminders are held back by quiet hours: when they will be delivered. */
  quietUntil: number | null;
  /** The earliest future moment something could become deliverable, for the next timer. */
  nextAt: number | null;
}

/**
 * One check: everything pending and due at `now` is delivered now, as one notification when there
 * is one and as one summary when there are several (after the app was closed or asleep), unless
 * `now` is in quiet hours, which defers all of them to the end of the quiet hours.
 * One pass over the reminders, no allocation per reminder beyond the due list.
 */
export function planCheck(
  items: readonly Reminder[],
  settings: ReminderSettings,
  now: number,
  zone: TimeZone,
): CheckPlan {
  const due: Reminder[] = [];
  let nextAt = Infinity;
  for (const r of items) {
    if (r.firedAt !== null || r.dismissedAt !== null || r.cancelledAt !== null) continue;
    const at = r.snoozedUntil ?? r.dueAt;
    if (at <= now) due.push(r);
    else if (at < nextAt) nextAt = at;
  }
  const next = nextAt === Infinity ? null : nextAt;
  if (due.length > 0 && inQuietHours(now, settings.quietHours, zone)) {
    const quietUntil = quietHoursEnd(now, settings.quietHours, zone);
    return {
      fire: [],
      delivery: 'none',
      quietUntil,
      nextAt: next === null ? quietUntil : Math.min(next, quietUntil),
    };
  }
  due.sort((a, b) => effectiveDueAt(a) - effectiveDueAt(b) || (a.id < b.id ? -1 : 1));
  const delivery = due.length === 0 ? 'none' : due.length === 1 ? 'single' : 'summary';
  return { fire: due, delivery, quietUntil: null, nextAt: next };
}

/** Records the firing of `ids` at `now` (done in the vault before any notification is shown). */
export function markFired(
  items: readonly Reminder[],
  ids: ReadonlySet<string>,
  now: number,
  as: 'single' | 'summary',
): Reminder[] {
  return items.map((r) => (ids.has(r.id) && isPending(r) ? { ...r, firedAt: now, firedAs: as } : r));
}

/** How long the scheduler may sleep before its next check: never more than the polling interval. */
export function nextCheckDelay(nextAt: number | null, now: number, interval = CHECK_INTERVAL_MS): number {
  if (nextAt === null) return interval;
  return Math.min(interval, Math.max(MIN_TIMER_MS, nextAt - now));
}

// ---------------------------------------------------------------------------------------------
// Snooze and dismiss

export type SnoozeChoice =
  { kind: 'hour' } | { kind: 'evening' } | { kind: 'tomorrow-morning' } | { kind: 'at'; at: number };

/** The moment a snooze choice means at `now`; null when that moment is not in the future. */
export function snoozeTime(
  choice: SnoozeChoice,
  now: number,
  settings: ReminderSettings,
  zone: TimeZone,
): number | null {
  let at: number;
  switch (choice.kind) {
    case 'hour':
      at = now + HOUR;
      break;
    case 'evening':
      at = atLocal(localDay(now, zone), settings.evening, zone);
      break;
    case 'tomorrow-morning':
      at = atLocal(localDay(now, zone) + 1, settings.morning, zone);
      break;
    case 'at':
      at = choice.at;
      break;
  }
  return at > now ? at : null;
}

/** The snooze choices that make sense now, with their times (the screen shows "this evening, 19:00"). */
export function snoozeOptions(
  now: number,
  settings: ReminderSettings,
  zone: TimeZone,
): { kind: 'hour' | 'evening' | 'tomorrow-morning'; at: number }[] {
  const out: { kind: 'hour' | 'evening' | 'tomorrow-morning'; at: number }[] = [];
  for (const kind of ['hour', 'evening', 'tomorrow-morning'] as const) {
    const at = snoozeTime({ kind }, now, settings, zone);
    if (at !== null) out.push({ kind, at });
  }
  return out;
}

/** A snoozed reminder is a new delivery: next revision, not fired, due at `until`. */
export function snoozed(r: Reminder, until: number): Reminder {
  return { ...r, snoozedUntil: until, firedAt: null, firedAs: null, revision: r.revision + 1 };
}

export function dismissed(r: Reminder, now: number): Reminder {
  return r.dismissedAt === null ? { ...r, dismissedAt: now } : r;
}

// ---------------------------------------------------------------------------------------------
// The cooling-off schedule

/** What the schedule needs from a plan (the closure domain's plan maps onto this). */
export interface CoolingOffInput {
  planId: string;
  /** The address being closed, for the texts. */
  address: string;
  /** Submission time, or null when the plan is not (or no longer) submitted. */
  submittedAt: number | null;
  coolingOffDays: number;
}

export type ReminderSpec = Pick<Reminder, 'id' | 'kind' | 'planId' | 'item' | 'params' | 'dueAt'>;

export function coolingOffId(planId: string, kind: CoolingOffKind, n?: number): string {
  return n === undefined ? `co:${planId}:${kind}` : `co:${planId}:${kind}:${n}`;
}

/**
 * The reminders a submitted plan should have: day 0 at submission; a check-in every
 * `checkInEveryDays` days (at the morning time) until three days before the end; end minus 3 and
 * minus 1 day; the end day; the day after (send a test mail, expect a bounce, mark closed).
 * The end is submission + `coolingOffDays` days; "days" are local calendar days.
 */
export function coolingOffReminders(
  plan: CoolingOffInput,
  settings: ReminderSettings,
  zone: TimeZone,
): ReminderSpec[] {
  if (plan.submittedAt === null || plan.coolingOffDays < 1) return [];
  const submittedAt = plan.submittedAt;
  const endAt = submittedAt + plan.coolingOffDays * DAY;
  const startDay = localDay(submittedAt, zone);
  const endDay = localDay(endAt, zone);
  const params = { address: plan.address, endAt, days: plan.coolingOffDays };
  const spec = (kind: CoolingOffKind, dueAt: number, n?: number): ReminderSpec => ({
    id: coolingOffId(plan.planId, kind, n),
    kind,
    planId: plan.planId,
    item: null,
    params: n === undefined ? params : { ...params, day: n },
    dueAt,
  });
  const out: ReminderSpec[] = [spec('cooling-off.start', submittedAt)];
  const every = settings.checkInEveryDays;
  if (every > 0) {
    for (let d = every; startDay + d < endDay - 3; d += every) {
      out.push(spec('cooling-off.check-in', atLocal(startDay + d, settings.morning, zone), d));
    }
  }
  const morningOf = (day: number) => atLocal(day, settings.morning, zone);
  for (const [kind, day] of [
    ['cooling-off.end-minus-3', endDay - 3],
    ['cooling-off.end-minus-1', endDay - 1],
    ['cooling-off.end', endDay],
    ['cooling-off.bounce-check', endDay + 1],
  ] as const) {
    const at = morningOf(day);
    // A short period (or a late submission) can put the earlier ones before the submission itself.
    if (at > submittedAt) out.push(spec(kind, at));
  }
  return out;
}

/**
 * Brings the plan's stored cooling-off reminders in line with `desired` (from
 * `coolingOffReminders`): unchanged ones keep their state; a moved one is delivered again unless it
 * was already delivered (or dismissed) and its new time has passed as well; unwanted ones are
 * cancelled (withdrawn or closed plan, shorter period). Returns the same array when nothing changed.
 */
export function reconcileCoolingOff(
  items: readonly Reminder[],
  planId: string,
  desired: readonly ReminderSpec[],
  now: number,
): readonly Reminder[] {
  const want = new Map(desired.map((d) => [d.id, d]));
  let changed = false;
  const seen = new Set<string>();
  const out: Reminder[] = [];
  for (const r of items) {
    if (r.planId !== planId || !isCoolingOffKind(r.kind)) {
      out.push(r);
      continue;
    }
    const d = want.get(r.id);
    seen.add(r.id);
    if (!d) {
      if (r.cancelledAt === null) {
        changed = true;
        out.push({ ...r, cancelledAt: now });
      } else out.push(r);
      continue;
    }
    const next = reconcileOne(r, d, now);
    if (next !== r) changed = true;
    out.push(next);
  }
  for (const d of desired) {
    if (seen.has(d.id)) continue;
    changed = true;
    out.push(newReminder(d, now));
  }
  return changed ? out : items;
}

function sameParams(a: Reminder['params'], b: Reminder['params']): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function reconcileOne(r: Reminder, d: ReminderSpec, now: number): Reminder {
  if (r.cancelledAt !== null) {
    // Submitted again after a withdrawal: a new delivery.
    return { ...fresh(r, d), cancelledAt: null, dismissedAt: null };
  }
  if (r.dueAt === d.dueAt) return sameParams(r.params, d.params) ? r : { ...r, params: d.params };
  const settled = r.firedAt !== null || r.dismissedAt !== null;
  if (settled && d.dueAt <= now) return { ...r, dueAt: d.dueAt, params: d.params };
  return { ...fresh(r, d), dismissedAt: null };
}

function fresh(r: Reminder, d: ReminderSpec): Reminder {
  return {
    ...r,
    dueAt: d.dueAt,
    params: d.params,
    snoozedUntil: null,
    firedAt: null,
    firedAs: null,
    revision: r.revision + 1,
  };
}

export function newReminder(
  d: ReminderSpec & Partial<Pick<Reminder, 'title' | 'note'>>,
  now: number,
): Reminder {
  return {
    id: d.id,
    kind: d.kind,
    planId: d.planId,
    item: d.item,
    title: d.title ?? null,
    note: d.note ?? null,
    params: d.params,
    dueAt: d.dueAt,
    snoozedUntil: null,
    revision: 0,
    firedAt: null,
    firedAs: null,
    dismissedAt: null,
    cancelledAt: null,
    createdAt: now,
  };
}
