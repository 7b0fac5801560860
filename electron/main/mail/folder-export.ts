/**
 * Exports one server folder into its Maildir++ directory, resuming from the manifest.
 *
 * One pass over the server: `UID SEARCH ALL` gives the UIDs (a typed array; the manifest's known
 * UIDs are one too), the missing ones are fetched in windows of
 * `UID FETCH <set> (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[]<0.largeThreshold>)`, so no
 * per-message listing of the whole folder is ever held and each message costs one FETCH response.
 * A window's size follows the average message size (about `fetchBytes` per window, at most
 * `batchMessages` messages); the next window is received while earlier ones are written to tmp/
 * by the writer thread (file-writer.ts), so each connection holds up to three windows of mail in
 * memory: one arriving, one waiting for the writer, one being written. A message longer than
 * `largeThreshold` arrives cut and is then fetched again in pieces of 256 KiB (partial FETCH
 * through imapflow's command layer; `download()` where there is none), each hashed and written to
 * a temp file as it arrives, never whole in memory.
 *
 * Per batch (the files of several windows, about `batchBytes` or `batchMessages`): every file is
 * in tmp/; make them durable (fdatasync each, spread over the thread pool, or one syncfs), rename
 * into cur/ (on the writer thread, in order), fsync cur/, then append the batch to the manifest
 * and fsync that. Each file's mtime is the message's INTERNALDATE (Dovecot and mbsync read the
 * received date from it); its keywords become letters listed in `dovecot-keywords`.
 *
 * A backup only grows. A rerun never deletes or replaces a message file in cur/ or new/: a file a
 * mail program renamed (flags changed, moved from new/ to cur/) is recognised by its UID and size
 * and its new name recorded; a complete file of ours that a crash left unrecorded is hashed and
 * recorded; a message gone from the server stays, marked in the manifest with the date the rerun
 * noticed. Only our own temp files in tmp/ are removed, and a file of ours that is shorter than its
 * name says (a write cut off before it was recorded), which holds no message.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { AppFailure } from '../../common/result';
import { errnoCode } from '../vault/fs-errors';
import { commandLayer, type CommandLayer } from './connection';
import { fsyncDir, replaceFileDurably, syncFileSystem } from './durable';
import { WindowBytes, type FileWriter } from './file-writer';
import {
  KEYWORDS_FILE,
  keywordLetters,
  keywordsOf,
  freeMessageFileName,
  maildirFlags,
  MAX_KEYWORD_LETTERS,
  messageFileName,
  parseOwnFile,
  type InfoSeparator,
} from './layout';
import { ManifestIndex, ManifestWriter, type ManifestRecord, type ManifestUpdate } from './manifest';

export interface ExportTuning {
  /** Messages above this size are streamed, never held whole; smaller ones come in windows. */
  largeThreshold: number;
  /** Most messages in one window (one UID FETCH) and in one durable batch. */
  batchMessages: number;
  /**
   * About this many bytes of mail per durable batch (one sync, one rename pass, one manifest
   * append): the files of one or more windows.
   */
  batchBytes: number;
  /**
   * About this many bytes per window (one UID FETCH; the window shrinks as the average message
   * grows). A window is held in memory until its files are written, the next one meanwhile.
   */
  fetchBytes: number;
  /** Parallel fdatasyncs within a batch where there is no syncfs (lets the file system group its commits). */
  writeConcurrency: number;
  /** One syncfs per batch where available (Linux) instead of an fsync per file. */
  syncFileSystem: boolean;
  /** Receive windows through imapflow's command layer instead of its message objects. */
  leanFetch: boolean;
}

export const DEFAULT_TUNING: ExportTuning = {
  largeThreshold: 1024 * 1024,
  batchMessages: 1000,
  batchBytes: 4 * 1024 * 1024,
  // Windows smaller than a batch: less mail held per connection (the export's peak memory), the
  // same number of syncs. Measured here (mail bench, 20k messages and one of 30 MiB, 3
  // connections, interleaved runs): peak RSS 179-183 MB with 4 MiB windows, 151-172 MB with 1 MiB;
  // 256 and 512 KiB were no lower.
  fetchBytes: 1024 * 1024,
  writeConcurrency: 16,
  // Measured here (20k messages, a busy 2-vCPU machine): one syncfs per window 9.5-10.9 s against
  // 12-24 s for an fdatasync per file; the thread pool's 4 threads bound the parallel fsyncs.
  // syncfs also flushes other programs' dirty data on that file system: the cost of one call.
  syncFileSystem: true,
  leanFetch: true,
};

/** Size of the first window of a folder, before the average message size is known. */
const FIRST_WINDOW = 64;

