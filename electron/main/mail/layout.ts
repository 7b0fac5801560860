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
 * Message files are `<internaldate>.U<uidvalidity>_<uid>.closeout,S=<size>:2,<flags>`, so a name
 * says which server message it holds and a rerun recognises its own files (also after a mail
 * program renamed one to change its flags). Where the file system refuses `:` (FAT32, exFAT, and
 * Windows, where `a:b` would silently name an NTFS stream) the separator is `;`, as mbsync on
 * Windows writes it. Flags are the Maildir letters of the system flags followed by one lowercase
 * letter per IMAP keyword, as listed in the folder's `dovecot-keywords` file.
 *
 * Names always fit: every directory and manifest name is at most 255 bytes (the limit of ext4,
 * APFS, NTFS and FAT alike) and short enough in characters that a backup in a short folder stays
 * within Windows' 260-character paths. A name that had to be cut ends in `~` and 8 hex digits of
 * the SHA-256 of the full folder name, so it stays distinct and the same on every run.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MAILDIR_DIR_MAX_CHARS, MANIFEST_NAME_MAX_CHARS } from '../../common/mail-paths';

export const STATE_FILE = 'closeout-backup.json';
export const MANIFEST_DIR = 'manifests';
export const MAILDIR = 'Maildir';
/** Dovecot's keyword list of a Maildir folder: `<index> <keyword>` per line, letter = 'a' + index. */
export const KEYWORDS_FILE = 'dovecot-keywords';

/** What goes between a message's unique name and its flags (`<unique><sep>2,<flags>`). */
export type InfoSeparator = ':' | ';';
export const PORTABLE_SEPARATOR: InfoSeparator = ';';

/** Maildir allows 26 keyword letters per folder; further keywords are kept in the manifest only. */
export const MAX_KEYWORD_LETTERS = 26;

/** One file system name component may hold this many bytes (UTF-8) on every file system we meet. */
export const NAME_MAX_BYTES = 255;

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

/** IMAP keywords of a message: every flag that is neither a system flag nor mapped to a letter. */
export function keywordsOf(flags: Iterable<string> | undefined): string[] {
  const out: string[] = [];
  for (const f of flags ?? []) if (!f.startsWith('\\') && !(f in FLAG_LETTERS)) out.push(f);
  return out.sort();
}

/** Letters for `keywords` from a folder's keyword list (`a` = index 0); keywords past `z` get none. */
export function keywordLetters(keywords: readonly string[], list: readonly string[]): string {
  const letters: string[] = [];
  for (const k of keywords) {
    const i = list.indexOf(k);
    if (i >= 0 && i < MAX_KEYWORD_LETTERS) letters.push(String.fromCharCode(97 + i));
  }
  return letters.sort().join('');
}

export function messageFileName(
  internalDate: number,
  uidValidity: number,
  uid: number,
  size: number,
  flags: string,
  separator: InfoSeparator = ':',
): string {
  const secs = Math.max(0, Math.floor(internalDate / 1000));
  return `${secs}.U${uidValidity}_${uid}.closeout,S=${size}${separator}2,${flags}`;
}

/** The same message under a name no file in `taken` has (`.closeout-2,`, `-3`, ...), so nothing is ever replaced. */
export function freeMessageFileName(name: string, taken: ReadonlySet<string>): string {
  let free = name;
  for (let n = 2; taken.has(free); n++) free = name.replace(/\.closeout,S=/, `.closeout-${n},S=`);
  return free;
}

const OWN_FILE = /^\d+\.U(\d+)_(\d+)\.closeout(?:-\d+)?,S=(\d+)(?=$|[,:;!])/;

export interface OwnFile {
  uid: number;
  /** The size the name declares (`S=`). */
  size: number;
}

/** UID and declared size of one of our message files of this UIDVALIDITY, or null for anything else. */
export function parseOwnFile(name: string, uidValidity: number): OwnFile | null {
  const m = OWN_FILE.exec(name);
  if (!m || Number(m[1]) !== uidValidity) return null;
  return { uid: Number(m[2]), size: Number(m[3]) };
}

/** UID of one of our message files, or null for anything else. */
export function uidOfFile(name: string, uidValidity: number): number | null {
  return parseOwnFile(name, uidValidity)?.uid ?? null;
}

