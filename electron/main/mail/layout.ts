/**
 * The backup folder the user picked:
 *
 *   <target>/closeout-backup.json   which server folder went where (name, UIDVALIDITY, directory)
 *   <target>/manifests/*.jsonl      one append-only line per message saved: the truth for resume
 *   <target>/Maildir/               Maildir++: INBOX in the root, each other folder in `.<name>`
 *                                   with `.` between levels, names in UTF-8 (as Dovecot's
 *                                   `maildir:<target>/Maildir:UTF-8`, mutt and mbsync
 *                                   `SubFolders Maildir++` read them)
 *
 * Message files are `<internaldate>.U<uidvalidity>_<uid>.closeout,S=<size>:2,<flags>` (`;2,` on
 * Windows, where `:` cannot be in a file name), so a name says which server message it holds and
 * a rerun can tell its own unrecorded files apart.
 */
import { join } from 'node:path';

export const STATE_FILE = 'closeout-backup.json';
export const MANIFEST_DIR = 'manifests';
export const MAILDIR = 'Maildir';
export const INFO_SEPARATOR = process.platform === 'win32' ? ';' : ':';

/** IMAP system flags -> Maildir letters (ASCII order is required in the name). */
const FLAG_LETTERS: Record<string, string> = {
  '\\Draft': 'D',
  '\\Flagged': 'F',
  $Forwarded: 'P',
  '\\Answered': 'R',
  '\\Seen': 'S',
  '\\Deleted': 'T',
};

export function maildirFlags(flags: Iterable<string> | undefined): string {
  const letters = new Set<string>();
  for (const f of flags ?? []) {
    const l = FLAG_LETTERS[f];
    if (l) letters.add(l);
  }
  return [...letters].sort().join('');
}

export function messageFileName(
  internalDate: number,
  uidValidity: number,
  uid: number,
  size: number,
  flags: string,
): string {
  const secs = Math.max(0, Math.floor(internalDate / 1000));
  return `${secs}.U${uidValidity}_${uid}.closeout,S=${size}${INFO_SEPARATOR}2,${flags}`;
}

const OWN_FILE = /^\d+\.U(\d+)_(\d+)\.closeout,/;

/** UID of one of our message files, or null for anything else. */
export function uidOfFile(name: string, uidValidity: number): number | null {
  const m = OWN_FILE.exec(name);
  if (!m || Number(m[1]) !== uidValidity) return null;
  return Number(m[2]);
}

/** A folder level as a safe directory-name part: no separators, no characters Windows forbids. */
function safeLevel(level: string): string {
  const cleaned = level
    .replace(/[./\\:*?"<>|\x00-\x1f]/g, '_')
    .replace(/[ .]+$/, '')
    .trim();
  return cleaned || '_';
}

/** Maildir++ directory (relative to the Maildir root) for a folder name with `/` between levels. */
export function folderDir(name: string, taken: ReadonlySet<string>): string {
  if (name.toUpperCase() === 'INBOX') return '';
  const base = '.' + name.split('/').map(safeLevel).join('.');
  let dir = base;
  for (let n = 2; taken.has(dir.toLowerCase()); n++) dir = `${base}~${n}`;
  return dir;
}

/** A fresh Maildir++ subfolder for a folder whose UIDVALIDITY changed. */
export function generationDir(baseDir: string, uidValidity: number): string {
  return `${baseDir || '.INBOX'}.uidvalidity-${uidValidity}`;
}

export function manifestName(dir: string, uidValidity: number): string {
  return `${(dir || 'INBOX').replace(/^\./, '')}.${uidValidity}.jsonl`;
}

export interface BackupPaths {
  root: string;
  state: string;
  manifests: string;
  maildir: string;
}

export function backupPaths(targetDir: string): BackupPaths {
  return {
    root: targetDir,
    state: join(targetDir, STATE_FILE),
    manifests: join(targetDir, MANIFEST_DIR),
    maildir: join(targetDir, MAILDIR),
  };
}
