/**
 * Closing the window hides it instead, so reminders keep coming; the first time, a notification
 * says so (and how to quit). Quitting from the tray or the app menu sets `isQuitting` first.
 */
import { reminderWords } from '../../common/reminder-text';
import type { Locale } from '../../common/locale';
import type { Notifier } from './types';

export interface HideableWindow {
  on(event: 'close', listener: (e: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

export interface CloseToTrayOptions {
  isQuitting(): boolean;
  /** Whether the explanation was shown before (a harmless preference: electron-store). */
  explained: { get(): boolean; set(): void };
  notifier: Notifier;
  locale: () => Locale;
}

export function attachCloseToTray(win: HideableWindow, o: CloseToTrayOptions): void {
  win.on('close', (e) => {
    if (o.isQuitting()) return;
    e.preventDefault();
    win.hide();
    if (o.explained.get()) return;
    o.explained.set();
    if (!o.notifier.isSupported()) return;
    const words = reminderWords[o.locale()].notification['close-to-tray'];
    o.notifier.show({ id: 'close-to-tray', title: words.title, body: words.body, onClick: () => {} });
  });
}
