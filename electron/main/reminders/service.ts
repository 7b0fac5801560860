/**
 * The reminders service: the scheduler loop and the `reminders:*` channels.
 *
 * The scheduler checks at start and unlock, on resume, after every change, and on a timer that is
 * never longer than CHECK_INTERVAL_MS (30 s): reminders are absolute times in the vault, so sleep,
 * restarts and clock jumps cannot lose them, and no long timer can overflow. A delivery is
 * recorded in the vault ("fired") and only after that save resolved is the notification shown: a
 * crash in between loses a toast (the in-app list still has it), never duplicates one.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../common/clock';
import type { EventSink } from '../../common/contract';
import type { InAppNotification } from '../../common/contract/reminders';
import type { VaultDocument } from '../../common/model/document';
import type { Reminder, RemindersState } from '../../common/model/reminders';
import type { Locale } from '../../common/locale';
import { AppFailure, err, ok, type Result } from '../../common/result';
import {
  CHECK_INTERVAL_MS,
  dismissed,
  markFired,
  newReminder,
  nextCheckDelay,
  planCheck,
  snoozeTime,
  snoozed,
  systemZone,
  type CheckPlan,
  type TimeZone,
} from '../../common/schedule';
import type { Service } from '../services/context';
import type { DocumentStore } from '../vault/document-store';
import { exportIcs } from './ics-export';
import { reconcileReminders, withReminders } from './reconcile';
import { notificationWords } from './texts';
import { realTimers, type LoginItem, type Notifier, type PowerEvents, type Timers } from './types';
import { changedPayload, inAppNotifications, listReminders, notificationOf, toView } from './views';

export type RemindersChannel =
  | 'reminders:list'
  | 'reminders:add'
  | 'reminders:snooze'
  | 'reminders:dismiss'
  | 'reminders:set-quiet-hours'
  | 'reminders:set-check-in'
  | 'reminders:export-ics'
  | 'reminders:notifications'
  | 'reminders:login-item'
  | 'reminders:set-login-item';

export interface RemindersServiceOptions {
  store: DocumentStore;
  clock: Clock;
  emit: EventSink;
  /** System notifications; without one, the in-app list (and the `reminders:notification` event) is all. */
  notifier?: Notifier;
  powerEvents?: PowerEvents;
  loginItem?: LoginItem;
  zone?: TimeZone;
  /** The language of system notifications (the app's UI language). */
  locale?: () => Locale;
  timers?: Timers;
}

export interface RemindersService extends Service<RemindersChannel> {
  /** Checks now (serialized with any running check); resolves when the check and its delivery are done. */
  check(): Promise<void>;
  /** Resolves when the checks started so far are done (tests and the harness wait on this). */
  idle(): Promise<void>;
}

