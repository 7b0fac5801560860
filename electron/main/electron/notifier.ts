/**
 * System notifications through Electron. Windows shows none without an AppUserModelId: index.ts
 * calls `app.setAppUserModelId(APP_USER_MODEL_ID)` before the first one (it must match the
 * installer's appId, see package.json "build.appId").
 */
import type { Notification as ElectronNotification } from 'electron';
import type { Notifier } from '../reminders/types';

export const APP_USER_MODEL_ID = 'app.closeout.desktop';

type NotificationClass = typeof ElectronNotification;

export function createElectronNotifier(Notification: NotificationClass): Notifier {
  // Electron drops a notification that is garbage-collected before it is clicked; keep them.
  const live = new Map<string, ElectronNotification>();
  return {
    isSupported: () => Notification.isSupported(),
    show(n) {
      const note = new Notification({ title: n.title, body: n.body });
      live.set(n.id, note);
      note.on('click', () => {
        live.delete(n.id);
        n.onClick();
      });
      note.on('close', () => live.delete(n.id));
      note.show();
    },
  };
}
