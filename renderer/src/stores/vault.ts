import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, on } from '../api';
import type { VaultStatus } from '@common/contract/vault';
import type { AppError, Result } from '@common/result';

type CreateInput = { mode: 'keychain' } | { mode: 'passphrase'; passphrase: string };
type UnlockInput = { passphrase: string } | { recoveryCode: string } | Record<string, never>;

export const useVaultStore = defineStore('vault', () => {
  const status = ref<VaultStatus | null>(null);
  /** Set when even `vault:status` fails: the app cannot do anything and says so. */
  const loadError = ref<AppError | null>(null);
  const unlocked = computed(() => status.value?.state === 'unlocked');

  let unsubscribe: (() => void) | null = null;

  function adopt<T>(result: Result<T>, pick: (v: T) => VaultStatus): Result<T> {
    if (result.ok) status.value = pick(result.value);
    return result;
  }

  async function refresh(): Promise<void> {
    const r = await api.vault.status();
    if (r.ok) {
      status.value = r.value;
      loadError.value = null;
    } else {
      loadError.value = r.error;
    }
    // Main pushes every state change (auto-lock, another window), so listen once.
    unsubscribe ??= on('vault:changed', (s) => {
      status.value = s;
    });
  }

  const create = async (input: CreateInput) => adopt(await api.vault.create(input), (v) => v.status);
  const unlock = async (input: UnlockInput) => adopt(await api.vault.unlock(input), (v) => v);
  const lock = async () => adopt(await api.vault.lock(), (v) => v);
  /** The recovery code just shown was typed back: main stops asking for a new one. */
  const confirmRecoveryCode = async () => adopt(await api.vault.confirmRecoveryCode(), (v) => v);
  /** A new passphrase and data key; `recoveryCode` is a new code (shown once) when the old one could not be kept. */
  const changePassphrase = async (current: string, next: string) =>
    adopt(await api.vault.changePassphrase({ current, next }), (v) => v.status);
  /** A new recovery code (shown once); `current` is the passphrase, omitted for a keychain vault. */
  const newRecoveryCode = async (current?: string) =>
    adopt(await api.vault.newRecoveryCode(current ? { current } : {}), (v) => v.status);
  const setAutoLock = async (minutes: number | null) =>
    adopt(await api.vault.setAutoLock({ minutes }), (v) => v);
  /** Restores an earlier save (only offered while the file is unreadable), proven with its secret. */
  const restore = async (generationId: string, secret: UnlockInput = {}) =>
    adopt(await api.vault.restore({ generationId, ...secret }), (v) => v);

  function dispose(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return {
    status,
    loadError,
    unlocked,
    refresh,
    create,
    unlock,
    lock,
    confirmRecoveryCode,
    changePassphrase,
    newRecoveryCode,
    setAutoLock,
    restore,
    dispose,
  };
});
