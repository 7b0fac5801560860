/**
 * "Keep the code": authorization codes in the vault document's `mailCodes` section, so they are
 * encrypted with the rest of the vault and written durably by it. While the vault is locked no
 * code can be read (the user unlocks first) and saving fails with the vault's own error.
 */
import type { VaultDocument } from '../../common/model/document';
import { AppFailure, ok } from '../../common/result';
import type { Clock } from '../../common/clock';
import type { DocumentStore } from '../vault/document-store';
import { bindingOf, type CodeKeeper } from './code-keeper';

export function vaultCodeKeeper(store: DocumentStore<VaultDocument>, clock: Clock): CodeKeeper {
  const key = (address: string) => address.toLowerCase();
  const write = async (fn: (codes: VaultDocument['mailCodes']) => VaultDocument['mailCodes']) => {
    const r = await store.update((doc) =>
      ok({ doc: { ...doc, mailCodes: fn(doc.mailCodes) }, value: undefined }),
    );
    if (!r.ok) throw new AppFailure(r.error.code, r.error.message, r.error.params);
  };
  return {
    get: async (address) => {
      if (!store.isUnlocked()) return null;
      const kept = store.read().mailCodes.find((c) => c.address === key(address));
      return kept ? { authCode: kept.authCode, server: kept.server ?? null } : null;
    },
    save: async (address, code, server) => {
      const savedAt = new Date(clock.now()).toISOString();
      await write((codes) => [
        ...codes.filter((c) => c.address !== key(address)),
        { address: key(address), authCode: code, savedAt, server: bindingOf(server) },
      ]);
    },
    forget: async (address) => {
      // Locked: store.read() throws vault.locked, so "forget" never reports success without forgetting.
      if (!store.read().mailCodes.some((c) => c.address === key(address))) return;
      await write((codes) => codes.filter((c) => c.address !== key(address)));
      // The earlier generations still hold the code, under the same key: destroy them too.
      await store.destroyEarlierVersions?.();
    },
    onLock: (listener) =>
      store.onLockChange((unlocked) => {
        if (!unlocked) listener();
      }),
  };
}
