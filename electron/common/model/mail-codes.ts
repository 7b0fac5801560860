import { z } from 'zod';

/**
 * Client authorization codes (客户端授权码) the user asked to keep, one per address, inside the
 * encrypted vault document. Only the mail service in main reads this section: no channel returns
 * it, and it is never logged or written to electron-store.
 */
export const savedMailCodeSchema = z
  .object({
    /** Lower-cased, so one address has one entry whatever the user typed. */
    address: z.string().min(3).max(254),
    authCode: z.string().min(1).max(256),
    savedAt: z.iso.datetime(),
  })
  .strict();
export type SavedMailCode = z.infer<typeof savedMailCodeSchema>;

export const mailCodesSchema = z.array(savedMailCodeSchema);
export type MailCodes = z.infer<typeof mailCodesSchema>;

export function emptyMailCodes(): MailCodes {
  return [];
}
