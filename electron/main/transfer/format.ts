/**
 * The portable export file: one plan or the whole vault, encrypted with a passphrase chosen at
 * export (documented in README.md, "Export file format").
 *
 *   "CLOSEOUT-EXPORT\n" (16 bytes) | u16 format version | u32 header length | header JSON
 *   | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag
 *
 * The key is scrypt(passphrase, header.kdf). Everything before the IV is GCM additional data, so a
 * changed header fails authentication too. `header.check` (HMAC of a fixed label under the key)
 * tells a wrong passphrase from a damaged file without decrypting; it reveals nothing an attacker
 * could not learn from trying the GCM tag.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../common/result';
import { kdfSchema } from '../vault/header';
import { DEFAULT_KDF_COST, isKnownCost, scrypt, type KdfCost } from '../vault/keys';

export const EXPORT_MAGIC = Buffer.from('CLOSEOUT-EXPORT\n', 'ascii');
export const EXPORT_FORMAT_VERSION = 1;
const PREFIX = EXPORT_MAGIC.length + 2 + 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_HEADER = 16 * 1024;
const CHECK_LABEL = 'closeout/export/v1/check';

export const exportHeaderSchema = z
  .object({
    kdf: kdfSchema,
    check: z.base64(),
    scope: z.enum(['vault', 'plan']),
    exportedAt: z.iso.datetime(),
    app: z.object({ name: z.string().max(100), version: z.string().max(50) }).strict(),
    /** Schema version of the document inside, so a reader can refuse a newer one before decrypting. */
    documentVersion: z.number().int().positive(),
  })
  .strict();
export type ExportHeader = z.infer<typeof exportHeaderSchema>;

export interface ExportMeta {
  scope: ExportHeader['scope'];
  exportedAt: string;
  app: ExportHeader['app'];
  documentVersion: number;
}

const checkOf = (key: Buffer) => createHmac('sha256', key).update(CHECK_LABEL).digest().subarray(0, 16);

export async function sealExport(
  payload: unknown,
  passphrase: string,
  meta: ExportMeta,
  cost: KdfCost = DEFAULT_KDF_COST,
): Promise<Buffer> {
  const salt = randomBytes(16);
  const key = await scrypt(passphrase, salt, cost);
  try {
    const header: ExportHeader = {
      kdf: { name: 'scrypt', logN: cost.logN, r: cost.r, p: cost.p, salt: salt.toString('base64') },
      check: checkOf(key).toString('base64'),
      ...meta,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.alloc(PREFIX);
    EXPORT_MAGIC.copy(prefix, 0);
    prefix.writeUInt16BE(EXPORT_FORMAT_VERSION, EXPORT_MAGIC.length);
    prefix.writeUInt32BE(json.length, EXPORT_MAGIC.length + 2);
    const aad = Buffer.concat([prefix, json]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.concat([aad, iv, body, cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** Reads the header without the passphrase: for the "which file is this" part of the preview. */
export function readExportHeader(file: Buffer): { header: ExportHeader; aadEnd: number } {
  if (file.length < PREFIX || !file.subarray(0, EXPORT_MAGIC.length).equals(EXPORT_MAGIC)) {
    throw new AppFailure('transfer.not-an-export', 'This is not a Closeout export file');
  }
  const version = file.readUInt16BE(EXPORT_MAGIC.length);
  if (version > EXPORT_FORMAT_VERSION) {
    throw new AppFailure('transfer.newer-version', 'The export was made by a newer version of Closeout');
  }
  if (version !== EXPORT_FORMAT_VERSION) throw new AppFailure('transfer.corrupt', 'Unknown export format');
  const headerLength = file.readUInt32BE(EXPORT_MAGIC.length + 2);
  const aadEnd = PREFIX + headerLength;
  if (headerLength > MAX_HEADER || aadEnd + IV_BYTES + TAG_BYTES > file.length) {
    throw new AppFailure('transfer.corrupt', 'The export file is truncated or damaged');
  }
  let header: ExportHeader;
  try {
    header = exportHeaderSchema.parse(JSON.parse(file.subarray(PREFIX, aadEnd).toString('utf8')));
  } catch {
    throw new AppFailure('transfer.corrupt', 'The export file header is damaged');
  }
  return { header, aadEnd };
}

/** `knownCosts`: scrypt settings accepted besides the default (the lighter one of tests and the harness). */
export async function openExport(
  file: Buffer,
  passphrase: string,
  knownCosts: readonly (KdfCost | undefined)[] = [],
): Promise<{ header: ExportHeader; payload: unknown }> {
  const { header, aadEnd } = readExportHeader(file);
  if (!isKnownCost(header.kdf, knownCosts)) {
    throw new AppFailure('transfer.unknown-kdf', 'The export file asks for key-derivation settings Closeout does not write');
  }
  const key = await scrypt(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  try {
    const check = Buffer.from(header.check, 'base64');
    const expected = checkOf(key);
    if (check.length !== expected.length || !timingSafeEqual(check, expected)) {
      throw new AppFailure('transfer.wrong-passphrase', 'The passphrase does not open this export');
    }
    const iv = file.subarray(aadEnd, aadEnd + IV_BYTES);
    const tag = file.subarray(file.length - TAG_BYTES);
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(file.subarray(0, aadEnd));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(file.subarray(aadEnd + IV_BYTES, file.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new AppFailure('transfer.tampered', 'The export file was changed or truncated');
    }
    try {
      return { header, payload: JSON.parse(plain.toString('utf8')) as unknown };
    } catch {
      throw new AppFailure('transfer.corrupt', 'The export content is not readable');
    }
  } finally {
    key.fill(0);
  }
}
