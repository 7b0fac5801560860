import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'harness' in the browser harness. */
  runtime: 'electron' | 'harness';
}

export const appChannels = {
  'app:info': channel<AppInfo>()(z.void()),
  /**
   * Lets the user pick a folder with the system dialog (the mail backup's target, a Maildir to
   * scan). Resolves to null when they cancel. The purpose picks the dialog's title.
   */
  'app:choose-folder': channel<{ path: string | null }>()(
    z
      .object({
        purpose: z.enum(['mail-backup', 'maildir-scan', 'mail-archive', 'archive-export']),
        defaultPath: z.string().max(4096).optional(),
      })
      .strict(),
  ),
} as const;
