import type { VaultDocument } from '../../common/model/document';
import type { Result } from '../../common/result';

/**
 * The unlocked vault document as other services see it. Updates are applied one at a time and are
 * on disk (durably) before the promise resolves; a failed save leaves the document unchanged.
 */
export interface DocumentStore<D = VaultDocument> {
  isUnlocked(): boolean;
  /** Throws AppFailure('vault.locked') while locked. */
  read(): D;
  update<T>(fn: (doc: D) => Result<{ doc: D; value: T }>): Promise<Result<T>>;
  onChange(listener: (doc: D) => void): () => void;
  onLockChange(listener: (unlocked: boolean) => void): () => void;
  /**
   * Destroys the earlier versions kept beside the document (overwritten, then removed), after a
   * secret left it; stores without earlier versions need not implement it.
   */
  destroyEarlierVersions?(): Promise<void>;
}
