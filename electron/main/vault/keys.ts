import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { KdfParams, SecretWrap } from './header';

/** OWASP's scrypt figure: N=2^17, r=8, p=1 (about 128 MiB and a few hundred ms per derivation). */
export const DEFAULT_KDF_COST = { logN: 17, r: 8, p: 1 } as const;
export type KdfCost = { logN: number; r: number; p: number };

/**
 * Whether `cost` is one this installation writes (the default, or the lighter one tests and the
 * harness configure). Checked before any derivation: a file chooses its own parameters, and
 * logN 20, r 32, p 16 would cost about 4 GiB and minutes before the passphrase is even tried.
 */
export function isKnownCost(cost: KdfCost, known: readonly (KdfCost | undefined)[]): boolean {
  return [DEFAULT_KDF_COST, ...known].some((k) => k && k.logN === cost.logN && k.r === cost.r && k.p === cost.p);
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** scrypt with the parameters given; shared with the export file format. */
export function scrypt(secret: string, salt: Buffer, cost: KdfCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs (128 * N * r = 128 MiB).
  const maxmem = 128 * N * cost.r * 2;
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), salt, 32, { N, r: cost.r, p: cost.p, maxmem }, (e, key) =>
      e ? reject(e) : resolve(key),
    );
  });
}

const aadFor = (purpose: string) => Buffer.from(`closeout/wrap/v1/${purpose}`, 'utf8');

/** Wraps the data key under a key derived from `secret` with a fresh salt. */
export async function wrapWithSecret(
  dataKey: Buffer,
  secret: string,
  purpose: 'passphrase' | 'recovery',
  cost: KdfCost,
): Promise<SecretWrap> {
  const salt = randomBytes(16);
  const kek = await scrypt(secret, salt, cost);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aadFor(purpose));
  const data = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  kek.fill(0);
  const kdf: KdfParams = { name: 'scrypt', logN: cost.logN, r: cost.r, p: cost.p, salt: salt.toString('base64') };
  return { kdf, iv: iv.toString('base64'), data: data.toString('base64') };
}

/** The data key, or null when `secret` is not the one it was wrapped with. */
export async function unwrapWithSecret(
  wrap: SecretWrap,
  secret: string,
  purpose: 'passphrase' | 'recovery',
): Promise<Buffer | null> {
  const kek = await scrypt(secret, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  const data = Buffer.from(wrap.data, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(aadFor(purpose));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const key = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

// Crockford's base32: no I, L, O or U, so a code copied by hand cannot be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 24 characters (120 random bits) in six groups of four: shown once, when the vault is created. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts lower case, spaces and dashes, and the letters people confuse with digits. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== 24 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s.match(/.{4}/g)!.join('-');
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
