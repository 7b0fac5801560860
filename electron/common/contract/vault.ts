import { z } from 'zod';
import { channel, event } from './define';

export const vaultModeSchema = z.enum(['keychain', 'passphrase']);
export type VaultMode = z.infer<typeof vaultModeSchema>;

export interface VaultGeneration {
  /** Opaque id of a verified earlier save, to pass back to `vault:restore`. */
  id: string;
  savedAt: string;
  /** How it is protected, so the screen asks for a passphrase only where one is needed. */
  mode: VaultMode;
}

export interface VaultRecoveryOffer {
  /** Why the current file could not be opened. */
  problem: 'corrupt' | 'tampered' | 'newer-version' | 'missing';
  /** File name the unreadable vault was moved to (kept, never deleted); null when it was left in place or is missing. */
  quarantinedAs: string | null;
  /** Verified earlier generations, newest first. */
  generations: VaultGeneration[];
}

export interface VaultStatus {
  state: 'absent' | 'locked' | 'unlocked';
  mode: VaultMode | null;
  /** The OS keychain can wrap the key (safeStorage available and not the `basic_text` backend). */
  keychainAvailable: boolean;
  /** Linux without a keyring: safeStorage would use a hard-coded password, so a passphrase is required. */
  keychainInsecure: boolean;
  /** Minutes of inactivity before auto-lock (passphrase mode only); null = never. */
  autoLockMinutes: number | null;
  dataDir: string;
  recovery: VaultRecoveryOffer | null;
  /**
   * The last recovery code issued (shown once) was not confirmed as written down before the window
   * lost it (a reload, a restart): the app asks for a new one until one is confirmed.
   */
  recoveryCodeUnconfirmed: boolean;
}

export const passphraseSchema = z.string().min(1).max(1024);
const generationIdSchema = z.string().min(1).max(200);

export const vaultChannels = {
  'vault:status': channel<VaultStatus>()(z.void()),
  'vault:create': channel<{ recoveryCode: string; status: VaultStatus }>()(
    z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('keychain') }),
      z.object({ mode: z.literal('passphrase'), passphrase: passphraseSchema }),
    ]),
  ),
  'vault:unlock': channel<VaultStatus>()(
    z.union([
      z.object({ passphrase: passphraseSchema }).strict(),
      z.object({ recoveryCode: z.string().min(1).max(200) }).strict(),
      z.object({}).strict(), // keychain mode
    ]),
  ),
  'vault:lock': channel<VaultStatus>()(z.void()),
  /** The person typed back part of the recovery code just shown: it is written down. */
  'vault:confirm-recovery-code': channel<VaultStatus>()(z.void()),
  /**
   * A new passphrase (a keychain vault switches to it) and a new data key; earlier copies under the
   * old key are destroyed. `recoveryCode`: a new code, shown once, when the old one could not be kept.
   */
  'vault:change-passphrase': channel<{ status: VaultStatus; recoveryCode: string | null }>()(
    z.object({ current: passphraseSchema, next: passphraseSchema }).strict(),
  ),
  /**
   * A new recovery code, shown once; the old one stops working. `current`: the passphrase (a
   * keychain vault asks the keychain instead).
   */
  'vault:new-recovery-code': channel<{ status: VaultStatus; recoveryCode: string }>()(
    z.object({ current: passphraseSchema.optional() }).strict(),
  ),
  'vault:set-auto-lock': channel<VaultStatus>()(
    z
      .object({
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .nullable(),
      })
      .strict(),
  ),
  /**
   * Open a verified earlier generation after the current file was found unreadable (only then),
   * proven with its secret: the passphrase or recovery code, or none for a keychain vault.
   */
  'vault:restore': channel<VaultStatus>()(
    z.union([
      z.object({ generationId: generationIdSchema, passphrase: passphraseSchema }).strict(),
      z.object({ generationId: generationIdSchema, recoveryCode: z.string().min(1).max(200) }).strict(),
      z.object({ generationId: generationIdSchema }).strict(),
    ]),
  ),
} as const;

export const vaultEvents = {
  'vault:changed': event<VaultStatus>(),
} as const;