export interface FolderTarget {
  /** Server path to open. */
  path: string;
  name: string;
  uidValidity: number;
  /** Absolute Maildir directory of this generation. */
  dir: string;
  /** Maildir root relative path of `dir`, for the manifest. */
  relDir: string;
  manifestPath: string;
  /** Between a message's unique name and its flags: `:`, or `;` where the file system refuses `:`. */
  separator: InfoSeparator;
  /** ISO time of this run, recorded for messages found gone from the server. */
  nowIso: string;
  /**
   * The server says nothing changed since the folder was last completed (same UIDNEXT and count):
   * when every recorded file is still there, the server is not asked for anything.
   */
  unchanged?: boolean;
  /**
   * Where to sync the file system from (default: the folder's tmp/). Folders exported at once
   * name the same directory, the backup's Maildir, so their syncs are grouped.
   */
  syncPath?: string;
}

export interface FolderHooks {
  signal: AbortSignal;
  /** Called once the UIDs are known: total (bytes estimated for what is not saved yet) and already saved. */
  onListed(total: { messages: number; bytes: number }, saved: { messages: number; bytes: number }): void;
  onSaved(messages: number, bytes: number): void;
  /** Writes and hashes the small messages' temp files off this thread (one per export run). */
  writer: FileWriter;
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppFailure('mail.cancelled', 'The backup was cancelled');
}

/** Every UID of the selected folder, ascending. */
export async function serverUids(client: ImapFlow, exists: number): Promise<Uint32Array> {
  if (exists === 0) return new Uint32Array(0);
  const found = await client.search({ all: true }, { uid: true });
  // imapflow answers `false` instead of throwing when the folder is no longer selected (the
  // connection dropped meanwhile) or the server refused: never read as "the folder is empty",
  // which would finish it unfetched and mark every saved message gone from the server.
  if (!Array.isArray(found)) {
    throw client.usable
      ? new AppFailure('mail.server-refused', 'The server did not list the messages of the folder')
      : new AppFailure('mail.connection-lost', 'The connection was lost while listing the folder');
  }
  return Uint32Array.from(found).sort();
}

/** Server-side sizes of one folder, compact (typed arrays), read in windows of UIDs. */
export interface FolderSizes {
  uids: Uint32Array;
  sizes: Float64Array;
}

export async function listSizes(client: ImapFlow, exists: number, window = 5000): Promise<FolderSizes> {
  const uids = await serverUids(client, exists);
  const sizes = new Float64Array(uids.length);
  const at = new Map<number, number>();
  for (let start = 0; start < uids.length; start += window) {
    const part = uids.subarray(start, start + window);
    at.clear();
    part.forEach((u, k) => at.set(u, start + k));
    for await (const m of client.fetch(uidSet(part), { uid: true, size: true }, { uid: true })) {
      const i = at.get(m.uid);
      if (i !== undefined) sizes[i] = m.size ?? 0;
    }
  }
  return { uids, sizes };
}

async function ensureMaildir(dir: string): Promise<void> {
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(dir, sub), { recursive: true });
}

/** A folder's keyword list (`dovecot-keywords`): keyword by letter index, kept in step with the file. */
class KeywordList {
  private dirty = false;
  private constructor(
    private readonly path: string,
    readonly list: string[],
  ) {}

  static async read(dir: string): Promise<KeywordList> {
    const path = join(dir, KEYWORDS_FILE);
    const list: string[] = [];
    try {
      for (const line of (await readFile(path, 'utf8')).split('\n')) {
        const m = /^(\d+) (.+)$/.exec(line.trimEnd());
        if (m && Number(m[1]) < MAX_KEYWORD_LETTERS) list[Number(m[1])] = m[2]!;
      }
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e;
    }
    return new KeywordList(path, list);
  }

  /** Letters for these keywords, giving new keywords the next free letters while any are left. */
  letters(keywords: readonly string[]): string {
    for (const k of keywords) {
      if (this.list.includes(k)) continue;
      let free = 0;
      while (free < MAX_KEYWORD_LETTERS && this.list[free] !== undefined) free++;
      if (free >= MAX_KEYWORD_LETTERS) continue;
      this.list[free] = k;
      this.dirty = true;
    }
    return keywordLetters(keywords, this.list);
  }

  /** Written before any file whose name uses a new letter is moved into cur/. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const lines = this.list.flatMap((k, i) => (k === undefined ? [] : [`${i} ${k}\n`]));
    await replaceFileDurably(this.path, lines.join(''));
    this.dirty = false;
  }
}

interface Reconciled {
  index: ManifestIndex;
  /** Per index entry: its file (or the file a mail program renamed it to) is there. */
  present: Uint8Array;
  /** Lines to append: renamed files, and complete files of ours a crash left unrecorded. */
  lines: (ManifestRecord | ManifestUpdate)[];
  /** UIDs recorded by `lines` as new records (adopted files), with their sizes. */
  adopted: Map<number, number>;
  /** Every name in cur/: a message fetched again never takes (and so replaces) one of them. */
  curNames: Set<string>;
}

