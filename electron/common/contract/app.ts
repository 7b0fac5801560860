import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'harness' in the browser harness. */
  runtime: 'electron' | 'harness';
}

/** What a folder is chosen for: the dialog's title, and which channels accept the folder afterwards. */
export const folderPurposeSchema = z.enum(['mail-backup', 'maildir-scan', 'mail-archive', 'archive-export']);
export type FolderPurpose = z.infer<typeof folderPurposeSchema>;

export const appChannels = {
  'app:info': channel<AppInfo>()(z.void()),
  /**
   * Lets the user pick a folder with the system dialog (the mail backup's target, a Maildir to
   * scan). Resolves to null when they cancel. The purpose picks the dialog's title, and main
   * remembers the folder for that purpose this session: the channels that take a folder from the
   * page accept only one chosen here (or recorded for the plan).
   */
  'app:choose-folder': channel<{ path: string | null }>()(
    z
      .object({
        purpose: folderPurposeSchema,
        defaultPath: z.string().max(4096).optional(),
      })
      .strict(),
  ),
} as const;
