import { createCipheriv, createDecipheriv } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { AppFailure } from '../../common/result';
import { vaultHeaderSchema, type VaultHeader } from './header';

/**
 * File layout (all integers big-endian):
 *   magic "CLOSEOUT" | u16 format version | u32 header length | header JSON
 *   | 12-byte IV | ciphertext | 16-byte GCM tag | u32 CRC-32 of everything before it
 * The bytes up to the end of the header are the GCM additional data. The trailing checksum tells
 * accidental damage (`vault.corrupt`, detectable while locked) from deliberate change with a
 * recomputed checksum (`vault.tampered`, caught by GCM), and keeps a damaged wrapped key from
 * being reported as a wrong passphrase. Integrity itself rests on GCM; the checksum only names the
 * cause, so CRC-32 suffices: it catches every single-byte and every burst error up to 32 bits, and
 * costs a third of SHA-256 on a 2 MB vault.
 */
export const MAGIC = Buffer.from('CLOSEOUT', 'ascii');
export const FORMAT_VERSION = 1;
const PREFIX = MAGIC.length + 2 + 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SUM_BYTES = 4;
const MAX_HEADER = 64 * 1024;

export interface ParsedVault {
  header: VaultHeader;
  aad: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function encryptVault(header: VaultHeader, dataKey: Buffer, iv: Buffer, plaintext: Buffer): Buffer {
  if (dataKey.length !== 32 || iv.length !== IV_BYTES) throw new Error('Invalid key or IV length');
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const total = PREFIX + json.length + IV_BYTES + plaintext.length + TAG_BYTES + SUM_BYTES;
  const out = Buffer.allocUnsafe(total);
  MAGIC.copy(out, 0);
  out.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  out.writeUInt32BE(json.length, MAGIC.length + 2);
  json.copy(out, PREFIX);
  const aadEnd = PREFIX + json.length;
  iv.copy(out, aadEnd);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(out.subarray(0, aadEnd));
  let at = aadEnd + IV_BYTES;
  at += cipher.update(plaintext).copy(out, at);
  at += cipher.final().copy(out, at);
  at += cipher.getAuthTag().copy(out, at);
  out.writeUInt32BE(crc32(out.subarray(0, at)), at);
  return out;
}

/** Checks the checksum and parses the header; needs no key, so it runs while the vault is locked. */
export function parseVault(bytes: Buffer): ParsedVault {
  const min = PREFIX + IV_BYTES + TAG_BYTES + SUM_BYTES;
  if (bytes.length < min || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppFailure('vault.corrupt', 'Not a Closeout vault file');
  }
  const body = bytes.subarray(0, bytes.length - SUM_BYTES);
  if (crc32(body) !== bytes.readUInt32BE(bytes.length - SUM_BYTES)) {
    throw new AppFailure('vault.corrupt', 'The vault file is damaged (checksum mismatch)');
  }
  const version = bytes.readUInt16BE(MAGIC.length);
  if (version > FORMAT_VERSION) throw new AppFailure('vault.newer-version', 'The vault file format is newer');
  if (version !== FORMAT_VERSION) throw new AppFailure('vault.corrupt', 'Unknown vault file format');
  const headerLength = bytes.readUInt32BE(MAGIC.length + 2);
  const aadEnd = PREFIX + headerLength;
  if (headerLength > MAX_HEADER || aadEnd + IV_BYTES + TAG_BYTES > body.length) {
    throw new AppFailure('vault.corrupt', 'The vault header length is invalid');
  }
  let header: VaultHeader;
  try {
    header = vaultHeaderSchema.parse(JSON.parse(bytes.subarray(PREFIX, aadEnd).toString('utf8')));
  } catch {
    throw new AppFailure('vault.corrupt', 'The vault header is invalid');
  }
  return {
    header,
    aad: bytes.subarray(0, aadEnd),
    iv: bytes.subarray(aadEnd, aadEnd + IV_BYTES),
    ciphertext: body.subarray(aadEnd + IV_BYTES, body.length - TAG_BYTES),
    tag: body.subarray(body.length - TAG_BYTES),
  };
}

/** Decrypts and authenticates; a wrong key or any changed byte is `vault.tampered`, never garbage. */
export function decryptVault(parsed: ParsedVault, dataKey: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, parsed.iv);
    decipher.setAAD(parsed.aad);
    decipher.setAuthTag(parsed.tag);
    const plain = decipher.update(parsed.ciphertext);
    decipher.final(); // GCM emits nothing here; it throws when the tag does not match.
    return plain;
  } catch {
    throw new AppFailure('vault.tampered', 'The vault failed authentication');
  }
}
