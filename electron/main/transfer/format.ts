/**
 * The portable export file: one plan or the whole vault, encrypted with a passphrase chosen at
 * export (documented in README.md, "Export file format").
 *
 *   "CLOSEOUT-EXPORT\n" (16 bytes) | u16 format version | u32 header length | header JSON
 *   | 12-byte IV | AES-256-GCM ciphertext | 16-byte tag
 *
 * That is the sealed-file layout of vault/sealed-file.ts (the vault's), without the checksum.
 *
 * The key is scrypt(passphrase, header.kdf). Everything before the IV is GCM additional data, so a
 * changed header fails authentication too. `header.check` (HMAC of a fixed label under the key)
 * tells a wrong passphrase from a damaged file without decrypting; it reveals nothing an attacker
 * could not learn from trying the GCM tag.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../common/result';
import { kdfSchema } from '../vault/header';
import { DEFAULT_KDF_COST, isKnownCost, scrypt, type KdfCost } from '../vault/keys';
import { IV_BYTES, openSealed, parseSealed, seal, type SealedFormat } from '../vault/sealed-file';

export const EXPORT_MAGIC = Buffer.from('CLOSEOUT-EXPORT\n', 'ascii');
export const EXPORT_FORMAT_VERSION = 1;
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

const EXPORT_FILE: SealedFormat<ExportHeader> = {
  magic: EXPORT_MAGIC,
  version: EXPORT_FORMAT_VERSION,
  maxHeader: 16 * 1024,
  checksum: false,
  headerSchema: exportHeaderSchema,
  noun: 'export',
  failures: {
    notOurs: ['transfer.not-an-export', 'This is not a Closeout export file'],
    corrupt: 'transfer.corrupt',
    newer: ['transfer.newer-version', 'The export was made by a newer version of Closeout'],
    tampered: ['transfer.tampered', 'The export file was changed or truncated'],
  },
};

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
    return seal(
      EXPORT_FILE,
      header,
      key,
      randomBytes(IV_BYTES),
      Buffer.from(JSON.stringify(payload), 'utf8'),
    );
  } finally {
    key.fill(0);
  }
}

/** Reads the header without the passphrase: for the "which file is this" part of the preview. */
export function readExportHeader(file: Buffer): { header: ExportHeader } {
  return parseSealed(EXPORT_FILE, file);
}

/** `knownCosts`: scrypt settings accepted besides the default (the lighter one of tests and the harness). */
export async function openExport(
  file: Buffer,
  passphrase: string,
  knownCosts: readonly (KdfCost | undefined)[] = [],
): Promise<{ header: ExportHeader; payload: unknown }> {
  const parts = parseSealed(EXPORT_FILE, file);
  const { header } = parts;
  if (!isKnownCost(header.kdf, knownCosts)) {
    throw new AppFailure(
      'transfer.unknown-kdf',
      'The export file asks for key-derivation settings Closeout does not write',
    );
  }
  const key = await scrypt(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  try {
    const check = Buffer.from(header.check, 'base64');
    const expected = checkOf(key);
    if (check.length !== expected.length || !timingSafeEqual(check, expected)) {
      throw new AppFailure('transfer.wrong-passphrase', 'The passphrase does not open this export');
    }
    const plain = openSealed(EXPORT_FILE, parts, key);
    try {
      return { header, payload: JSON.parse(plain.toString('utf8')) as unknown };
    } catch {
      throw new AppFailure('transfer.corrupt', 'The export content is not readable');
    }
  } finally {
    key.fill(0);
  }
}
