/**
 * The index cached in the backup folder (`.closeout-archive/index-v3.bin`, v8 serialization of a
 * few typed arrays and strings), so a large backup opens at once next time. It belongs to the list
 * of message files it was built from; a backup that grew (or changed at all) gets a fresh index.
 *
 * Listing 100k file names takes longer than reading the cache, so a cheaper test comes first: the
 * modification times of the `cur/` and `new/` directories (a directory's time changes whenever a
 * file is added, removed or renamed in it, which is how Dovecot notices new mail too). They are
 * trusted only when the cache was written well after the newest of them, since some file systems
 * keep times in whole or even two seconds. Best effort: a read-only folder simply has no cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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
  index: SerializedIndex;
}

export async function readCache(root: string): Promise<CacheDocument | null> {
  try {
    const doc = deserialize(await readFile(join(root, CACHE_DIR, CACHE_FILE))) as CacheDocument;
    if (
      doc?.format !== FORMAT ||
      typeof doc.signature !== 'string' ||
      !doc.index?.table?.textStarts ||
      !doc.index.fields
    )
      return null;
    return doc;
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
  doc: Omit<CacheDocument, 'format' | 'writtenAt'>,
): Promise<void> {
  const dir = join(root, CACHE_DIR);
  const tmp = join(dir, `${CACHE_FILE}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(
      tmp,
      serialize({ ...doc, format: FORMAT, writtenAt: Date.now() } satisfies CacheDocument),
      { mode: 0o600 },
    );
    await rename(tmp, join(dir, CACHE_FILE));
    for (const old of OLD_FILES) await rm(join(dir, old), { force: true });
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
