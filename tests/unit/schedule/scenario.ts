/**
 * Random reminder scenarios (fast-check) and the oracle that judges a run. The same scenarios drive
 * the pure scheduler core (schedule.property.test.ts) and the real vault-backed service
 * (tests/unit/reminders/service.property.test.ts) through the `Driver` interface.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { QuietHours, Reminder, ReminderSettings } from '../../../electron/common/model/reminders';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/common/model/reminders';
import {
  DAY,
  HOUR,
  MINUTE,
  effectiveDueAt,
  fixedZone,
  inQuietHours,
  isPending,
  reminderStatus,
  type SnoozeChoice,
  type TimeZone,
} from '../../../electron/common/schedule';

export type Action =
  | { t: 'run'; ms: number }
  | { t: 'close'; ms: number }
  | { t: 'sleep'; ms: number }
  | { t: 'jump'; ms: number }
  | { t: 'snooze'; pick: number; choice: SnoozeChoice['kind']; atOffset: number }
  | { t: 'dismiss'; pick: number }
  | { t: 'submit'; plan: number; offset: number; days: number }
  | { t: 'withdraw'; plan: number }
  | { t: 'user'; offset: number }
  | { t: 'cadence'; every: number };

export interface Scenario {
  start: number;
  zone: number;
  quiet: QuietHours;
  actions: Action[];
}

/** A zone whose offset switches every 30 days, to exercise the DST-safe local-time arithmetic. */
export const flipZone: TimeZone = {
  offsetMinutes: (ms) => (Math.floor(ms / (30 * DAY)) % 2 === 0 ? 60 : 0),
};
export const ZONES: TimeZone[] = [fixedZone(480), fixedZone(-300), fixedZone(0), fixedZone(330), flipZone];

const span = (max: number) => fc.integer({ min: 0, max });

export const actionArb = (maxRun = 3 * DAY): fc.Arbitrary<Action> =>
  fc.oneof(
    { weight: 4, arbitrary: span(maxRun).map((ms) => ({ t: 'run' as const, ms })) },
    { weight: 3, arbitrary: span(20 * DAY).map((ms) => ({ t: 'close' as const, ms })) },
    { weight: 2, arbitrary: span(2 * DAY).map((ms) => ({ t: 'sleep' as const, ms })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.integer({ min: -3 * DAY, max: 3 * DAY }),
          fc.integer({ min: -12, max: 12 }).map((h) => h * HOUR),
        )
        .map((ms) => ({ t: 'jump' as const, ms })),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('snooze' as const),
        pick: fc.nat(),
        choice: fc.constantFrom('hour', 'evening', 'tomorrow-morning', 'at') as fc.Arbitrary<
          SnoozeChoice['kind']
        >,
        atOffset: fc.integer({ min: MINUTE, max: 5 * DAY }),
      }),
    },
    { weight: 1, arbitrary: fc.nat().map((pick) => ({ t: 'dismiss' as const, pick })) },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('submit' as const),
        plan: fc.integer({ min: 0, max: 1 }),
        offset: fc.integer({ min: -10 * DAY, max: DAY }),
        days: fc.integer({ min: 1, max: 45 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 0, max: 1 }).map((plan) => ({ t: 'withdraw' as const, plan })),
    },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: -2 * DAY, max: 10 * DAY })
        .map((offset) => ({ t: 'user' as const, offset })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 0, max: 7 }).map((every) => ({ t: 'cadence' as const, every })),
    },
  );

export const scenarioArb = (maxActions: number, maxRun?: number): fc.Arbitrary<Scenario> =>
  fc.record({
    // 2026-01-01 .. 2030-01-01
    start: fc.integer({ min: 1_767_225_600_000, max: 1_893_456_000_000 }),
    zone: fc.integer({ min: 0, max: ZONES.length - 1 }),
    quiet: fc.oneof(
      fc.constant(DEFAULT_REMINDER_SETTINGS.quietHours),
      fc.record({
        enabled: fc.boolean(),
        start: fc.integer({ min: 0, max: 1439 }),
        end: fc.integer({ min: 0, max: 1439 }),
      }),
    ),
    actions: fc.array(actionArb(maxRun), { minLength: 1, maxLength: maxActions }),
  });

export interface Delivery {
  /** The clock when delivered. */
  at: number;
  kind: 'single' | 'summary';
  occurrences: { id: string; revision: number; dueAt: number }[];
}

/** What a scenario needs from the thing under test. Every method that checks returns after it. */
export interface Driver {
  readonly zone: TimeZone;
  now(): number;
  settings(): ReminderSettings;
  items(): readonly Reminder[];
  deliveries(): readonly Delivery[];
  /** The app starts (first start or after being closed) and checks. */
  start(): Promise<void>;
  /** The app is closed (or the machine asleep): no checks until start/resume. */
  stop(): Promise<void>;
  /** Time passes, clock included, with the app not running. */
  passOffline(ms: number): void;
  /** Time passes with the app running: it checks whenever its timers say so. */
  runFor(ms: number): Promise<void>;
  /** The wall clock jumps; the app notices at its next check, which happens at once. */
  jump(ms: number): Promise<void>;
  resume(): Promise<void>;
  snooze(id: string, choice: SnoozeChoice): Promise<void>;
  dismiss(id: string): Promise<void>;
  /** False when the plan model refused (the scenario goes on without it). */
  submit(planId: string, submittedAt: number, days: number): Promise<boolean>;
  withdraw(planId: string): Promise<void>;
  addUser(at: number): Promise<void>;
  setCadence(every: number): Promise<void>;
}

