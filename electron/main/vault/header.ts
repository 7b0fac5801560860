import { z } from 'zod';
import { vaultModeSchema } from '../../common/contract/vault';

/** scrypt parameters, stored so a later release can raise the cost without breaking old vaults. */
export const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    logN: z.number().int().min(10).max(20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.base64(),
  })
  .strict();
export type KdfParams = z.infer<typeof kdfSchema>;

/** The data key encrypted with AES-256-GCM under a key derived from a secret. */
export const secretWrapSchema = z.object({ kdf: kdfSchema, iv: z.base64(), data: z.base64() }).strict();
export type SecretWrap = z.infer<typeof secretWrapSchema>;

/**
 * The data key sealed for the recovery code: scrypt(code) seeds an X25519 key pair whose public
 * half is kept here, so a new data key can be sealed for the same code without knowing it.
 */
export const recoveryWrapSchema = z
  .object({ kdf: kdfSchema, publicKey: z.base64(), ephemeral: z.base64(), iv: z.base64(), data: z.base64() })
  .strict();
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>;

/**
 * The plaintext header of a vault file. Nothing secret: wrapped keys and parameters only. It is
 * authenticated as AES-GCM additional data, so changing any of it makes decryption fail.
 */
export const vaultHeaderSchema = z
  .object({
    mode: vaultModeSchema,
    /** The data key as encrypted by the OS keychain (keychain mode). */
    keychain: z.base64().optional(),
    passphrase: secretWrapSchema.optional(),
    /** The sealed form (`recoveryWrapSchema`); vaults made before it wrap the key directly. */
    recovery: z.union([recoveryWrapSchema, secretWrapSchema]),
    autoLockMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .nullable(),
    /** Milliseconds since the epoch, from the injected clock. */
    savedAt: z.number().int().nonnegative(),
  })
  .strict();
export type VaultHeader = z.infer<typeof vaultHeaderSchema>;
