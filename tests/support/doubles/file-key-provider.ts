import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyAvailability, KeyProvider } from '../../../electron/main/key-providers/key-provider';

export interface FileKeyProviderOptions {
  /** Lets the harness and tests act out a machine without a (secure) keyring. */
  availability?: KeyAvailability;
}

/**
 * A keychain stand-in for Node (tests, the harness, the crash child): a random key in a file of
 * mode 0600. It protects nothing a keychain would; it exists so the real vault runs without Electron.
 */
export function createFileKeyProvider(keyFile: string, options: FileKeyProviderOptions = {}): KeyProvider {
  let key: Promise<Buffer> | null = null;
  const load = (): Promise<Buffer> =>
    (key ??= (async () => {
      try {
        const existing = readFileSync(keyFile);
        if (existing.length === 32) return existing;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      const fresh = randomBytes(32);
      await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
      await writeFile(keyFile, fresh, { mode: 0o600, flag: 'wx' });
      return fresh;
    })());

  return {
    availability: async () => options.availability ?? 'available',
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', await load(), iv);
      return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    },
    async decrypt(blob) {
      if (blob.length < 28) throw new Error('Key blob too short');
      const decipher = createDecipheriv('aes-256-gcm', await load(), blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(blob.length - 16));
      return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
    },
  };
}
