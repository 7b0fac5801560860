import { vaultHeaderSchema, type VaultHeader } from './header';
import { openSealed, parseSealed, seal, type SealedFormat, type SealedParts } from './sealed-file';

/**
 * The vault file: the sealed-file layout (vault/sealed-file.ts) with magic "CLOSEOUT" and a trailing
 * CRC-32. The checksum tells accidental damage (`vault.corrupt`, detectable while locked) from
 * deliberate change with a recomputed checksum (`vault.tampered`, caught by GCM), and keeps a
 * damaged wrapped key from being reported as a wrong passphrase. Integrity itself rests on GCM; the
 * checksum only names the cause, so CRC-32 suffices: it catches every single-byte and every burst
 * error up to 32 bits, and costs a third of SHA-256 on a 2 MB vault.
 */
export const MAGIC = Buffer.from('CLOSEOUT', 'ascii');
export const FORMAT_VERSION = 1;

const VAULT_FILE: SealedFormat<VaultHeader> = {
  magic: MAGIC,
  version: FORMAT_VERSION,
  maxHeader: 64 * 1024,
  checksum: true,
  headerSchema: vaultHeaderSchema,
  noun: 'vault',
  failures: {
    notOurs: ['vault.corrupt', 'Not a Closeout vault file'],
    corrupt: 'vault.corrupt',
    newer: ['vault.newer-version', 'The vault file format is newer'],
    tampered: ['vault.tampered', 'The vault failed authentication'],
  },
};

export type ParsedVault = SealedParts<VaultHeader>;

export function encryptVault(header: VaultHeader, dataKey: Buffer, iv: Buffer, plaintext: Buffer): Buffer {
  return seal(VAULT_FILE, header, dataKey, iv, plaintext);
}

/** Checks the checksum and parses the header; needs no key, so it runs while the vault is locked. */
export function parseVault(bytes: Buffer): ParsedVault {
  return parseSealed(VAULT_FILE, bytes);
}

/** Decrypts and authenticates; a wrong key or any changed byte is `vault.tampered`, never garbage. */
export function decryptVault(parsed: ParsedVault, dataKey: Buffer): Buffer {
  return openSealed(VAULT_FILE, parsed, dataKey);
}
