import { z } from 'zod';
import { channel } from './define';
import { localeSchema } from '../locale';

/**
 * Preferences main needs to know about. The renderer keeps its own display preferences; it tells
 * main the language it shows so system notifications and the tray menu speak the same one.
 */
export const settingsChannels = {
  /** null: no choice made, follow the system language. */
  'settings:set-locale': channel<void>()(z.object({ locale: localeSchema.nullable() }).strict()),
} as const;