/** A folder level as a safe directory-name part: no separators, no characters Windows or FAT forbid. */
function safeLevel(level: string): string {
  const cleaned = level
    .normalize('NFC')
    .replace(/[./\\:*?"<>|\x00-\x1f\x7f]/g, '_')
    .replace(/[ .]+$/, '')
    .trim();
  return cleaned || '_';
}

// The superscript digits (COM¹, LPT³) are escaped: esbuild keeps a regular expression's characters
// as they are, and the bundles are kept ASCII (bench/export-child-bundle.ts).
const WINDOWS_RESERVED =
  /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;

/** A name Windows refuses as a file name (`CON`, `nul.txt`, `COM1.x.jsonl`): the part before the first dot is reserved. */
export function isWindowsReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]!.trimEnd());
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Short stable hash of a folder name: 8 hex digits of the SHA-256 of its NFC form. */
export function nameHash(name: string): string {
  return createHash('sha256').update(name.normalize('NFC'), 'utf8').digest('hex').slice(0, 8);
}

/**
 * `stem + suffix` if it fits in `maxBytes` UTF-8 bytes and `maxChars` UTF-16 units; otherwise the
 * longest whole-character prefix of `stem` followed by `~<hash of hashOf>` and `suffix`.
 */
export function fitName(
  stem: string,
  suffix: string,
  maxBytes: number,
  maxChars: number,
  hashOf: string,
): string {
  if (utf8Bytes(stem + suffix) <= maxBytes && (stem + suffix).length <= maxChars) return stem + suffix;
  const tail = `~${nameHash(hashOf)}${suffix}`;
  const byteBudget = maxBytes - utf8Bytes(tail);
  const charBudget = maxChars - tail.length;
  let cut = '';
  let bytes = 0;
  for (const ch of stem) {
    const b = utf8Bytes(ch);
    if (bytes + b > byteBudget || cut.length + ch.length > charBudget) break;
    cut += ch;
    bytes += b;
  }
  // Windows drops trailing dots and spaces, and a trailing `.` would be an empty Maildir++ level.
  return cut.replace(/[ .]+$/, '') + tail;
}

/**
 * Key under which two directory names are the same directory somewhere: NFC (macOS would store
 * NFC and NFD spellings in one place) and case folded (case-insensitive file systems).
 */
export function sameNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * Maildir++ directory (relative to the Maildir root) for a folder name with `/` between levels.
 * `taken` holds `sameNameKey` of every directory already used; a clash gets the name's hash.
 */
export function folderDir(name: string, taken: ReadonlySet<string>): string {
  if (name.toUpperCase() === 'INBOX') return '';
  const natural = '.' + name.split('/').map(safeLevel).join('.');
  let dir = fitName(natural, '', NAME_MAX_BYTES, MAILDIR_DIR_MAX_CHARS, name);
  if (taken.has(sameNameKey(dir))) {
    dir = fitName(natural, `~${nameHash(name)}`, NAME_MAX_BYTES, MAILDIR_DIR_MAX_CHARS, name);
    for (let n = 2; taken.has(sameNameKey(dir)); n++) {
      dir = fitName(natural, `~${nameHash(name)}-${n}`, NAME_MAX_BYTES, MAILDIR_DIR_MAX_CHARS, name);
    }
  }
  return dir;
}

/** The directory a folder would get if nothing had to change (to show where a name was changed). */
export function naturalDir(name: string): string {
  return name.toUpperCase() === 'INBOX' ? '' : '.' + name.split('/').join('.');
}

/** A fresh Maildir++ subfolder for a folder whose UIDVALIDITY changed. */
export function generationDir(baseDir: string, uidValidity: number): string {
  const base = baseDir || '.INBOX';
  return fitName(base, `.uidvalidity-${uidValidity}`, NAME_MAX_BYTES, MAILDIR_DIR_MAX_CHARS, base);
}

export function manifestName(dir: string, uidValidity: number): string {
  let stem = (dir || 'INBOX').replace(/^\./, '');
  if (isWindowsReserved(stem)) stem = `_${stem}`;
  return fitName(stem, `.${uidValidity}.jsonl`, NAME_MAX_BYTES, MANIFEST_NAME_MAX_CHARS, dir || 'INBOX');
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
