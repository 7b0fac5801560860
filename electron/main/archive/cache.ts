/**
 * The index cached in the backup folder (`.closeout-archive/index-v1.bin`, v8 serialization), so a
 * large backup opens at once next time. It is keyed by the list of message files: a backup that
 * grew (or changed at all) gets a fresh index. Best effort: a read-only folder simply has no cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MessageFile } from './backup';
import type { SerializedIndex } from './search-index';

export const CACHE_DIR = '.closeout-archive';
const CACHE_FILE = 'index-v1.bin';
const FORMAT = 1;

export function filesSignature(files: readonly MessageFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.folder}\t${f.path}\n`);
  return h.digest('hex');
}

interface CacheDocument {
  format: number;
  signature: string;
  index: SerializedIndex;
}

export async function readCachedIndex(root: string, signature: string): Promise<SerializedIndex | null> {
  try {
    const doc = deserialize(await readFile(join(root, CACHE_DIR, CACHE_FILE))) as CacheDocument;
    if (doc?.format !== FORMAT || doc.signature !== signature || !Array.isArray(doc.index?.entries)) return null;
    return doc.index;
  } catch {
    return null;
  }
}

export async function writeCachedIndex(root: string, signature: string, index: SerializedIndex): Promise<void> {
  const dir = join(root, CACHE_DIR);
  const tmp = join(dir, `${CACHE_FILE}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(tmp, serialize({ format: FORMAT, signature, index } satisfies CacheDocument), { mode: 0o600 });
    await rename(tmp, join(dir, CACHE_FILE));
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
