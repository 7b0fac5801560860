/**
 * The one AES-256-GCM sealed-file layout, shared by the vault (vault/cipher.ts) and the export file
 * (transfer/format.ts). All integers big-endian:
 *
 *   magic | u16 format version | u32 header length | header JSON
 *   | 12-byte IV | ciphertext | 16-byte GCM tag [| u32 CRC-32 of everything before it]
 *
 * The bytes up to the end of the header are the GCM additional data, so a changed header fails
 * authentication too. The optional trailing checksum (the vault has it, the export does not) tells
 * accidental damage from deliberate change; integrity itself rests on GCM.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { z } from 'zod';
import type { ErrorCode } from '../../common/errors';
import { AppFailure } from '../../common/result';

export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const SUM_BYTES = 4;

/** What a failure is called in the format's own words (its error codes and messages). */
export interface SealedFailures {
  /** No magic, or too short to hold one. */
  notOurs: readonly [ErrorCode, string];
  /** Checksum mismatch, unknown version, header length or header content invalid. */
  corrupt: ErrorCode;
  /** A format version newer than this build writes. */
  newer: readonly [ErrorCode, string];
  /** GCM refused: a wrong key or any changed byte. */
  tampered: readonly [ErrorCode, string];
}

export interface SealedFormat<H> {
  magic: Buffer;
  version: number;
  maxHeader: number;
  /** Whether a CRC-32 of everything before it closes the file. */
  checksum: boolean;
  headerSchema: z.ZodType<H>;
  failures: SealedFailures;
  /** Used in the messages ("vault", "export"). */
  noun: string;
}

export interface SealedParts<H> {
  header: H;
  /** The GCM additional data: everything up to the end of the header JSON. */
  aad: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

const prefixLength = (format: SealedFormat<unknown>): number => format.magic.length + 2 + 4;

/** Writes the whole file in one allocation. */
export function seal<H>(
  format: SealedFormat<H>,
  header: H,
  key: Buffer,
  iv: Buffer,
  plaintext: Buffer,
): Buffer {
  if (key.length !== 32 || iv.length !== IV_BYTES) throw new Error('Invalid key or IV length');
  const { magic } = format;
  const prefix = prefixLength(format);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const sum = format.checksum ? SUM_BYTES : 0;
  const out = Buffer.allocUnsafe(prefix + json.length + IV_BYTES + plaintext.length + TAG_BYTES + sum);
  magic.copy(out, 0);
  out.writeUInt16BE(format.version, magic.length);
  out.writeUInt32BE(json.length, magic.length + 2);
  json.copy(out, prefix);
  const aadEnd = prefix + json.length;
  iv.copy(out, aadEnd);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(out.subarray(0, aadEnd));
  let at = aadEnd + IV_BYTES;
  at += cipher.update(plaintext).copy(out, at);
  at += cipher.final().copy(out, at);
  at += cipher.getAuthTag().copy(out, at);
  if (format.checksum) out.writeUInt32BE(crc32(out.subarray(0, at)), at);
  return out;
}

/** Checks the checksum and parses the header; needs no key. */
export function parseSealed<H>(format: SealedFormat<H>, bytes: Buffer): SealedParts<H> {
  const { magic, failures, noun } = format;
  const prefix = prefixLength(format);
  const sum = format.checksum ? SUM_BYTES : 0;
  const min = format.checksum ? prefix + IV_BYTES + TAG_BYTES + SUM_BYTES : prefix;
  if (bytes.length < min || !bytes.subarray(0, magic.length).equals(magic))
    throw new AppFailure(...failures.notOurs);
  const body = bytes.subarray(0, bytes.length - sum);
  if (format.checksum && crc32(body) !== bytes.readUInt32BE(bytes.length - SUM_BYTES)) {
    throw new AppFailure(failures.corrupt, `The ${noun} file is damaged (checksum mismatch)`);
  }
  const version = bytes.readUInt16BE(magic.length);
  if (version > format.version) throw new AppFailure(...failures.newer);
  if (version !== format.version) throw new AppFailure(failures.corrupt, `Unknown ${noun} file format`);
  const headerLength = bytes.readUInt32BE(magic.length + 2);
  const aadEnd = prefix + headerLength;
  if (headerLength > format.maxHeader || aadEnd + IV_BYTES + TAG_BYTES > body.length) {
    throw new AppFailure(failures.corrupt, `The ${noun} file is truncated or its header length is invalid`);
  }
  let header: H;
  try {
    header = format.headerSchema.parse(JSON.parse(bytes.subarray(prefix, aadEnd).toString('utf8')));
  } catch {
    throw new AppFailure(failures.corrupt, `The ${noun} file header is invalid`);
  }
  return {
    header,
    aad: bytes.subarray(0, aadEnd),
    iv: bytes.subarray(aadEnd, aadEnd + IV_BYTES),
    ciphertext: body.subarray(aadEnd + IV_BYTES, body.length - TAG_BYTES),
    tag: body.subarray(body.length - TAG_BYTES),
  };
}

/** Decrypts and authenticates; a wrong key or any changed byte is the format's `tampered`, never garbage. */
export function openSealed(format: SealedFormat<unknown>, parts: SealedParts<unknown>, key: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv);
    decipher.setAAD(parts.aad);
    decipher.setAuthTag(parts.tag);
    const plain = decipher.update(parts.ciphertext);
    decipher.final(); // GCM emits nothing here; it throws when the tag does not match.
    return plain;
  } catch {
    throw new AppFailure(...format.failures.tampered);
  }
}
