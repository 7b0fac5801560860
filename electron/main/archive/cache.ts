/**
 * The index cached in the backup folder (`.closeout-archive/index-v3.bin`: the list, then the
 * words, each a v8 serialization of a few typed arrays and strings), so a large backup opens at
 * once next time. It belongs to the list of message files it was built from; a backup that grew
 * (or changed at all) gets a fresh index.
 *
 * Listing 100k file names takes longer than reading the cache, so a cheaper test comes first: the
 * modification times of the `cur/` and `new/` directories (a directory's time changes whenever a
 * file is added, removed or renamed in it, which is how Dovecot notices new mail too). They are
 * trusted only when the cache was written well after the newest of them, since some file systems
 * keep times in whole or even two seconds. Best effort: a read-only folder simply has no cache.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Backup, MessageFile } from './backup';
import type { SerializedIndex } from './search-index';

export const CACHE_DIR = '.closeout-archive';
const CACHE_FILE = 'index-v3.bin';
const FORMAT = 3;
/** Earlier formats, removed when a new cache is written. */
const OLD_FILES = ['index-v1.bin', 'index-v2.bin'];
/** Directory times within this of the cache's writing are not trusted (FAT keeps 2 s). */
const CLOCK_SLACK_MS = 3000;

export function filesSignature(files: readonly MessageFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.folder}\t${f.path}\n`);
  return h.digest('hex');
}

export interface DirStamps {
  key: string;
  newest: number;
}

/** The times of every folder's cur/ and new/ directory, as one comparable key. */
export async function dirStamps(backup: Backup): Promise<DirStamps> {
  const parts: string[] = [];
  let newest = 0;
  for (const f of backup.folders) {
    for (const sub of ['cur', 'new']) {
      let t = -1;
      try {
        t = (await stat(join(backup.maildir, f.dir, sub))).mtimeMs;
      } catch {
        // A folder without new/ (or not there at all) has its own stable key.
      }
      newest = Math.max(newest, t);
      parts.push(`${f.id}:${f.dir}/${sub}:${t}`);
    }
  }
  return { key: parts.join('\n'), newest };
}

export interface CacheDocument {
  format: number;
  /** The file list the index was built from. */
  signature: string;
  stamps: string;
  writtenAt: number;
  /** Names this writing, so the words read later are known to belong to the same list. */
  build: string;
  /** The list: enough for the first page. */
  table: SerializedIndex['table'];
  byDate: SerializedIndex['byDate'];
}

/** A cache whose list is read; its words (the larger part, needed only by a search) are read on demand. */
export interface CachedIndex extends CacheDocument {
  words(): Promise<SerializedIndex['fields'] | null>;
}

/**
 * The file: 8 bytes (the list's length and the words' length, little-endian u32), the list
 * (v8-serialized), then the words (v8-serialized `{ build, fields }`). The list comes first and
 * alone, so the archive shows its first page before the search index is read.
 */
const HEAD = 8;

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const r = await fh.read(buf, got, length - got, position + got);
      if (r.bytesRead === 0) throw new Error('short cache file');
      got += r.bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
}

export async function readCache(root: string): Promise<CachedIndex | null> {
  const path = join(root, CACHE_DIR, CACHE_FILE);
  try {
    const head = await readAt(path, 0, HEAD);
    const listLength = head.readUInt32LE(0);
    const wordsLength = head.readUInt32LE(4);
    const doc = deserialize(await readAt(path, HEAD, listLength)) as CacheDocument;
    if (
      doc?.format !== FORMAT ||
      typeof doc.signature !== 'string' ||
      typeof doc.build !== 'string' ||
      !doc.table?.textStarts ||
      !(doc.byDate instanceof Uint32Array)
    )
      return null;
    return {
      ...doc,
      async words() {
        try {
          const w = deserialize(await readAt(path, HEAD + listLength, wordsLength)) as {
            build?: string;
            fields?: SerializedIndex['fields'];
          };
          return w?.build === doc.build && w.fields ? w.fields : null;
        } catch {
          return null;
        }
      },
    };
  } catch {
    return null;
  }
}

/** The cache may be used without listing the files: no directory changed since it was written. */
export function stampsStillValid(doc: CacheDocument, stamps: DirStamps): boolean {
  return doc.stamps === stamps.key && doc.writtenAt > stamps.newest + CLOCK_SLACK_MS;
}

export async function writeCache(
  root: string,
  doc: { signature: string; stamps: string; index: SerializedIndex },
): Promise<void> {
  const dir = join(root, CACHE_DIR);
  const tmp = join(dir, `${CACHE_FILE}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const build = randomUUID();
    const fh = await open(tmp, 'w', 0o600);
    try {
      // The list and the words serialized apart: never one buffer holding both.
      const list = serialize({
        format: FORMAT,
        signature: doc.signature,
        stamps: doc.stamps,
        writtenAt: Date.now(),
        build,
        table: doc.index.table,
        byDate: doc.index.byDate,
      } satisfies CacheDocument);
      // The lengths go first once both are known; until then the file is only a temporary one.
      const head = Buffer.alloc(HEAD);
      await fh.write(head, 0, HEAD, null);
      await fh.write(list, 0, list.length, null);
      const words = serialize({ build, fields: doc.index.fields });
      await fh.write(words, 0, words.length, null);
      head.writeUInt32LE(list.length, 0);
      head.writeUInt32LE(words.length, 4);
      await fh.write(head, 0, HEAD, 0);
    } finally {
      await fh.close();
    }
    await rename(tmp, join(dir, CACHE_FILE));
    for (const old of OLD_FILES) await rm(join(dir, old), { force: true });
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