function sha256File(path: string): Promise<string> {
  return readFile(path).then((b) => createHash('sha256').update(b).digest('hex'));
}

/**
 * The names in a folder's cur/, new/ and tmp/ and its manifest's length, hashed: taken when the
 * folder is completed and compared on the next run. A file added, removed or renamed (a mail
 * program changing flags or moving a message out of new/, a user deleting one, a temp file left
 * by a crash) or a manifest that grew or was cut changes it. Names only, no file is opened: a
 * directory listing per subfolder and one stat. Verifying the files' contents stays a separate,
 * explicit step (verify.ts).
 */
export async function diskFingerprint(dir: string, manifestPath: string): Promise<string> {
  const hash = createHash('sha256');
  let manifestBytes = -1;
  try {
    manifestBytes = (await stat(manifestPath)).size;
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
  }
  hash.update(`manifest ${manifestBytes}\n`);
  for (const sub of ['cur', 'new', 'tmp']) {
    let names: string[];
    try {
      names = await readdir(join(dir, sub));
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT') throw e;
      hash.update(`${sub} missing\n`);
      continue;
    }
    hash.update(`${sub} ${names.length}\n${names.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return [];
    throw e;
  }
}

/**
 * Matches what is on disk with the manifest without removing any message: see the file comment.
 * Our temp files in tmp/ were never moved into the Maildir and are removed.
 */
async function reconcile(
  target: FolderTarget,
  index: ManifestIndex,
  keywords: KeywordList,
): Promise<Reconciled> {
  for (const name of await listDir(join(target.dir, 'tmp'))) {
    if (
      parseOwnFile(name, target.uidValidity) ||
      /^\d+\.download$/.test(name) ||
      name.startsWith('closeout-probe')
    )
      await unlink(join(target.dir, 'tmp', name));
  }
  const present = new Uint8Array(index.uids.length);
  const prefix = target.relDir ? target.relDir + '/' : '';
  const others: { rel: string; abs: string; name: string; uid: number; size: number }[] = [];
  const curNames = new Set<string>();
  for (const sub of ['cur', 'new']) {
    for (const name of await listDir(join(target.dir, sub))) {
      if (sub === 'cur') curNames.add(name);
      const own = parseOwnFile(name, target.uidValidity);
      if (!own) continue;
      const rel = `${prefix}${sub}/${name}`;
      const i = index.indexOf(own.uid);
      if (i >= 0 && rel === index.files[i]) present[i] = 1;
      else others.push({ rel, abs: join(target.dir, sub, name), name, ...own });
    }
  }
  const lines: (ManifestRecord | ManifestUpdate)[] = [];
  const adopted = new Map<number, number>();
  const base = { folder: target.name, uidValidity: target.uidValidity };
  for (const f of others) {
    const i = index.indexOf(f.uid);
    if (i >= 0 && present[i]) continue; // a second copy (the user's): left alone
    if (i < 0 && adopted.has(f.uid)) continue;
    const actual = (await stat(f.abs)).size;
    if (i >= 0) {
      // Renamed by a mail program (flags changed, or moved from new/ to cur/): same UID, same size.
      if (actual === index.sizes[i] && f.size === index.sizes[i]) {
        present[i] = 1;
        lines.push({ ...base, uid: f.uid, file: f.rel });
      }
      continue;
    }
    if (actual !== f.size) {
      // Never recorded and shorter than its name says: a write cut off by a crash, no message.
      await unlink(f.abs);
      continue;
    }
    // Complete (made durable before it was moved out of tmp/), only the manifest line was lost.
    const info = /[:;!]2,([A-Za-z]*)$/.exec(f.name)?.[1] ?? '';
    const letters = info.replace(/[^a-z]/g, '');
    const secs = Number(/^(\d+)\./.exec(f.name)?.[1] ?? 0);
    lines.push({
      ...base,
      uid: f.uid,
      size: f.size,
      sha256: await sha256File(f.abs),
      flags: info,
      file: f.rel,
      keywords: [...letters].flatMap((l) => keywords.list[l.charCodeAt(0) - 97] ?? []),
      internalDate: new Date(secs * 1000).toISOString(),
    });
    adopted.set(f.uid, f.size);
  }
  return { index, present, lines, adopted, curNames };
}

interface Pending {
  uid: number;
  size: number;
  sha256: string;
  flags: string;
  keywords: string[];
  date: number;
  tmpPath: string;
  name: string;
}

/** One window's rows, and the pieces their bytes were copied into. */
interface WindowRows {
  rows: Received[];
  bytes: WindowBytes;
}

interface Received {
  uid: number;
  /** Maildir letters of the system flags. */
  flags: string;
  keywords: string[];
  date: number;
  /** Up to largeThreshold bytes; a small message's are a copy in its window's `WindowBytes`. */
  data: Uint8Array;
  /** RFC822.SIZE: more than data.length when the message was cut at largeThreshold. */
  size: number;
}

async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Compresses sorted UIDs to an IMAP set (`1:5,9,12:13`). */
export function uidSet(uids: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < uids.length;) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++;
    parts.push(i === j ? `${uids[i]}` : `${uids[i]}:${uids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function dateOf(m: FetchMessageObject): number {
  const d = m.internalDate;
  return d instanceof Date ? d.getTime() : d ? Date.parse(String(d)) : 0;
}

export interface FolderResult {
  messages: number;
  bytes: number;
  fetchedMessages: number;
  fetchedBytes: number;
}

/** Sets a file's times to the message's INTERNALDATE (unknown dates keep the time of writing). */
async function stampDate(path: string, date: number): Promise<void> {
  if (!date) return;
  const d = new Date(date);
  await utimes(path, d, d);
}

/** A message longer than `largeThreshold`: streamed on its own after the windows. */
interface LargeItem {
  uid: number;
  date: number;
  flags: string;
  keywords: string[];
}

/**
 * Prepares one folder for export on a connection that has it selected: reconciles the disk with
 * the manifest, lists the server's UIDs, records what is gone, and returns the job that fetches
 * what is missing. Several connections (each with the folder selected, same UIDVALIDITY) may work
 * on one job at once: each takes the next window of UIDs, and the job commits windows one at a
 * time, so the durable-batch protocol is the same as with one connection.
 */
export async function openFolderJob(
  client: ImapFlow,
  target: FolderTarget,
  exists: number,
  tuning: ExportTuning,
  hooks: FolderHooks,
): Promise<FolderJob> {
  await ensureMaildir(target.dir);
  if (target.relDir) await writeFile(join(target.dir, 'maildirfolder'), '');
  const keywords = await KeywordList.read(target.dir);
  const { index, present, lines, adopted, curNames } = await reconcile(
    target,
    await ManifestIndex.read(target.manifestPath),
    keywords,
  );
  const manifest = await ManifestWriter.open(target.manifestPath);
  try {
    await manifest.append(lines);
    const allThere = present.every((p, i) => p === 1 || index.gone[i] === 1);
    if (target.unchanged && allThere && adopted.size === 0) {
      let messages = 0;
      let bytes = 0;
      for (let i = 0; i < index.uids.length; i++) {
        if (index.gone[i]) continue;
        messages++;
        bytes += index.sizes[i]!;
      }
      hooks.onListed({ messages, bytes }, { messages, bytes });
      return new FolderJob(target, tuning, hooks, manifest, keywords, curNames, new Uint32Array(0), {
        messages,
        bytes,
      });
    }
    const uids = await serverUids(client, exists);
    let savedMessages = 0;
    let savedBytes = 0;
    const missing = new Uint32Array(uids.length);
    let missingCount = 0;
    const onServer = new Uint8Array(index.uids.length);
    for (const uid of uids) {
      const i = index.indexOf(uid);
      if (i >= 0) onServer[i] = 1;
      if (i >= 0 && present[i]) {
        savedMessages++;
        savedBytes += index.sizes[i]!;
      } else if (i < 0 && adopted.has(uid)) {
        savedMessages++;
        savedBytes += adopted.get(uid)!;
      } else missing[missingCount++] = uid;
    }
    // Expunged on the server since it was saved: kept, and marked once with the date it was noticed.
    const gone: ManifestUpdate[] = [];
    for (let i = 0; i < index.uids.length; i++) {
      if (!onServer[i] && !index.gone[i])
        gone.push({
          folder: target.name,
          uidValidity: target.uidValidity,
          uid: index.uids[i]!,
          goneFromServerAt: target.nowIso,
        });
    }
    await manifest.append(gone);
    const todo = missing.subarray(0, missingCount);
    const avgKnown = savedMessages ? savedBytes / savedMessages : 0;
    hooks.onListed(
      { messages: uids.length, bytes: savedBytes + todo.length * avgKnown },
      { messages: savedMessages, bytes: savedBytes },
    );
    return new FolderJob(target, tuning, hooks, manifest, keywords, curNames, todo, {
      messages: savedMessages,
      bytes: savedBytes,
    });
  } catch (e) {
    await manifest.close().catch(() => {});
    throw e;
  }
}

/** Size of each piece of a large message fetched (imapflow holds one literal whole). */
const LARGE_CHUNK = 256 * 1024;

/**
 * `length` bytes of message `uid` from `offset` (BODY.PEEK[]<offset.length>), or null when the
 * server sent no such piece (the message is gone). A piece for another UID or offset is ignored.
 */
async function fetchPiece(
  client: CommandLayer,
  uid: number,
  offset: number,
  length: number,
): Promise<Buffer | null> {
  let piece: Buffer | null = null;
  const response = await client.exec(
    'UID FETCH',
    [
      { type: 'SEQUENCE', value: String(uid) },
      [
        { type: 'ATOM', value: 'UID' },
        { type: 'ATOM', value: 'BODY.PEEK', section: [], partial: [offset, length] },
      ],
    ],
    {
      untagged: {
        FETCH: (untagged) => {
          const got = bodyPiece(untagged.attributes?.[1]);
          if (got && got.uid === uid && (got.origin === null || got.origin === offset)) piece = got.data;
        },
      },
    },
  );
  response?.next?.();
  return piece;
}

/** The UID, the body literal and its origin (`BODY[]<origin>`) of one untagged FETCH row. */
function bodyPiece(list: unknown): { uid: number; data: Buffer; origin: number | null } | null {
  if (!Array.isArray(list)) return null;
  let uid = 0;
  let data: Buffer | null = null;
  let origin: number | null = null;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const key = list[i] as Token;
    const value = list[i + 1] as Token | Token[];
    if (Array.isArray(value)) continue;
    const name = typeof key.value === 'string' ? key.value.toUpperCase() : '';
    if (name === 'UID') uid = Number(value.value);
    else if (name === 'BODY' && Array.isArray(key.section) && key.section.length === 0) {
      if (Buffer.isBuffer(value.value)) data = value.value;
      else if (typeof value.value === 'string') data = Buffer.from(value.value);
      else if (value.value === null || value.value === undefined) data = Buffer.alloc(0);
      const at = Array.isArray(key.partial) ? Number(key.partial[0]) : NaN;
      origin = Number.isSafeInteger(at) ? at : null;
    }
  }
  return uid > 0 && data ? { uid, data, origin } : null;
}

interface Token {
  type?: string;
  value?: unknown;
  section?: unknown;
  partial?: unknown;
}

/** One untagged FETCH row's `(key value ...)` list, as imapflow's parser tokenizes it. */
function fetchRow(list: unknown): Received | null {
  if (!Array.isArray(list)) return null;
  let uid = 0;
  let size = -1;
  let date = 0;
  let flags: string[] = [];
  let data: Buffer | null = null;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const key = list[i] as Token;
    const value = list[i + 1] as Token | Token[];
    const name = typeof key.value === 'string' ? key.value.toUpperCase() : '';
    if (Array.isArray(value)) {
      if (name === 'FLAGS') flags = value.map((t) => String(t.value));
      continue;
    }
    if (name === 'UID') uid = Number(value.value);
    else if (name === 'RFC822.SIZE') size = Number(value.value);
    else if (name === 'INTERNALDATE') {
      const t = Date.parse(String(value.value));
      date = Number.isFinite(t) ? t : 0;
    } else if (name === 'BODY' && Array.isArray(key.section) && key.section.length === 0) {
      if (Buffer.isBuffer(value.value)) data = value.value;
      else if (typeof value.value === 'string') data = Buffer.from(value.value);
    }
  }
  if (!Number.isSafeInteger(uid) || uid <= 0 || !data) return null;
  return {
    uid,
    flags: maildirFlags(flags),
    keywords: keywordsOf(flags),
    date,
    data,
    size: Number.isSafeInteger(size) && size >= 0 ? size : data.length,
  };
}

/**
 * `dir` + separator + `name`, for a message file's name (layout.ts makes it: no separators, no
 * `.` or `..`) in a directory path already normalised by `join`. Two of these a message; the
 * same through `path.join` cost 1.6 KB of garbage a message, about 5% of what the export's
 * thread allocates (sampling heap profile of the mail bench's export).
 */
function inDir(dir: string, name: string): string {
  return dir + sep + name;
}

export class FolderJob {
  private next = 0;
  private windowSize: number;
  private readonly large: LargeItem[] = [];
  private largeGroup: Pending[] = [];
  private largeGroupBytes = 0;
  /** Commits run one after another: each is rename, fsync cur/, append to the manifest. */
  private commits: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set when the folder failed: no more windows are handed out. */
  failed = false;
  fetchedMessages = 0;
  fetchedBytes = 0;
  private readonly tmpDir: string;
  private readonly curDir: string;
  private readonly relPrefix: string;

  constructor(
    private readonly target: FolderTarget,
    private readonly tuning: ExportTuning,
    private readonly hooks: FolderHooks,
    private readonly manifest: ManifestWriter,
    private readonly keywords: KeywordList,
    private readonly curNames: Set<string>,
    private readonly todo: Uint32Array,
    private readonly saved: { messages: number; bytes: number },
  ) {
    this.windowSize = Math.min(FIRST_WINDOW, tuning.batchMessages);
    this.tmpDir = join(target.dir, 'tmp');
    this.curDir = join(target.dir, 'cur');
    this.relPrefix = target.relDir ? target.relDir + '/' : '';
  }

  /** UIDs not yet handed out, plus large messages waiting, in windows of the current size. */
  get remainingWindows(): number {
    if (this.failed) return 0;
    return Math.ceil((this.todo.length - this.next) / this.windowSize) + this.large.length;
  }

  private take(): Uint32Array | null {
    if (this.failed || this.next >= this.todo.length) return null;
    const w = this.todo.subarray(this.next, this.next + this.windowSize);
    this.next += w.length;
    return w;
  }

  /**
   * Works on this folder over `client` (which has it selected) until nothing is left to hand out:
   * windows first, the next one received while this one is written, then large messages.
   */
  async run(client: ImapFlow): Promise<void> {
    let window = this.take();
    let incoming = window ? this.receive(client, window) : null;
    // Handed to the writer and not yet durable: committed together once they make a batch.
    let writes: Promise<Pending[]>[] = [];
    let writtenMessages = 0;
    let writtenBytes = 0;
    while (incoming) {
      const { rows: got, bytes } = await incoming;
      throwIfCancelled(this.hooks.signal);
      const received = got.reduce((n, r) => n + r.data.length, 0);
      const avg = got.length ? received / got.length : this.tuning.largeThreshold;
      this.windowSize = Math.max(
        1,
        Math.min(this.tuning.batchMessages, Math.floor(this.tuning.fetchBytes / Math.max(avg, 1))),
      );
      window = this.take();
      incoming = window ? this.receive(client, window) : null;
      // An unhandled rejection of the prefetch would crash the process if this window fails first.
      incoming?.catch(() => {});
      const small: Received[] = [];
      for (const r of got) {
        // Cut at the threshold (RFC822.SIZE is the server's claim; a full-length partial is cut too).
        if (this.isLarge(r))
          this.large.push({ uid: r.uid, date: r.date, flags: r.flags, keywords: r.keywords });
        else {
          small.push(r);
          writtenBytes += r.data.length;
        }
      }
      writtenMessages += small.length;
      // At most one window of this connection waits at the writer besides the one it writes: the
      // mail in memory stays bounded when the disk is slower than the network.
      if (writes.length) await writes[writes.length - 1]!.catch(() => {});
      const written = this.writeSmall(small, bytes);
      // Awaited at the batch's end; a failure before then must not crash the process meanwhile.
      written.catch(() => {});
      writes.push(written);
      if (
        !incoming ||
        writtenBytes >= this.tuning.batchBytes ||
        writtenMessages >= this.tuning.batchMessages
      ) {
        const batch = (await Promise.all(writes)).flat();
        writes = [];
        writtenMessages = 0;
        writtenBytes = 0;
        await this.commit(await this.makeDurable(batch));
      }
    }
    // Large messages: streamed to disk, never whole in memory; committed in small groups.
    for (let r = this.takeLarge(); r; r = this.takeLarge()) {
      throwIfCancelled(this.hooks.signal);
      const p = await this.streamLarge(client, r);
      if (!p) continue;
      this.largeGroup.push(p);
      this.largeGroupBytes += p.size;
      if (this.largeGroup.length >= 16 || this.largeGroupBytes >= 64 * 1024 * 1024) await this.flushLarge();
    }
  }

  private takeLarge(): LargeItem | null {
    return this.failed ? null : (this.large.shift() ?? null);
  }

  private flushLarge(): Promise<void> {
    const group = this.largeGroup;
    this.largeGroup = [];
    this.largeGroupBytes = 0;
    return this.commit(group);
  }

  /** Commits what is left and closes the manifest; call once every connection has left the job. */
  async finish(): Promise<FolderResult> {
    try {
      await this.flushLarge();
    } finally {
      await this.close();
    }
    return {
      messages: this.saved.messages + this.fetchedMessages,
      bytes: this.saved.bytes + this.fetchedBytes,
      fetchedMessages: this.fetchedMessages,
      fetchedBytes: this.fetchedBytes,
    };
  }

  /** Closes the manifest without committing anything more (a failed folder or run). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.commits;
    await this.manifest.close();
  }

  private commit(pending: Pending[]): Promise<void> {
    if (pending.length === 0) return Promise.resolve();
    const run = this.commits.then(() => this.commitNow(pending));
    this.commits = run.catch(() => {});
    return run;
  }

  private async commitNow(pending: Pending[]): Promise<void> {
    const { target } = this;
    await this.keywords.save();
    await this.hooks.writer.move(pending.map((p) => [p.tmpPath, inDir(this.curDir, p.name)]));
    await fsyncDir(this.curDir);
    await this.manifest.append(
      pending.map((p) => ({
        folder: target.name,
        uidValidity: target.uidValidity,
        uid: p.uid,
        size: p.size,
        sha256: p.sha256,
        flags: p.flags,
        file: `${this.relPrefix}cur/${p.name}`,
        ...(p.keywords.length ? { keywords: p.keywords } : {}),
        ...(p.date ? { internalDate: new Date(p.date).toISOString() } : {}),
      })),
    );
    const bytes = pending.reduce((n, p) => n + p.size, 0);
    this.fetchedMessages += pending.length;
    this.fetchedBytes += bytes;
    this.hooks.onSaved(pending.length, bytes);
  }

  private pendingFor(r: LargeItem, size: number, sha256: string): Pending {
    const flags = r.flags + this.keywords.letters(r.keywords);
    const name = freeMessageFileName(
      messageFileName(r.date, this.target.uidValidity, r.uid, size, flags, this.target.separator),
      this.curNames,
    );
    this.curNames.add(name);
    return {
      uid: r.uid,
      size,
      sha256,
      flags,
      keywords: r.keywords,
      date: r.date,
      name,
      tmpPath: inDir(this.tmpDir, name),
    };
  }

  /** Cut at the threshold (RFC822.SIZE is the server's claim; a full-length partial is cut too). */
  private isLarge(r: Received): boolean {
    return r.size > r.data.length || r.data.length >= this.tuning.largeThreshold;
  }

  /** A received row, its bytes copied into the window's pieces unless it is to be streamed. */
  private kept(r: Received, bytes: WindowBytes): Received {
    if (!this.isLarge(r)) r.data = bytes.keep(r.data);
    return r;
  }

  private receive(client: ImapFlow, window: Uint32Array): Promise<WindowRows> {
    const layer = this.tuning.leanFetch ? commandLayer(client) : null;
    return layer ? this.receiveLean(layer, window) : this.receiveMessages(client, window);
  }

  /** Through imapflow's public `fetch()`: one message object per message. */
  private async receiveMessages(client: ImapFlow, window: Uint32Array): Promise<WindowRows> {
    const got: Received[] = [];
    const bytes = new WindowBytes(this.hooks.writer);
    const query = {
      uid: true,
      flags: true,
      internalDate: true,
      size: true,
      source: { maxLength: this.tuning.largeThreshold },
    };
    for await (const m of client.fetch(uidSet(window), query, { uid: true })) {
      if (!m.source) continue;
      got.push(
        this.kept(
          {
            uid: m.uid,
            flags: maildirFlags(m.flags),
            keywords: keywordsOf(m.flags),
            date: dateOf(m),
            data: m.source,
            size: m.size ?? m.source.length,
          },
          bytes,
        ),
      );
    }
    return { rows: got, bytes };
  }

  /**
   * The same UID FETCH sent through imapflow's command layer (`exec`, what its own `fetch()` is
   * built on), reading the parsed response tokens directly: no message object, no re-compiling
   * of every response key, no async queue per message. imapflow still tokenizes each response and
   * holds each literal whole (up to `largeThreshold`); it has no way to stream a literal.
   */
  private async receiveLean(client: CommandLayer, window: Uint32Array): Promise<WindowRows> {
    const got: Received[] = [];
    const bytes = new WindowBytes(this.hooks.writer);
    const response = await client.exec(
      'UID FETCH',
      [
        { type: 'SEQUENCE', value: uidSet(window) },
        [
          { type: 'ATOM', value: 'UID' },
          { type: 'ATOM', value: 'FLAGS' },
          { type: 'ATOM', value: 'INTERNALDATE' },
          { type: 'ATOM', value: 'RFC822.SIZE' },
          { type: 'ATOM', value: 'BODY.PEEK', section: [], partial: [0, this.tuning.largeThreshold] },
        ],
      ],
      {
        untagged: {
          FETCH: (untagged) => {
            const r = fetchRow(untagged.attributes?.[1]);
            if (r) got.push(this.kept(r, bytes));
          },
        },
      },
    );
    response?.next?.();
    return { rows: got, bytes };
  }

  /**
   * Has the writer thread write each message to its file in tmp/ and hash it (file-writer.ts);
   * the files are not moved into cur/ before `makeDurable`. Creating a file is mostly kernel time
   * (`open` with O_CREAT); on the writer thread it no longer holds up the parsing of the next
   * window. Measured (mail bench export, 20k messages and one of 30 MiB, interleaved runs against
   * one Dovecot): wall 7.45-9.56 s, median 7.63 s, against 8.54-11.66 s, median 9.84 s, with the
   * same synchronous writes on this thread.
   */
  private async writeSmall(got: Received[], bytes: WindowBytes): Promise<Pending[]> {
    const pending = got.map((r) => this.pendingFor(r, r.data.length, ''));
    const hashes = await this.hooks.writer.write(
      pending.map((p) => ({ path: p.tmpPath, mtimeMs: p.date })),
      got.map((r) => r.data),
      bytes,
    );
    for (let k = 0; k < pending.length; k++) pending[k]!.sha256 = hashes[k]!;
    return pending;
  }

  /** Makes the files `writeSmall` wrote durable: one syncfs, or (where there is none) an fdatasync each. */
  private async makeDurable(pending: Pending[]): Promise<Pending[]> {
    const { tuning } = this;
    if (pending.length === 0) return pending;
    if (!tuning.syncFileSystem || !(await syncFileSystem(this.target.syncPath ?? this.tmpDir))) {
      await mapLimit(pending, tuning.writeConcurrency, async (p) => {
        const fh = await open(p.tmpPath, 'r+');
        try {
          await fh.datasync();
        } finally {
          await fh.close();
        }
      });
    }
    return pending;
  }

  private async streamLarge(client: ImapFlow, r: LargeItem): Promise<Pending | null> {
    const layer = this.tuning.leanFetch ? commandLayer(client) : null;
    return layer ? this.streamLargeLean(layer, r) : this.streamLargeDownload(client, r);
  }

  /** Through imapflow's public `download()` (used when its command layer is not there). */
  private async streamLargeDownload(client: ImapFlow, r: LargeItem): Promise<Pending | null> {
    const dl = await client.download(String(r.uid), undefined, { uid: true, chunkSize: LARGE_CHUNK });
    if (!dl.content) return null; // deleted on the server meanwhile
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    const tmpPath = join(this.tmpDir, `${r.uid}.download`);
    await pipeline(dl.content, tap, createWriteStream(tmpPath, { mode: 0o600 }));
    const fh = await open(tmpPath, 'r+');
    try {
      await fh.datasync();
    } finally {
      await fh.close();
    }
    return this.downloaded(r, tmpPath, size, hash.digest('hex'));
  }

  /**
   * One `UID FETCH <uid> (UID BODY.PEEK[]<offset.LARGE_CHUNK>)` after another through the command
   * layer, each piece hashed and written to the temp file as it arrives: no stream, no message
   * object, and at most one piece of the message in memory. A piece shorter than asked is the last.
   */
  private async streamLargeLean(client: CommandLayer, r: LargeItem): Promise<Pending | null> {
    const hash = createHash('sha256');
    const tmpPath = join(this.tmpDir, `${r.uid}.download`);
    const fh = await open(tmpPath, 'w', 0o600);
    let size = 0;
    try {
      for (;;) {
        throwIfCancelled(this.hooks.signal);
        const piece = await fetchPiece(client, r.uid, size, LARGE_CHUNK);
        if (!piece) {
          // Deleted on the server meanwhile: nothing is saved, like a message gone before the FETCH.
          await fh.close();
          await unlink(tmpPath);
          return null;
        }
        hash.update(piece);
        for (let at = 0; at < piece.length;) {
          const { bytesWritten } = await fh.write(piece, at, piece.length - at, size + at);
          at += bytesWritten;
        }
        size += piece.length;
        if (piece.length < LARGE_CHUNK) break;
      }
      await fh.datasync();
    } catch (e) {
      await fh.close().catch(() => {});
      await unlink(tmpPath).catch(() => {});
      throw e;
    }
    await fh.close();
    return this.downloaded(r, tmpPath, size, hash.digest('hex'));
  }

  /** A large message complete and durable in its temp file: dated and given its name in tmp/. */
  private async downloaded(r: LargeItem, tmpPath: string, size: number, sha256: string): Promise<Pending> {
    await stampDate(tmpPath, r.date);
    const p = this.pendingFor(r, size, sha256);
    await rename(tmpPath, p.tmpPath);
    return p;
  }
}
