/**
 * The local source: every message file of a Maildir (Maildir++ `.folder` subfolders, Closeout's
 * backup layout with its `Maildir/` inside, or plain nested Maildirs), reading only the header
 * block of each file: chunks until the first blank line, then the file is closed. No network.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AppFailure } from '../../../common/result';
import { isSkippedFolder } from './folders';

const CHUNK = 8192;
/** A header block larger than this is cut: the fields we need come early in any real message. */
const MAX_HEADER = 256 * 1024;
const CONCURRENCY = 16;

export interface MaildirFolder {
  name: string;
  dir: string;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function isMaildir(p: string): Promise<boolean> {
  return (await isDir(join(p, 'cur'))) || (await isDir(join(p, 'new')));
}

/** Dovecot's default names folders in modified UTF-7 (RFC 3501 §5.1.3); Closeout's backup in UTF-8. */
export function decodeMutf7(name: string): string {
  return name.replace(/&([^-]*)-/g, (_, b64: string) => {
    if (b64 === '') return '&';
    const bytes = Buffer.from(b64.replace(/,/g, '/'), 'base64');
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  });
}

export async function listMaildirFolders(path: string): Promise<MaildirFolder[]> {
  if (!(await isDir(path))) throw new AppFailure('discovery.maildir-not-found', 'The folder does not exist');
  let root = path;
  if (!(await isMaildir(root)) && (await isMaildir(join(root, 'Maildir')))) root = join(root, 'Maildir');
  const out: MaildirFolder[] = [];
  if (await isMaildir(root)) out.push({ name: 'INBOX', dir: root });
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    throw new AppFailure('discovery.maildir-unreadable', 'The folder cannot be read');
  }
  for (const entry of entries.sort()) {
    if (entry === 'cur' || entry === 'new' || entry === 'tmp') continue;
    const dir = join(root, entry);
    if (!(await isMaildir(dir))) continue;
    const name = (entry.startsWith('.') ? entry.slice(1) : entry).split('.').map(decodeMutf7).join('/');
    out.push({ name, dir });
  }
  if (out.length === 0)
    throw new AppFailure('discovery.maildir-not-found', 'No Maildir (cur/new folders) found there');
  return out;
}

/** Message file candidates of a folder's cur/ and new/, by name; what each entry is, is checked when it is read. */
export async function listMessageFiles(folder: MaildirFolder): Promise<string[]> {
  const files: string[] = [];
  for (const sub of ['cur', 'new']) {
    const dir = join(folder.dir, sub);
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const n of names) if (!n.startsWith('.')) files.push(join(dir, n));
  }
  return files;
}

/** Why an entry of cur/ or new/ was not read. */
export type SkipReason = 'directory' | 'fifo' | 'socket' | 'device' | 'symlink' | 'unreadable';

// O_NONBLOCK: should an entry turn into a FIFO between the lstat and the open, the open returns at
// once instead of waiting for a writer (Windows has neither flag; it has no FIFOs in a folder either).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
}): SkipReason {
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isSymbolicLink()) return 'symlink';
  return 'device';
}

/**
 * What is at `file` before anything opens it: a regular file (or a link to one) is read; anything
 * else (a directory, a FIFO that would block the open, a socket, a device) is skipped unopened.
 */
export async function entryKind(file: string): Promise<'file' | SkipReason | 'gone'> {
  try {
    let s = await lstat(file);
    if (s.isSymbolicLink()) s = await stat(file);
    return s.isFile() ? 'file' : kindOf(s);
  } catch (e) {
    // Moved or deleted by a mail program since the listing; a dangling link is unreadable.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' && !(await lstat(file).catch(() => null))
      ? 'gone'
      : 'unreadable';
  }
}

function headerEnd(buf: Buffer, from: number, length: number): number {
  for (let i = Math.max(0, from - 3); i < length - 1; i++) {
    if (buf[i] === 0x0a) {
      if (buf[i + 1] === 0x0a) return i + 1;
      if (buf[i + 1] === 0x0d && buf[i + 2] === 0x0a) return i + 1;
    }
  }
  return -1;
}

/** The bytes before the first blank line; the body is never read past the chunk that holds it. */
export async function readHeaderBlock(file: string, scratch: Buffer): Promise<Buffer | null> {
  let fh;
  try {
    fh = await open(file, OPEN_FLAGS);
  } catch {
    return null; // moved or deleted by a mail program since the listing
  }
  try {
    if (!(await fh.stat()).isFile()) return null;
    let buf = scratch;
    let length = 0;
    for (;;) {
      if (length + CHUNK > buf.length) {
        if (buf.length >= MAX_HEADER) return Buffer.from(buf.subarray(0, length));
        const bigger = Buffer.allocUnsafe(Math.min(MAX_HEADER, buf.length * 2));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, length, Math.min(CHUNK, buf.length - length), length);
      if (bytesRead === 0) return Buffer.from(buf.subarray(0, length));
      const end = headerEnd(buf, length, length + bytesRead);
      length += bytesRead;
      if (end >= 0) return Buffer.from(buf.subarray(0, end));
    }
  } finally {
    await fh.close();
  }
}

export interface MaildirScanHooks {
  onFolder(folder: MaildirFolder, index: number, total: number, messages: number): void;
  onHeader(block: Buffer): void;
  cancelled(): boolean;
}

/** Entries of cur/ and new/ that were not read, with a few of their paths for the report. */
export interface SkippedEntries {
  count: number;
  /** Up to `MAX_SKIPPED_SAMPLES` paths relative to the scanned folder, with why each was skipped. */
  samples: Array<{ path: string; reason: SkipReason }>;
}

export const MAX_SKIPPED_SAMPLES = 10;

export interface MaildirScanReport {
  folders: number;
  skippedFolders: string[];
  skippedEntries: SkippedEntries;
  cancelled: boolean;
}

export async function scanMaildir(path: string, hooks: MaildirScanHooks): Promise<MaildirScanReport> {
  const all = await listMaildirFolders(path);
  const folders = all.filter((f) => !isSkippedFolder(f.name, null));
  const skippedFolders = all.filter((f) => isSkippedFolder(f.name, null)).map((f) => f.name);
  const skippedEntries: SkippedEntries = { count: 0, samples: [] };
  const skip = (file: string, reason: SkipReason) => {
    skippedEntries.count++;
    if (skippedEntries.samples.length < MAX_SKIPPED_SAMPLES)
      skippedEntries.samples.push({ path: relative(path, file) || file, reason });
  };
  const report = (done: number, cancelled: boolean): MaildirScanReport => ({
    folders: done,
    skippedFolders,
    skippedEntries,
    cancelled,
  });
  for (const [i, folder] of folders.entries()) {
    if (hooks.cancelled()) return report(i, true);
    const files = await listMessageFiles(folder);
    hooks.onFolder(folder, i, folders.length, files.length);
    let next = 0;
    const worker = async () => {
      const scratch = Buffer.allocUnsafe(CHUNK * 2);
      // Cancel is checked before every entry; one bad entry is skipped and reported, never fatal.
      while (next < files.length && !hooks.cancelled()) {
        const file = files[next++]!;
        const kind = await entryKind(file);
        if (kind === 'gone') continue;
        if (kind !== 'file') {
          skip(file, kind);
          continue;
        }
        let block: Buffer | null = null;
        try {
          block = await readHeaderBlock(file, scratch);
        } catch {
          skip(file, 'unreadable');
          continue;
        }
        if (block) hooks.onHeader(block);
        else skip(file, 'unreadable');
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  }
  return report(folders.length, hooks.cancelled());
}
