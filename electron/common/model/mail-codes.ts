import { z } from 'zod';

/** The server a kept code was given for: it is never sent anywhere else. */
export const keptCodeServerSchema = z
  .object({
    /** Lower-cased, without a trailing dot. */
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    /** true: TLS from the first byte; false: STARTTLS. */
    secure: z.boolean(),
  })
  .strict();
export type KeptCodeServer = z.infer<typeof keptCodeServerSchema>;

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
    /** Absent on codes kept before binding: those count as bound to the address's catalog server. */
    server: keptCodeServerSchema.optional(),
  })
  .strict();
export type SavedMailCode = z.infer<typeof savedMailCodeSchema>;

export const mailCodesSchema = z.array(savedMailCodeSchema);
export type MailCodes = z.infer<typeof mailCodesSchema>;

export function emptyMailCodes(): MailCodes {
  return [];
}
