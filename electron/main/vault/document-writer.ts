/**
 * The one document-write path: every change to the vault document is a `DocumentCommand` applied
 * by the pure `applyDocumentCommand` inside the store's `update`, which runs in the vault's one
 * queue and resolves only when the new document is durably on disk. The answer is always a
 * Result (a locked vault is `vault.locked`, a failed save is the vault's own error).
 */
import type { VaultDocument } from '../../common/model/document';
import type { Result } from '../../common/result';
import { applyDocumentCommand, type DocumentCommand, type DocumentCommandValue } from './document-commands';
import type { DocumentStore } from './document-store';

export interface DocumentWriter {
  /**
   * Applies `command` at `now` (ms since the epoch, read from the caller's clock) and saves. A
   * failed command or save leaves the document as it was.
   */
  write<C extends DocumentCommand>(command: C, now: number): Promise<Result<DocumentCommandValue<C>>>;
}

const writers = new WeakMap<DocumentStore, DocumentWriter>();

/** The writer of `store`: one per store, so every service writes through the same path and queue. */
export function documentWriter(store: DocumentStore<VaultDocument>): DocumentWriter {
  let writer = writers.get(store);
  if (!writer) {
    writer = {
      write: (command, now) => store.update((doc) => applyDocumentCommand(doc, command, now)),
    };
    writers.set(store, writer);
  }
  return writer;
}
