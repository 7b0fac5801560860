import type { ChannelName, EventSink } from '../../common/contract';
import { ok } from '../../common/result';
import type { Service } from '../services/context';
import type { Vault } from './vault';

type VaultChannel = Extract<ChannelName, `vault:${string}`>;

/** How often the core asks the vault whether it has been idle long enough to lock. */
export const AUTO_LOCK_CHECK_MS = 30_000;

export interface VaultServiceOptions {
  /** Start auto-lock checks on a timer; tests call `vault.checkAutoLock()` with a fake clock instead. */
  autoLockTimer?: boolean;
}

export function createVaultService<D>(
  vault: Vault<D>,
  emit: EventSink,
  options: VaultServiceOptions = {},
): Service<VaultChannel> {
  let timer: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;

  return {
    handlers: {
      'vault:status': () => ok(vault.status()),
      'vault:create': async (input) => ok(await vault.create(input)),
      'vault:unlock': async (input) => ok(await vault.unlock(input)),
      'vault:lock': () => ok(vault.lock()),
      'vault:confirm-recovery-code': async () => ok(await vault.confirmRecoveryCode()),
      'vault:change-passphrase': async ({ current, next }) => ok(await vault.changePassphrase(current, next)),
      'vault:set-auto-lock': async ({ minutes }) => ok(await vault.setAutoLock(minutes)),
      'vault:new-recovery-code': async ({ current }) => ok(await vault.newRecoveryCode(current ?? null)),
      'vault:restore': async ({ generationId, ...secret }) => ok(await vault.restore(generationId, secret)),
    },
    async start() {
      unsubscribe = vault.onStatus((status) => emit('vault:changed', status));
      // An unreadable folder must not stop the app from starting: the status stays 'absent' and
      // the next vault call reports the file error with its own code.
      const status = await vault.open().catch(() => vault.status());
      // A keychain vault needs no user input to open; if the keychain fails the vault stays locked
      // and the renderer's own unlock call shows the error.
      if (status.state === 'locked' && status.mode === 'keychain') await vault.unlock({}).catch(() => {});
      if (options.autoLockTimer !== false) {
        timer = setInterval(() => vault.checkAutoLock(), AUTO_LOCK_CHECK_MS);
        timer.unref?.();
      }
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      vault.lock();
      unsubscribe?.();
    },
  };
}
