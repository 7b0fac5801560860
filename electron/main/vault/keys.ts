import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import type { KdfParams, RecoveryWrap, SecretWrap } from './header';

/** OWASP's scrypt figure: N=2^17, r=8, p=1 (about 128 MiB and a few hundred ms per derivation). */
export const DEFAULT_KDF_COST = { logN: 17, r: 8, p: 1 } as const;
export type KdfCost = { logN: number; r: number; p: number };

/**
 * Whether `cost` is one this installation writes (the default, or the lighter one tests and the
 * harness configure). Checked before any derivation: a file chooses its own parameters, and
 * logN 20, r 32, p 16 would cost about 4 GiB and minutes before the passphrase is even tried.
 */
export function isKnownCost(cost: KdfCost, known: readonly (KdfCost | undefined)[]): boolean {
  return [DEFAULT_KDF_COST, ...known].some(
    (k) => k && k.logN === cost.logN && k.r === cost.r && k.p === cost.p,
  );
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

/** A key wrap: AES-256-GCM of the data key under a key-encryption key, the tag after the ciphertext. */
function sealKey(kek: Buffer, iv: Buffer, dataKey: Buffer, purpose: string): Buffer {
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aadFor(purpose));
  return Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
}

/** The data key in a key wrap, or null when the key-encryption key (or any byte) is wrong. */
function openKey(kek: Buffer, iv: Buffer, data: Buffer, purpose: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv);
    decipher.setAAD(aadFor(purpose));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const key = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

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
  const data = sealKey(kek, iv, dataKey, purpose);
  kek.fill(0);
  const kdf: KdfParams = {
    name: 'scrypt',
    logN: cost.logN,
    r: cost.r,
    p: cost.p,
    salt: salt.toString('base64'),
  };
  return { kdf, iv: iv.toString('base64'), data: data.toString('base64') };
}

/** The data key, or null when `secret` is not the one it was wrapped with. */
export async function unwrapWithSecret(
  wrap: SecretWrap,
  secret: string,
  purpose: 'passphrase' | 'recovery',
): Promise<Buffer | null> {
  const kek = await scrypt(secret, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  try {
    return openKey(kek, Buffer.from(wrap.iv, 'base64'), Buffer.from(wrap.data, 'base64'), purpose);
  } finally {
    kek.fill(0);
  }
}

/*
 * The recovery code does not wrap the data key directly: it derives (scrypt) an X25519 key pair,
 * and the data key is sealed to its public key (ECDH with a fresh ephemeral key, HKDF-SHA256,
 * AES-256-GCM). So a new data key (after a passphrase change) can be sealed for the same recovery
 * code without knowing it, and the old key leaves no path to the new one.
 */
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const RECOVERY_INFO = Buffer.from('closeout/recovery/v2', 'utf8');

const privateFromSeed = (seed: Buffer): KeyObject =>
  createPrivateKey({ key: Buffer.concat([X25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
const rawPublic = (key: KeyObject): Buffer =>
  (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(X25519_SPKI.length);
const publicFromRaw = (raw: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([X25519_SPKI, raw]), format: 'der', type: 'spki' });

function recoveryKek(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), RECOVERY_INFO, 32));
}

/** What sealing to a recovery code needs (no secret): its scrypt parameters and public key. */
export type RecoveryLock = Pick<RecoveryWrap, 'kdf' | 'publicKey'>;

/** Derives the recovery code's key pair (one scrypt) and returns its public half. */
export async function recoveryLockFor(code: string, cost: KdfCost): Promise<RecoveryLock> {
  const salt = randomBytes(16);
  const seed = await scrypt(code, salt, cost);
  const publicKey = rawPublic(createPublicKey(privateFromSeed(seed)));
  seed.fill(0);
  return {
    kdf: { name: 'scrypt', logN: cost.logN, r: cost.r, p: cost.p, salt: salt.toString('base64') },
    publicKey: publicKey.toString('base64'),
  };
}

/** Seals the data key for the recovery code behind `lock`; needs no secret. */
export function sealForRecovery(dataKey: Buffer, lock: RecoveryLock): RecoveryWrap {
  const recipient = Buffer.from(lock.publicKey, 'base64');
  const eph = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(recipient) });
  const kek = recoveryKek(shared, ephemeral, recipient);
  shared.fill(0);
  const iv = randomBytes(12);
  const data = sealKey(kek, iv, dataKey, 'recovery-v2');
  kek.fill(0);
  return {
    ...lock,
    ephemeral: ephemeral.toString('base64'),
    iv: iv.toString('base64'),
    data: data.toString('base64'),
  };
}

/** The data key sealed in `wrap`, or null when `code` is not its recovery code. */
export async function openWithRecoveryCode(wrap: RecoveryWrap, code: string): Promise<Buffer | null> {
  const seed = await scrypt(code, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  const recipient = Buffer.from(wrap.publicKey, 'base64');
  const ephemeral = Buffer.from(wrap.ephemeral, 'base64');
  let kek: Buffer | null = null;
  try {
    const privateKey = privateFromSeed(seed);
    if (!rawPublic(createPublicKey(privateKey)).equals(recipient)) return null;
    const shared = diffieHellman({ privateKey, publicKey: publicFromRaw(ephemeral) });
    kek = recoveryKek(shared, ephemeral, recipient);
    shared.fill(0);
    return openKey(kek, Buffer.from(wrap.iv, 'base64'), Buffer.from(wrap.data, 'base64'), 'recovery-v2');
  } catch {
    return null;
  } finally {
    seed.fill(0);
    kek?.fill(0);
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
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 24 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s.match(/.{4}/g)!.join('-');
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
