/**
 * The tray icon that keeps Closeout running with its window closed: open, the next reminder, quit.
 * index.ts keeps it current from the core's `reminders:changed` event.
 */
import type { Menu as ElectronMenu, NativeImage, Tray as ElectronTray } from 'electron';
import type { RemindersChanged } from '../../common/contract/reminders';
import { fillTemplate, reminderWords } from '../../common/reminder-text';
import type { Locale } from '../../common/locale';
import { wordsFor } from '../reminders/texts';

export interface TrayDeps {
  Tray: new (image: NativeImage | string) => ElectronTray;
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate'>;
}

export interface TrayOptions {
  icon: NativeImage | string;
  locale: () => Locale;
  onOpen(): void;
  onQuit(): void;
}

export interface ReminderTray {
  update(changed: RemindersChanged | null): void;
  destroy(): void;
}

export function nextReminderLabel(changed: RemindersChanged | null, locale: Locale): string {
  const words = reminderWords[locale].tray;
  const next = changed?.next;
  if (!next) return words.none;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(next.at);
  const title = wordsFor(next.kind, locale, next.params, { title: next.title, note: null }).title;
  return fillTemplate(words.next, { when, title });
}

export function createReminderTray(deps: TrayDeps, options: TrayOptions): ReminderTray {
  const tray = new deps.Tray(options.icon);
  let last: RemindersChanged | null = null;
  const render = () => {
    const locale = options.locale();
    const words = reminderWords[locale].tray;
    tray.setToolTip(words.tooltip);
    tray.setContextMenu(
      deps.Menu.buildFromTemplate([
        { id: 'open', label: words.open, click: () => options.onOpen() },
        { type: 'separator' },
        { id: 'next', label: nextReminderLabel(last, locale), enabled: false },
        { type: 'separator' },
        { id: 'quit', label: words.quit, click: () => options.onQuit() },
      ]),
    );
  };
  tray.on('click', () => options.onOpen());
  render();
  return {
    update(changed) {
      last = changed;
      render();
    },
    destroy: () => tray.destroy(),
  };
}
