import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, on } from '../api';
import { reminderRoute } from '../composables/itemTarget';
import type { InAppNotification, IcsExport, RemindersList, ReminderView } from '@common/contract/reminders';
import type { ItemRef, QuietHours, ReminderSettings } from '@common/model/reminders';
import type { Locale } from '@common/locale';
import type { AppError, Result } from '@common/result';

export type { SnoozeChoice } from '@common/schedule';
import type { SnoozeChoice } from '@common/schedule';

/**
 * Reminders as main schedules them (main's clock decides what is due, so the list always comes
 * from `reminders:list`), and the in-app notification list that stands in when the system shows none.
 */
export const useRemindersStore = defineStore('reminders', () => {
  const list = ref<RemindersList | null>(null);
  const notifications = ref<InAppNotification[]>([]);
  const error = ref<AppError | null>(null);
  const busy = ref(false);
  let unsubscribe: (() => void)[] = [];

  async function refresh(): Promise<void> {
    const [l, n] = await Promise.all([api.reminders.list({}), api.reminders.notifications()]);
    if (l.ok) list.value = l.value;
    else error.value = l.error;
    if (n.ok) notifications.value = n.value;
    if (unsubscribe.length === 0)
      unsubscribe = [
        on('reminders:changed', () => void refresh()),
        on('reminders:notification', () => void refresh()),
      ];
  }

  async function run<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
    busy.value = true;
    const r = await call();
    busy.value = false;
    error.value = r.ok ? null : r.error;
    if (r.ok) await refresh();
    return r;
  }

  const add = (input: {
    planId: string | null;
    item: ItemRef | null;
    title: string;
    note: string | null;
    at: number;
  }): Promise<Result<ReminderView>> => run(() => api.reminders.add(input));
  const snooze = (id: string, choice: SnoozeChoice) => run(() => api.reminders.snooze({ id, choice }));
  const dismiss = (id: string) => run(() => api.reminders.dismiss({ id }));
  const setQuietHours = (q: QuietHours): Promise<Result<ReminderSettings>> =>
    run(() => api.reminders.setQuietHours(q));
  const setCheckIn = (everyDays: number) => run(() => api.reminders.setCheckIn({ everyDays }));
  const exportIcs = (locale: Locale): Promise<Result<IcsExport>> =>
    run(() => api.reminders.exportIcs({ locale }));
  const loginItem = () => api.reminders.loginItem();
  const setLoginItem = (enabled: boolean) => run(() => api.reminders.setLoginItem({ enabled }));

  /** Calls `open` with the route of each system notification the user clicks (main sends them). */
  function onNotificationClick(open: (route: string) => void): () => void {
    return on('reminders:notification', ({ notification, clicked }) => {
      if (clicked) open(reminderRoute(notification));
    });
  }

  function dispose(): void {
    for (const u of unsubscribe) u();
    unsubscribe = [];
  }

  return {
    list,
    notifications,
    error,
    busy,
    refresh,
    add,
    snooze,
    dismiss,
    setQuietHours,
    setCheckIn,
    exportIcs,
    loginItem,
    setLoginItem,
    onNotificationClick,
    dispose,
  };
});