/** Judges one run as it goes. */
export class Oracle {
  private seen = new Set<string>();
  private checked = 0;

  constructor(private readonly d: Driver) {}

  /** After any check: nothing due is left undelivered outside quiet hours; nothing delivered twice or early. */
  afterCheck(kind: 'start' | 'check' | 'run'): void {
    const d = this.d;
    const now = d.now();
    const all = d.deliveries();
    for (const delivery of all.slice(this.checked)) {
      expect(delivery.kind).toBe(delivery.occurrences.length > 1 ? 'summary' : 'single');
      for (const o of delivery.occurrences) {
        const key = `${o.id}#${o.revision}`;
        expect(this.seen.has(key), `duplicate delivery of ${key}`).toBe(false);
        this.seen.add(key);
        expect(o.dueAt, `${key} delivered before it was due`).toBeLessThanOrEqual(delivery.at);
      }
    }
    if (kind !== 'run')
      expect(all.length - this.checked, 'one notification per check at most').toBeLessThanOrEqual(1);
    this.checked = all.length;
    if (inQuietHours(now, d.settings().quietHours, d.zone)) return;
    for (const r of d.items()) {
      if (isPending(r) && effectiveDueAt(r) <= now) {
        throw new Error(`missed: ${r.id}#${r.revision} due ${effectiveDueAt(r)} at ${now} (${kind})`);
      }
      // Everything overdue is shown: delivered and listed as overdue until dismissed.
      if (r.dismissedAt === null && r.cancelledAt === null && effectiveDueAt(r) <= now) {
        expect(reminderStatus(r, now)).toBe('overdue');
      }
    }
  }

  /** A (re)submitted plan's reminders still to come are all pending again, whatever came before. */
  afterSubmit(planId: string, before: readonly Reminder[]): void {
    const now = this.d.now();
    const unchanged = new Set(before.filter((r) => r.cancelledAt === null).map((r) => `${r.id}@${r.dueAt}`));
    const mine = this.d
      .items()
      .filter((r) => r.planId === planId && r.kind !== 'user' && r.cancelledAt === null);
    expect(mine.some((r) => r.kind === 'cooling-off.start')).toBe(true);
    for (const r of mine) {
      if (r.dueAt > now && !unchanged.has(`${r.id}@${r.dueAt}`))
        expect(isPending(r) && r.snoozedUntil === null, `${r.id} should be pending again`).toBe(true);
    }
  }

  deliveredCount(): number {
    return this.seen.size;
  }
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/** Plays a scenario on a driver (started before the first action), judging after every check. */
export async function play(s: Scenario, d: Driver, finish: 'run' | 'close' = 'run'): Promise<Oracle> {
  const oracle = new Oracle(d);
  await d.start();
  oracle.afterCheck('start');
  for (const a of s.actions) {
    switch (a.t) {
      case 'run':
        await d.runFor(a.ms);
        oracle.afterCheck('run');
        break;
      case 'close':
        await d.stop();
        d.passOffline(a.ms);
        await d.start();
        oracle.afterCheck('start');
        break;
      case 'sleep':
        await d.stop();
        d.passOffline(a.ms);
        await d.resume();
        oracle.afterCheck('check');
        break;
      case 'jump':
        await d.jump(a.ms);
        oracle.afterCheck('check');
        break;
      case 'snooze': {
        const r = pick(
          d.items().filter((x) => x.dismissedAt === null && x.cancelledAt === null),
          a.pick,
        );
        if (!r) break;
        const choice: SnoozeChoice =
          a.choice === 'at' ? { kind: 'at', at: d.now() + a.atOffset } : { kind: a.choice };
        await d.snooze(r.id, choice);
        oracle.afterCheck('check');
        break;
      }
      case 'dismiss': {
        const r = pick(d.items(), a.pick);
        if (r) await d.dismiss(r.id);
        break;
      }
      case 'submit': {
        const before = d.items();
        const applied = await d.submit(`plan-${a.plan}`, Math.max(0, d.now() + a.offset), a.days);
        oracle.afterCheck('check');
        if (applied) oracle.afterSubmit(`plan-${a.plan}`, before);
        break;
      }
      case 'withdraw':
        await d.withdraw(`plan-${a.plan}`);
        break;
      case 'user':
        await d.addUser(Math.max(0, d.now() + a.offset));
        oracle.afterCheck('check');
        break;
      case 'cadence':
        await d.setCadence(a.every);
        oracle.afterCheck('check');
        break;
    }
  }
  // Let everything still pending come due and be delivered: running, or closed and caught up at start.
  if (finish === 'close') {
    await d.stop();
    d.passOffline(60 * DAY);
    await d.start();
    oracle.afterCheck('start');
    await d.runFor(DAY);
  } else await d.runFor(60 * DAY);
  oracle.afterCheck('run');
  const left = d.items().filter((r) => isPending(r));
  for (const r of left) expect(effectiveDueAt(r)).toBeGreaterThan(d.now());
  return oracle;
}
