/**
 * Exports one server folder into its Maildir++ directory, resuming from the manifest.
 *
 * Memory stays bounded by the batch, not the mailbox: small messages come in pipelined
 * `UID FETCH <set> BODY.PEEK[]` batches (at most `batchBytes` held, plus the next batch being
 * received while this one is written), large ones are streamed with `download()` into a temp file,
 * hashed on the way. Per batch: write every file to tmp/, fsync them, rename into cur/, fsync
 * cur/, then append the batch to the manifest and fsync that. Only recorded messages count as
 * saved; a rerun deletes its own unrecorded files and fetches those messages again.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImapFlow } from 'imapflow';
import { AppFailure } from '../../common/result';
import { fsyncDir, syncFileSystem } from './durable';
import { maildirFlags, messageFileName, uidOfFile } from './layout';
import { ManifestWriter, readManifest, type ManifestRecord } from './manifest';

export interface ExportTuning {
  /** Messages above this size are streamed, never held whole. */
  largeThreshold: number;
  batchMessages: number;
  batchBytes: number;
  /** Parallel file writes+fsyncs within a batch (lets the file system group its commits). */
  writeConcurrency: number;
  /** One syncfs per batch where available (Linux) instead of an fsync per file. */
  syncFileSystem: boolean;
}

export const DEFAULT_TUNING: ExportTuning = {
  largeThreshold: 1024 * 1024,
  batchMessages: 1000,
  batchBytes: 8 * 1024 * 1024,
  writeConcurrency: 16,
  // Measured here: parallel fdatasync (the file system groups the commits) beat one syncfs per
  // batch, which also flushes every other dirty file on the disk.
  syncFileSystem: false,
};

/** Server-side listing of one folder, kept compact (typed arrays) since it is per message. */
export interface FolderListing {
  uids: Uint32Array;
  sizes: Float64Array;
  dates: Float64Array;
  flags: string[];
}

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
}

export interface FolderHooks {
  signal: AbortSignal;
  /** Called once the listing is known: total and already saved. */
  onListed(total: { messages: number; bytes: number }, saved: { messages: number; bytes: number }): void;
  onSaved(messages: number, bytes: number): void;
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppFailure('mail.cancelled', 'The backup was cancelled');
}

export async function listFolder(client: ImapFlow, exists: number): Promise<FolderListing> {
  const uids: number[] = [];
  const sizes: number[] = [];
  const dates: number[] = [];
  const flags: string[] = [];
  if (exists > 0) {
    for await (const m of client.fetch('1:*', { uid: true, size: true, flags: true, internalDate: true })) {
      uids.push(m.uid);
      sizes.push(m.size ?? 0);
      const d = m.internalDate;
      dates.push(d instanceof Date ? d.getTime() : d ? Date.parse(String(d)) : 0);
      flags.push(maildirFlags(m.flags));
    }
  }
  return { uids: Uint32Array.from(uids), sizes: Float64Array.from(sizes), dates: Float64Array.from(dates), flags };
}

async function ensureMaildir(dir: string): Promise<void> {
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(dir, sub), { recursive: true });
}

/**
 * Deletes temp files and message files of ours that the manifest does not record (written before
 * a crash, never committed), and forgets records whose file is gone so they are fetched again.
 */
async function reconcile(target: FolderTarget, records: Map<number, ManifestRecord>): Promise<void> {
  for (const name of await readdir(join(target.dir, 'tmp'))) await unlink(join(target.dir, 'tmp', name));
  const present = new Set<string>();
  for (const sub of ['cur', 'new']) {
    for (const name of await readdir(join(target.dir, sub))) {
      const uid = uidOfFile(name, target.uidValidity);
      if (uid === null) continue;
      const rel = `${sub}/${name}`;
      const rec = records.get(uid);
      if (!rec || `${target.relDir ? target.relDir + '/' : ''}${rel}` !== rec.file) {
        await unlink(join(target.dir, sub, name));
      } else {
        present.add(rec.file);
      }
    }
  }
  for (const [uid, rec] of records) if (!present.has(rec.file)) records.delete(uid);
}

