/**
 * Reads a Closeout mail backup as an archive: `closeout-backup.json` names each server folder and
 * the Maildir++ directory it went to; the message files are listed from `cur/` and `new/`. The
 * description file is read leniently (only what the archive needs), so a newer backup layout with
 * more fields still opens.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../common/result';
import { errnoCode } from '../vault/fs-errors';

export const STATE_FILE = 'closeout-backup.json';
export const MAILDIR = 'Maildir';

const descriptionSchema = z.looseObject({
  address: z.string(),
  folders: z.array(
    z.looseObject({
      name: z.string(),
      dir: z.string(),
      current: z.boolean().optional(),
      uidValidity: z.number().optional(),
    }),
  ),
});

export interface BackupFolder {
  /** Index in the archive's folder list. */
  id: number;
  /** The server folder's name, `/` between levels. */
  name: string;
  /** Directory relative to the Maildir root ('' for INBOX). */
  dir: string;
  /** False for an earlier copy kept after the server renumbered the folder (UIDVALIDITY changed). */
  current: boolean;
  uidValidity: number | null;
}

export interface Backup {
  root: string;
  maildir: string;
  address: string;
  folders: BackupFolder[];
}

export interface MessageFile {
  folder: number;
  /** Relative to the Maildir root. */
  path: string;
}

export async function openBackup(dir: string): Promise<Backup> {
  const root = resolve(dir);
  try {
    if (!(await stat(root)).isDirectory()) throw new AppFailure('archive.folder-missing', 'Not a folder');
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    throw new AppFailure('archive.folder-missing', 'The folder does not exist or cannot be read');
  }
  let raw: string;
  try {
    raw = await readFile(join(root, STATE_FILE), 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT')
      throw new AppFailure('archive.not-a-backup', 'No closeout-backup.json in this folder');
    throw new AppFailure('archive.io', 'The backup description cannot be read');
  }
  let parsed: z.infer<typeof descriptionSchema>;
  try {
    parsed = descriptionSchema.parse(JSON.parse(raw));
  } catch {
    throw new AppFailure('archive.damaged', 'closeout-backup.json is damaged');
  }
  const maildir = join(root, MAILDIR);
  try {
    if (!(await stat(maildir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AppFailure('archive.not-a-backup', 'The backup has no Maildir folder');
  }
  const folders: BackupFolder[] = [];
  for (const f of parsed.folders) {
    // A directory that would leave the Maildir root is not ours: skip it rather than read outside.
    const abs = resolve(maildir, f.dir);
    const rel = relative(maildir, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    folders.push({
      id: folders.length,
      name: f.name,
      dir: rel,
      current: f.current ?? true,
      uidValidity: f.uidValidity ?? null,
    });
  }
  return { root, maildir, address: parsed.address, folders };
}

/** Every message file of the backup, folder by folder (`cur/` then `new/`), sorted by name. */
export async function listMessageFiles(backup: Backup): Promise<MessageFile[]> {
  const out: MessageFile[] = [];
  for (const folder of backup.folders) {
    for (const sub of ['cur', 'new']) {
      const relDir = join(folder.dir, sub);
      let names: string[];
      try {
        names = await readdir(join(backup.maildir, relDir));
      } catch (e) {
        if (errnoCode(e) === 'ENOENT') continue;
        throw new AppFailure('archive.io', 'A backup folder cannot be read');
      }
      names.sort();
      // Names only (no stat per file): a 100k backup lists in well under a second; sizes come
      // from reading the files when they are indexed.
      for (const name of names)
        if (!name.startsWith('.')) out.push({ folder: folder.id, path: join(relDir, name) });
    }
  }
  return out;
}

/** The absolute path of a message file, refusing anything outside the Maildir root. */
export function messagePath(backup: Backup, rel: string): string {
  const abs = resolve(backup.maildir, rel);
  const back = relative(backup.maildir, abs);
  if (back.startsWith('..') || isAbsolute(back))
    throw new AppFailure('archive.not-found', 'Outside the backup');
  return abs;
}
