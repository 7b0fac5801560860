import { beforeEach, describe, expect, it, vi } from 'vitest';

// The adapter takes safeStorage as an argument; mocking the module proves it also type-checks and
// behaves against the shape Electron exports, without an Electron binary.
vi.mock('electron', () => {
  const store = new Map<string, string>();
  let n = 0;
  return {
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptStringAsync: vi.fn(async (plain: string) => {
        const id = Buffer.from(`blob-${n++}`);
        store.set(id.toString(), plain);
        return id;
      }),
      decryptStringAsync: vi.fn(async (blob: Buffer) => {
        const plain = store.get(blob.toString());
        if (plain === undefined)
          throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return { result: plain, shouldReEncrypt: false };
      }),
    },
  };
});

const { safeStorage } = await import('electron');
const { createSafeStorageKeyProvider } = await import('../../../electron/main/electron/safe-storage');

describe('safeStorage key provider', () => {
  beforeEach(() => {
    vi.mocked(safeStorage.isAsyncEncryptionAvailable).mockResolvedValue(true);
    vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue('gnome_libsecret');
  });

  it('round-trips a binary key through the async string API', async () => {
    const p = createSafeStorageKeyProvider(safeStorage, 'linux');
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff));
    const blob = await p.encrypt(key);
    expect(vi.mocked(safeStorage.encryptStringAsync)).toHaveBeenCalledWith(key.toString('base64'));
    expect((await p.decrypt(blob)).equals(key)).toBe(true);
  });

  it('reports basic_text on Linux as insecure, and no encryption as unavailable', async () => {
    vi.mocked(safeStorage.getSelectedStorageBackend).mockReturnValue('basic_text');
    expect(await createSafeStorageKeyProvider(safeStorage, 'linux').availability()).toBe('insecure');
    expect(await createSafeStorageKeyProvider(safeStorage, 'darwin').availability()).toBe('available');
    vi.mocked(safeStorage.isAsyncEncryptionAvailable).mockResolvedValue(false);
    expect(await createSafeStorageKeyProvider(safeStorage, 'linux').availability()).toBe('unavailable');
  });

  it('reports a keyring backend as available', async () => {
    expect(await createSafeStorageKeyProvider(safeStorage, 'linux').availability()).toBe('available');
  });

  it('throws when the keychain cannot decrypt the blob', async () => {
    await expect(
      createSafeStorageKeyProvider(safeStorage, 'linux').decrypt(Buffer.from('unknown')),
    ).rejects.toThrow();
  });
});
