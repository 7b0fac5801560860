/**
 * The local source: every message file of a Maildir (Maildir++ `.folder` subfolders, Closeout's
 * backup layout with its `Maildir/` inside, or plain nested Maildirs), reading only the header
 * block of each file: chunks until the first blank line, then the file is closed. No network.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
    fh = await open(file, 'r');
  } catch {
    return null; // moved or deleted by a mail program since the listing
  }
  try {
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

export interface MaildirScanReport {
  folders: number;
  skippedFolders: string[];
  cancelled: boolean;
}

export async function scanMaildir(path: string, hooks: MaildirScanHooks): Promise<MaildirScanReport> {
  const all = await listMaildirFolders(path);
  const folders = all.filter((f) => !isSkippedFolder(f.name, null));
  const skippedFolders = all.filter((f) => isSkippedFolder(f.name, null)).map((f) => f.name);
  for (const [i, folder] of folders.entries()) {
    if (hooks.cancelled()) return { folders: i, skippedFolders, cancelled: true };
    const files = await listMessageFiles(folder);
    hooks.onFolder(folder, i, folders.length, files.length);
    let next = 0;
    const worker = async () => {
      const scratch = Buffer.allocUnsafe(CHUNK * 2);
      while (next < files.length && !hooks.cancelled()) {
        const file = files[next++]!;
        const block = await readHeaderBlock(file, scratch);
        if (block) hooks.onHeader(block);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  }
  return { folders: folders.length, skippedFolders, cancelled: hooks.cancelled() };
}
