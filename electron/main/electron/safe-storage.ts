import type { SafeStorage } from 'electron';
import type { KeyAvailability, KeyProvider } from '../key-providers/key-provider';

/**
 * The OS keychain through Electron's async safeStorage API. The caller passes `safeStorage` in
 * (main/electron/index.ts), so this file needs nothing from Electron at run time.
 */
export function createSafeStorageKeyProvider(
  safeStorage: Pick<
    SafeStorage,
    'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform = process.platform,
): KeyProvider {
  return {
    async availability(): Promise<KeyAvailability> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
      // Without a keyring Chromium falls back to a hard-coded password: present, but no protection.
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'insecure';
      return 'available';
    },
    // safeStorage encrypts strings; base64 keeps the binary key intact through it.
    encrypt: (plain) => safeStorage.encryptStringAsync(plain.toString('base64')),
    async decrypt(blob) {
      const { result } = await safeStorage.decryptStringAsync(blob);
      const key = Buffer.from(result, 'base64');
      if (key.length === 0) throw new Error('safeStorage returned an empty key');
      return key;
    },
  };
}
