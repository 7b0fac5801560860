import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/common/result';
import { decryptVault, encryptVault, parseVault } from '../../../electron/main/vault/cipher';
import type { VaultHeader } from '../../../electron/main/vault/header';
import { wrapWithSecret } from '../../../electron/main/vault/keys';
import { TEST_KDF } from './helpers';

async function header(): Promise<VaultHeader> {
  const recovery = await wrapWithSecret(
    randomBytes(32),
    'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    'recovery',
    TEST_KDF,
  );
  return {
    mode: 'keychain',
    keychain: randomBytes(40).toString('base64'),
    recovery,
    autoLockMinutes: null,
    savedAt: 1,
  };
}

function failureCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
  return 'no error';
}

const open = (bytes: Buffer, key: Buffer) => decryptVault(parseVault(bytes), key);

/** Replaces the trailing checksum, as someone deliberately editing the file would. */
function resum(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  out.writeUInt32BE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

describe('vault cipher', () => {
  it('round-trips and uses a fresh IV each time', async () => {
    const key = randomBytes(32);
    const h = await header();
    const plain = Buffer.from(JSON.stringify({ hello: '你好', n: 42 }));
    const a = encryptVault(h, key, randomBytes(12), plain);
    const b = encryptVault(h, key, randomBytes(12), plain);
    expect(open(a, key).equals(plain)).toBe(true);
    expect(open(b, key).equals(plain)).toBe(true);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
    expect(parseVault(a).header).toEqual(h);
  });

  it('rejects a wrong key as tampered, never returning garbage', async () => {
    const bytes = encryptVault(await header(), randomBytes(32), randomBytes(12), Buffer.from('{"a":1}'));
    expect(failureCode(() => open(bytes, randomBytes(32)))).toBe('vault.tampered');
  });

  it('detects every flipped byte of a small file as corrupt', async () => {
    const key = randomBytes(32);
    const bytes = encryptVault(await header(), key, randomBytes(12), Buffer.from('{"plans":[1,2,3]}'));
    const codes = new Map<string, number>();
    for (let i = 0; i < bytes.length; i++) {
      const bad = Buffer.from(bytes);
      bad[i] = bad[i]! ^ 0xff;
      const code = failureCode(() => open(bad, key));
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(codes).toEqual(new Map([['vault.corrupt', bytes.length]]));
  });

  it('detects every flipped byte even when the checksum is recomputed (deliberate tampering)', async () => {
    const key = randomBytes(32);
    const bytes = encryptVault(await header(), key, randomBytes(12), Buffer.from('{"plans":[1,2,3]}'));
    let detected = 0;
    for (let i = 0; i < bytes.length - 4; i++) {
      const bad = Buffer.from(bytes);
      bad[i] = bad[i]! ^ 0x01;
      const code = failureCode(() => open(resum(bad), key));
      // Bytes 8-9 are the format version: a higher one is reported as written by a newer release.
      expect(
        i === 8 || i === 9 ? ['vault.corrupt', 'vault.newer-version'] : ['vault.corrupt', 'vault.tampered'],
      ).toContain(code);
      detected++;
    }
    expect(detected).toBe(bytes.length - 4);
  });

  it('reports a newer format version as such, not as damage', async () => {
    const bytes = Buffer.from(
      encryptVault(await header(), randomBytes(32), randomBytes(12), Buffer.from('{}')),
    );
    bytes.writeUInt16BE(99, 8);
    expect(failureCode(() => parseVault(resum(bytes)))).toBe('vault.newer-version');
  });

  it('rejects truncated files and foreign files', async () => {
    const bytes = encryptVault(await header(), randomBytes(32), randomBytes(12), Buffer.from('{}'));
    for (const len of [0, 7, 20, bytes.length - 1]) {
      expect(failureCode(() => parseVault(bytes.subarray(0, len)))).toBe('vault.corrupt');
    }
    expect(failureCode(() => parseVault(Buffer.from('{"not":"a vault"}')))).toBe('vault.corrupt');
  });
});
