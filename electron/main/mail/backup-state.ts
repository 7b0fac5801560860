/**
 * `closeout-backup.json`: which server folder (and UIDVALIDITY) went to which Maildir++ directory
 * and manifest. A folder generation is registered here before its first message is written, so
 * every manifest on disk is reachable from this file.
 */
import { readFile } from 'node:fs/promises';
// zod's tree-shakable build: the export bundles (and starts) without the rest of zod.
import * as z from 'zod/mini';
import type { MailVerification } from '../../common/contract/mail';
import { AppFailure } from '../../common/result';
import { errnoCode } from '../vault/fs-errors';
import { replaceFileDurably } from './durable';

const generationSchema = z.object({
  /** Server path as listed (decoded), used to open the folder. */
  path: z.string(),
  /** Display name with `/` between levels. */
  name: z.string(),
  uidValidity: z.number(),
  dir: z.string(),
  manifest: z.string(),
  /** False once a UIDVALIDITY change sent the folder to a fresh generation. */
  current: z.boolean(),
  /** UIDNEXT and count when the folder was last completed (fast path for unchanged folders). */
  completedUidNext: z.nullable(z.number()),
  completedMessages: z.nullable(z.number()),
  completedBytes: z.nullable(z.number()),
  /**
   * `diskFingerprint` of the folder's files and manifest when it was completed: while both it and
   * the server's counts are unchanged, a rerun skips the folder without opening it.
   */
  completedDisk: z.optional(z.nullable(z.string())),
});
export type FolderGeneration = z.infer<typeof generationSchema>;

const stateSchema = z.object({
  format: z.literal(1),
  address: z.string(),
  server: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  complete: z.boolean(),
  folders: z.array(generationSchema),
  lastVerification: z.nullable(z.unknown()),
});
export type BackupState = Omit<z.infer<typeof stateSchema>, 'lastVerification'> & {
  lastVerification: MailVerification | null;
};

export async function readBackupState(path: string): Promise<BackupState | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  }
  const parsed = stateSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new AppFailure('mail.io', 'The backup description file is damaged');
  return parsed.data as BackupState;
}

export function writeBackupState(path: string, state: BackupState): Promise<void> {
  return replaceFileDurably(path, JSON.stringify(state, null, 2) + '\n');
}
