import { z } from 'zod';
import { historyEntrySchema } from './history-entry';
import { planSchema } from './plan';
import { emptyKnownFolders, knownFoldersSchema } from './known-folders';
import { emptyMailCodes, mailCodesSchema } from './mail-codes';
import { emptyRemindersState, remindersStateSchema } from './reminders';

/**
 * The vault document: everything the app keeps for one installation. Owned by the closure domain;
 * the vault stores it opaquely and runs `migrateDocument` on open.
 *
 * To add a section (reminders, ...): add it to `documentSections` with its schema, bump
 * DOCUMENT_VERSION, add the migration that creates the section's empty value, and add a fixture
 * of the previous version to tests/fixtures/documents/. The reducer spreads the document, so it
 * keeps sections it does not know.
 */
export const DOCUMENT_VERSION = 5;

export const documentSections = {
  plans: z.array(planSchema),
  /** Every command applied to any plan, oldest first; a deleted plan's entries are removed with it. */
  history: z.array(historyEntrySchema),
  /** Reminders (absolute times) and their settings; see model/reminders.ts and schedule.ts. */
  reminders: remindersStateSchema,
  /** Mail authorization codes kept at the user's request (model/mail-codes.ts); main only. */
  mailCodes: mailCodesSchema,
  /** Folders main recorded for a plan (model/known-folders.ts); main only, never exported. */
  folders: knownFoldersSchema,
  /** What a migration could not interpret, kept rather than dropped (see migrations.ts). */
  legacy: z
    .object({ plans: z.array(z.unknown()), history: z.array(z.unknown()) })
    .strict()
    .optional(),
};

export const vaultDocumentSchema = z
  .object({
    schemaVersion: z.literal(DOCUMENT_VERSION),
    createdAt: z.iso.datetime(),
    ...documentSections,
  })
  .strict();

export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

export function emptyDocument(nowIso: string): VaultDocument {
  return {
    schemaVersion: DOCUMENT_VERSION,
    createdAt: nowIso,
    plans: [],
    history: [],
    reminders: emptyRemindersState(),
    mailCodes: emptyMailCodes(),
    folders: emptyKnownFolders(),
  };
}
