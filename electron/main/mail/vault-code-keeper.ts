/**
 * "Keep the code": authorization codes in the vault document's `mailCodes` section, so they are
 * encrypted with the rest of the vault and written durably by it, through the one document writer
 * (`code.save` / `code.forget` commands). While the vault is locked no code can be read (the user
 * unlocks first) and saving or forgetting answers the vault's own error.
 */
import type { Clock } from '../../common/clock';
import type { VaultDocument } from '../../common/model/document';
import { err, ok } from '../../common/result';
import type { DocumentStore } from '../vault/document-store';
import { documentWriter } from '../vault/document-writer';
import { bindingOf, type CodeKeeper } from './code-keeper';

export function vaultCodeKeeper(store: DocumentStore<VaultDocument>, clock: Clock): CodeKeeper {
  const writer = documentWriter(store);
  const key = (address: string) => address.toLowerCase();
  return {
    get: async (address) => {
      if (!store.isUnlocked()) return null;
      const kept = store.read().mailCodes.find((c) => c.address === key(address));
      return kept ? { authCode: kept.authCode, server: kept.server ?? null } : null;
    },
    save: (address, code, server) =>
      writer.write({ type: 'code.save', address, authCode: code, server: bindingOf(server) }, clock.now()),
    forget: async (address) => {
      // Locked: "forget" never reports success without forgetting.
      if (!store.isUnlocked()) return err('vault.locked', 'The vault is locked');
      // Nothing kept: nothing to write, and no earlier generation holds it under this vault's key.
      if (!store.read().mailCodes.some((c) => c.address === key(address))) return ok();
      const r = await writer.write({ type: 'code.forget', address }, clock.now());
      if (!r.ok) return r;
      // The earlier generations still hold the code, under the same key: destroy them too.
      await store.destroyEarlierVersions?.();
      return ok();
    },
    onLock: (listener) =>
      store.onLockChange((unlocked) => {
        if (!unlocked) listener();
      }),
  };
}