export function createRemindersService(options: RemindersServiceOptions): RemindersService {
  const { store, clock, emit } = options;
  const zone = options.zone ?? systemZone;
  const timers = options.timers ?? realTimers;
  const locale = options.locale ?? (() => 'zh-CN' as const);
  let timer: unknown = null;
  let running = false;
  let chain: Promise<void> = Promise.resolve();
  let lastItems: readonly Reminder[] | null = null;
  const unsubscribe: (() => void)[] = [];

  const disarm = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const arm = (nextAt: number | null) => {
    disarm();
    if (!running || !store.isUnlocked()) return;
    const delay = nextCheckDelay(nextAt, clock.now(), CHECK_INTERVAL_MS);
    timer = timers.setTimeout(() => {
      timer = null;
      void check();
    }, delay);
  };

  /** What a check would do to this document: the reconciled reminders and the delivery plan. */
  const compute = (doc: VaultDocument, now: number): { items: readonly Reminder[]; plan: CheckPlan } => {
    const reconciled = reconcileReminders(doc, now, zone);
    const plan = planCheck(reconciled, doc.reminders.settings, now, zone);
    if (plan.delivery === 'none') return { items: reconciled, plan };
    const fired = markFired(reconciled, new Set(plan.fire.map((r) => r.id)), now, plan.delivery);
    return { items: fired, plan };
  };

  const runCheck = async (): Promise<void> => {
    if (!running || !store.isUnlocked()) return;
    const now = clock.now();
    const preview = compute(store.read(), now);
    if (preview.items === store.read().reminders.items) {
      arm(preview.plan.nextAt);
      return;
    }
    let plan: CheckPlan | null = null;
    const saved = await store.update((doc) => {
      const c = compute(doc, now);
      plan = c.plan;
      return ok({ doc: withReminders(doc, c.items), value: undefined });
    });
    if (!saved.ok) {
      // Not recorded, so not shown: the next check tries again.
      arm(null);
      return;
    }
    const done = plan as CheckPlan | null;
    if (done && done.delivery !== 'none') deliver(done.fire, now);
    arm(done?.nextAt ?? null);
  };

  const check = (): Promise<void> => {
    const next = chain.then(runCheck, runCheck).catch(() => arm(null));
    chain = next;
    return next;
  };

  const deliver = (fired: readonly Reminder[], at: number) => {
    const notification = notificationOf(fired, at);
    emit('reminders:notification', { notification, clicked: false });
    const notifier = options.notifier;
    if (!notifier?.isSupported()) return;
    const words = notificationWords(notification, locale());
    notifier.show({
      id: notification.id,
      title: words.title,
      body: words.body,
      onClick: () => emit('reminders:notification', { notification, clicked: true }),
    });
  };

  /**
   * The reminders as they are after reconciling with the plans. A plan change is saved before the
   * check that saves its reminders; reading through this, nobody sees the gap.
   */
  const reconciled = (doc: VaultDocument): RemindersState => {
    const items = reconcileReminders(doc, clock.now(), zone);
    return items === doc.reminders.items ? doc.reminders : { ...doc.reminders, items: [...items] };
  };
  const state = (): RemindersState => reconciled(store.read());

  const onDocChange = (doc: VaultDocument) => {
    if (doc.reminders.items !== lastItems) {
      lastItems = doc.reminders.items;
      emit('reminders:changed', changedPayload(doc.reminders, clock.now()));
    }
    // A plan may have been submitted, moved or withdrawn: reconcile and deliver what that made due.
    void check();
  };

  /** One change to the reminders section, saved; then a check (the change may make something due). */
  const mutate = async <T>(
    fn: (s: RemindersState, doc: VaultDocument) => Result<{ state: RemindersState; value: T }>,
  ) => {
    const r = await store.update((doc) => {
      const m = fn(reconciled(doc), doc);
      if (!m.ok) return m;
      return ok({ doc: { ...doc, reminders: m.value.state }, value: m.value.value });
    });
    if (r.ok) await check();
    return r;
  };

  const find = (s: RemindersState, id: string): Reminder => {
    const r = s.items.find((x) => x.id === id);
    if (!r) throw new AppFailure('reminders.not-found', 'No such reminder');
    return r;
  };
  const replace = (s: RemindersState, next: Reminder): RemindersState => ({
    ...s,
    items: s.items.map((x) => (x.id === next.id ? next : x)),
  });

  return {
    check,
    async idle() {
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
    async start() {
      running = true;
      unsubscribe.push(
        store.onChange(onDocChange),
        store.onLockChange((unlocked) => {
          if (unlocked) void check();
          else disarm();
        }),
      );
      if (options.powerEvents) unsubscribe.push(options.powerEvents.onResume(() => void check()));
      await check();
    },
    async close() {
      running = false;
      disarm();
      for (const u of unsubscribe.splice(0)) u();
      await chain;
    },
    handlers: {
      'reminders:list': ({ planId }) => ok(listReminders(state(), clock.now(), zone, planId)),

      'reminders:add': async ({ planId, item, title, note, at }) => {
        const now = clock.now();
        if (at <= now) return err('reminders.time-in-past', 'The reminder time has passed');
        const r = newReminder(
          {
            id: `user:${randomUUID()}`,
            kind: 'user',
            planId,
            item,
            params: {},
            dueAt: at,
            title,
            note: note ?? null,
          },
          now,
        );
        const saved = await mutate((s, doc) => {
          if (planId !== null && !doc.plans.some((p) => p.id === planId)) {
            return err('reminders.plan-not-found', 'No such plan');
          }
          return ok({ state: { ...s, items: [...s.items, r] }, value: r });
        });
        return saved.ok ? ok(toView(saved.value, clock.now())) : saved;
      },

      'reminders:snooze': async ({ id, choice }) => {
        const now = clock.now();
        const saved = await mutate((s) => {
          const r = find(s, id);
          if (r.dismissedAt !== null || r.cancelledAt !== null) {
            return err('reminders.already-done', 'The reminder is already done');
          }
          const until = snoozeTime(choice, now, s.settings, zone);
          if (until === null) return err('reminders.time-in-past', 'The snooze time has passed');
          const next = snoozed(r, until);
          return ok({ state: replace(s, next), value: next });
        });
        return saved.ok ? ok(toView(saved.value, clock.now())) : saved;
      },

      'reminders:dismiss': async ({ id }) => {
        const now = clock.now();
        const saved = await mutate((s) => {
          const next = dismissed(find(s, id), now);
          return ok({ state: replace(s, next), value: next });
        });
        return saved.ok ? ok(toView(saved.value, clock.now())) : saved;
      },

      'reminders:set-quiet-hours': async (quietHours) => {
        const saved = await mutate((s) => {
          const settings = { ...s.settings, quietHours };
          return ok({ state: { ...s, settings }, value: settings });
        });
        return saved;
      },

      'reminders:set-check-in': async ({ everyDays }) => {
        // The cooling-off reminders follow in the check that `mutate` runs (it reconciles).
        return mutate((s) => {
          const settings = { ...s.settings, checkInEveryDays: everyDays };
          return ok({ state: { ...s, settings }, value: settings });
        });
      },

      'reminders:export-ics': ({ locale: lang, planId }) =>
        ok(exportIcs(state().items, clock.now(), lang, planId)),

      'reminders:notifications': (): Result<InAppNotification[]> => ok(inAppNotifications(state().items)),

      'reminders:login-item': async () => {
        if (!options.loginItem) return ok({ supported: false, enabled: false });
        return ok({ supported: true, enabled: await options.loginItem.isEnabled() });
      },

      'reminders:set-login-item': async ({ enabled }) => {
        const item = options.loginItem;
        if (!item) return err('reminders.login-item-unavailable', 'Start at login is not available here');
        try {
          await item.setEnabled(enabled);
          return ok({ supported: true, enabled: await item.isEnabled() });
        } catch {
          return err('reminders.login-item-failed', 'Start at login could not be changed');
        }
      },
    },
  };
}
