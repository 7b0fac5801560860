import { z } from 'zod';
import { channel } from './define';

export const UI_LOCALES = ['zh-CN', 'en'] as const;
export const uiLocaleSchema = z.enum(UI_LOCALES);
export type UiLocale = z.infer<typeof uiLocaleSchema>;

/**
 * Preferences main needs to know about. The renderer keeps its own display preferences; it tells
 * main the language it shows so system notifications and the tray menu speak the same one.
 */
export const settingsChannels = {
  /** null: no choice made, follow the system language. */
  'settings:set-locale': channel<void>()(z.object({ locale: uiLocaleSchema.nullable() }).strict()),
} as const;
