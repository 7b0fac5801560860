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
import { err, ok, type Result } from '../../common/result';
import { CHECK_INTERVAL_MS, nextCheckDelay, systemZone, type TimeZone } from '../../common/schedule';
import type { Service } from '../services/context';
import { applyDocumentCommand, reconciledReminders, type DocumentCommand } from '../vault/document-commands';
import type { DocumentStore } from '../vault/document-store';
import { documentWriter } from '../vault/document-writer';
import { exportIcs } from './ics-export';
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
  const writer = documentWriter(store);
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

  const runCheck = async (): Promise<void> => {
    if (!running || !store.isUnlocked()) return;
    const now = clock.now();
    const command = { type: 'reminders.check', zone } as const;
    const current = store.read();
    const preview = applyDocumentCommand(current, command, now);
    if (preview.ok && preview.value.doc === current) {
      // Nothing to reconcile or record: no write.
      arm(preview.value.value.nextAt);
      return;
    }
    const saved = await writer.write(command, now);
    if (!saved.ok) {
      // Not recorded, so not shown: the next check tries again.
      arm(null);
      return;
    }
    const done = saved.value;
    if (done.delivery !== 'none') deliver(done.fire, now);
    arm(done.nextAt);
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
  const state = (): RemindersState => reconciledReminders(store.read(), clock.now(), zone);

  const onDocChange = (doc: VaultDocument) => {
    if (doc.reminders.items !== lastItems) {
      lastItems = doc.reminders.items;
      emit('reminders:changed', changedPayload(doc.reminders, clock.now()));
    }
    // A plan may have been submitted, moved or withdrawn: reconcile and deliver what that made due.
    void check();
  };

  /** One change to the reminders section, written; then a check (the change may make something due). */
  const mutate = async <C extends DocumentCommand>(command: C, now: number) => {
    const r = await writer.write(command, now);
    if (r.ok) await check();
    return r;
  };

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
        const saved = await mutate(
          {
            type: 'reminders.add',
            id: `user:${randomUUID()}`,
            planId,
            item,
            title,
            note: note ?? null,
            at,
            zone,
          },
          clock.now(),
        );
        return saved.ok ? ok(toView(saved.value, clock.now())) : saved;
      },

      'reminders:snooze': async ({ id, choice }) => {
        const saved = await mutate({ type: 'reminders.snooze', id, choice, zone }, clock.now());
        return saved.ok ? ok(toView(saved.value, clock.now())) : saved;
      },

      'reminders:dismiss': async ({ id }) => {
        const saved = await mutate({ type: 'reminders.dismiss', id, zone }, clock.now());
        return saved.ok ? ok(toView(saved.value, clock.now())) : saved;
      },

      'reminders:set-quiet-hours': (quietHours) =>
        mutate({ type: 'reminders.set-quiet-hours', quietHours, zone }, clock.now()),

      // The cooling-off reminders follow in the check that `mutate` runs (it reconciles).
      'reminders:set-check-in': ({ everyDays }) =>
        mutate({ type: 'reminders.set-check-in', everyDays, zone }, clock.now()),

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
