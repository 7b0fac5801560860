import { emptyDocument, type VaultDocument } from '../../common/model/document';
import { migrateDocument } from '../../common/model/migrations';
import type { Result } from '../../common/result';

/** How the vault makes a new document and reads an old one; the vault itself treats it as opaque JSON. */
export interface DocumentCodec<D> {
  empty(nowIso: string): D;
  /** Brings a parsed document of any earlier version up to date, or explains why it cannot. */
  migrate(raw: unknown): Result<D>;
}

export const vaultDocumentCodec: DocumentCodec<VaultDocument> = {
  empty: emptyDocument,
  migrate: migrateDocument,
};