interface Pending {
  uid: number;
  size: number;
  sha256: string;
  flags: string;
  tmpPath: string;
  name: string;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Compresses sorted UIDs to an IMAP set (`1:5,9,12:13`). */
export function uidSet(uids: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < uids.length; ) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++;
    parts.push(i === j ? `${uids[i]}` : `${uids[i]}:${uids[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export interface FolderResult {
  messages: number;
  bytes: number;
  fetchedMessages: number;
  fetchedBytes: number;
}

export async function exportFolder(
  client: ImapFlow,
  target: FolderTarget,
  exists: number,
  tuning: ExportTuning,
  hooks: FolderHooks,
): Promise<FolderResult> {
  await ensureMaildir(target.dir);
  if (target.relDir) await writeFile(join(target.dir, 'maildirfolder'), '');
  const records = await readManifest(target.manifestPath);
  await reconcile(target, records);

  const listing = await listFolder(client, exists);
  let totalBytes = 0;
  let savedBytes = 0;
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < listing.uids.length; i++) {
    totalBytes += listing.sizes[i]!;
    const rec = records.get(listing.uids[i]!);
    if (rec) {
      savedBytes += rec.size;
      continue;
    }
    (listing.sizes[i]! > tuning.largeThreshold ? large : small).push(i);
  }
  const savedMessages = listing.uids.length - small.length - large.length;
  hooks.onListed({ messages: listing.uids.length, bytes: totalBytes }, { messages: savedMessages, bytes: savedBytes });

  const manifest = await ManifestWriter.open(target.manifestPath);
  let fetchedMessages = 0;
  let fetchedBytes = 0;
  const tmpDir = join(target.dir, 'tmp');
  const curDir = join(target.dir, 'cur');

  const commit = async (pending: Pending[]) => {
    if (pending.length === 0) return;
    await mapLimit(pending, tuning.writeConcurrency, (p) => rename(p.tmpPath, join(curDir, p.name)));
    await fsyncDir(curDir);
    await manifest.append(
      pending.map((p) => ({
        folder: target.name,
        uidValidity: target.uidValidity,
        uid: p.uid,
        size: p.size,
        sha256: p.sha256,
        flags: p.flags,
        file: `${target.relDir ? target.relDir + '/' : ''}cur/${p.name}`,
      })),
    );
    const bytes = pending.reduce((n, p) => n + p.size, 0);
    fetchedMessages += pending.length;
    fetchedBytes += bytes;
    hooks.onSaved(pending.length, bytes);
  };

  const pendingFor = (i: number, size: number, sha256: string): Pending => {
    const uid = listing.uids[i]!;
    const name = messageFileName(listing.dates[i]!, target.uidValidity, uid, size, listing.flags[i]!);
    return { uid, size, sha256, flags: listing.flags[i]!, name, tmpPath: join(tmpDir, name) };
  };

  try {
    // Small messages: batches by count and bytes; the next batch is received while this one is written.
    const batches: number[][] = [];
    let cur: number[] = [];
    let curBytes = 0;
    for (const i of small) {
      if (cur.length && (cur.length >= tuning.batchMessages || curBytes + listing.sizes[i]! > tuning.batchBytes)) {
        batches.push(cur);
        cur = [];
        curBytes = 0;
      }
      cur.push(i);
      curBytes += listing.sizes[i]!;
    }
    if (cur.length) batches.push(cur);

    const byUid = new Map<number, number>();
    const receive = async (batch: number[]) => {
      for (const i of batch) byUid.set(listing.uids[i]!, i);
      const got: { i: number; data: Buffer }[] = [];
      const set = uidSet(batch.map((i) => listing.uids[i]!));
      for await (const m of client.fetch(set, { uid: true, source: true }, { uid: true })) {
        const i = byUid.get(m.uid);
        if (i !== undefined && m.source) got.push({ i, data: m.source });
      }
      for (const i of batch) byUid.delete(listing.uids[i]!);
      return got;
    };

    let incoming: Promise<{ i: number; data: Buffer }[]> | null = batches.length ? receive(batches[0]!) : null;
    for (let b = 0; b < batches.length; b++) {
      const got = await incoming!;
      throwIfCancelled(hooks.signal);
      incoming = b + 1 < batches.length ? receive(batches[b + 1]!) : null;
      // An unhandled rejection of the prefetch would crash the process if this batch fails first.
      incoming?.catch(() => {});
      const pending = got.map(({ i, data }) =>
        pendingFor(i, data.length, createHash('sha256').update(data).digest('hex')),
      );
      const bulk = tuning.syncFileSystem;
      await mapLimit([...got.keys()], tuning.writeConcurrency, async (k) => {
        const data = got[k]!.data;
        const p = pending[k]!;
        const fh = await open(p.tmpPath, 'w', 0o600);
        try {
          await fh.writeFile(data);
          if (!bulk) await fh.datasync();
        } finally {
          await fh.close();
        }
      });
      if (bulk && !(await syncFileSystem(tmpDir))) {
        await mapLimit(pending, tuning.writeConcurrency, async (p) => {
          const fh = await open(p.tmpPath, 'r+');
          try {
            await fh.datasync();
          } finally {
            await fh.close();
          }
        });
      }
      await commit(pending);
    }

    // Large messages: streamed to disk, never whole in memory; committed in small groups.
    let group: Pending[] = [];
    let groupBytes = 0;
    for (const i of large) {
      throwIfCancelled(hooks.signal);
      const uid = listing.uids[i]!;
      const dl = await client.download(String(uid), undefined, { uid: true, chunkSize: 1024 * 1024 });
      if (!dl.content) continue; // deleted on the server since the listing
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      });
      const tmpName = `${uid}.download`;
      const tmpPath = join(tmpDir, tmpName);
      await pipeline(dl.content, tap, createWriteStream(tmpPath, { mode: 0o600 }));
      const fh = await open(tmpPath, 'r+');
      try {
        await fh.datasync();
      } finally {
        await fh.close();
      }
      const p = pendingFor(i, size, hash.digest('hex'));
      await rename(tmpPath, p.tmpPath);
      group.push(p);
      groupBytes += size;
      if (group.length >= 16 || groupBytes >= 64 * 1024 * 1024) {
        await commit(group);
        group = [];
        groupBytes = 0;
      }
    }
    await commit(group);
  } finally {
    await manifest.close();
  }
  return {
    messages: savedMessages + fetchedMessages,
    bytes: savedBytes + fetchedBytes,
    fetchedMessages,
    fetchedBytes,
  };
}
