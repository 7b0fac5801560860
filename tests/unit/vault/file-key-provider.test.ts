import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { tempDir } from './helpers';

describe('file key provider (the keychain stand-in for Node)', () => {
  it('creates its key file with mode 0600 and round-trips across instances', async () => {
    const keyFile = join(tempDir(), 'keychain', 'key');
    const secret = Buffer.alloc(32, 9);
    const blob = await createFileKeyProvider(keyFile).encrypt(secret);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(blob.includes(secret)).toBe(false);
    expect((await createFileKeyProvider(keyFile).decrypt(blob)).equals(secret)).toBe(true);
  });

  it('cannot decrypt with another key file, as a replaced keychain cannot', async () => {
    const blob = await createFileKeyProvider(join(tempDir(), 'a')).encrypt(Buffer.alloc(32, 1));
    await expect(createFileKeyProvider(join(tempDir(), 'b')).decrypt(blob)).rejects.toThrow();
  });

  it('acts out an insecure or missing keychain when asked to', async () => {
    expect(
      await createFileKeyProvider(join(tempDir(), 'k'), { availability: 'insecure' }).availability(),
    ).toBe('insecure');
    expect(await createFileKeyProvider(join(tempDir(), 'k')).availability()).toBe('available');
  });
});
