/**
 * Wraps the vault's data key with a secret the OS keeps for us (Electron safeStorage in the app, a
 * key file in tests and the harness). 'insecure' means encryption works but protects nothing:
 * safeStorage's Linux `basic_text` backend uses a hard-coded password.
 */
export type KeyAvailability = 'available' | 'insecure' | 'unavailable';

export interface KeyProvider {
  availability(): Promise<KeyAvailability>;
  encrypt(plain: Buffer): Promise<Buffer>;
  /** Throws when the blob cannot be decrypted (the keychain entry is gone or was replaced). */
  decrypt(blob: Buffer): Promise<Buffer>;
}
