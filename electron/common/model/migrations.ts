import { err, ok, type Result } from '../result';
import { DOCUMENT_VERSION, vaultDocumentSchema, type VaultDocument } from './document';

/**
 * Numbered migrations of our own: MIGRATIONS[n] turns a version-n document into version n+1.
 * (electron-store's `migrations` option is documented as buggy; we do not use it.)
 */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateDocument(raw: unknown): Result<VaultDocument> {
  if (!raw || typeof raw !== 'object') return err('vault.corrupt', 'The vault document is not an object');
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err('vault.corrupt', 'The vault document has no valid schema version');
  }
  if (version > DOCUMENT_VERSION) {
    return err('vault.newer-version', 'The vault was written by a newer version of Closeout');
  }
  for (let v = version; v < DOCUMENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return err('vault.corrupt', `No migration from version ${v}`);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  const parsed = vaultDocumentSchema.safeParse(doc);
  if (!parsed.success) return err('vault.corrupt', 'The vault document does not match its schema');
  return ok(parsed.data);
}
