import { z } from 'zod';

/**
 * The vault document: everything the app keeps for one installation (plans, history, reminders).
 * Owned by the closure domain; the vault stores it opaquely and runs `migrateDocument` on open.
 */
export const DOCUMENT_VERSION = 1;

export const vaultDocumentSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_VERSION),
  createdAt: z.string(),
  plans: z.array(z.unknown()),
  history: z.array(z.unknown()),
});

export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

export function emptyDocument(nowIso: string): VaultDocument {
  return { schemaVersion: DOCUMENT_VERSION, createdAt: nowIso, plans: [], history: [] };
}
