/**
 * The per-folder manifest: one JSON line per message whose file is durable. It is appended only
 * after the batch's files and their folder were fsynced, and fsynced itself, so every recorded
 * line names a file that survives a crash. A torn last line (crash during the append) is cut off
 * before the next append.
 */
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { errnoCode } from '../vault/fs-errors';

export interface ManifestRecord {
  folder: string;
  uidValidity: number;
  uid: number;
  size: number;
  sha256: string;
  /** Maildir letters of the system flags and keywords at download time. */
  flags: string;
  /** Relative to the Maildir root; the latest name when a mail program renamed the file. */
  file: string;
  /** IMAP keywords at download time (`$Important`, `$Label1`, ...), all of them, also past `z`. */
  keywords?: string[];
  /** INTERNALDATE (ISO), also the file's mtime. */
  internalDate?: string;
  /** When a rerun first found the message gone from the server (it stays in the backup). */
  goneFromServerAt?: string;
}

/**
 * A later line about a message already recorded: its file was renamed by a mail program, or it
 * is no longer on the server. Lines without `sha256` are updates; the file stays append-only.
 */
export interface ManifestUpdate {
  folder: string;
  uidValidity: number;
  uid: number;
  file?: string;
  goneFromServerAt?: string;
}

function isFullRecord(r: ManifestRecord | ManifestUpdate): r is ManifestRecord {
  return typeof (r as ManifestRecord).sha256 === 'string';
}

/**
 * One record per UID: the last full record (a message fetched again after its file went missing
 * is appended again), with the updates after it applied.
 */
export async function readManifest(path: string): Promise<Map<number, ManifestRecord>> {
  const records = new Map<number, ManifestRecord>();
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return records;
    throw e;
  }
  const complete = raw.lastIndexOf(0x0a) + 1;
  if (complete < raw.length) await truncate(path, complete);
  for (const line of raw.subarray(0, complete).toString('utf8').split('\n')) {
    if (!line) continue;
    let r: ManifestRecord | ManifestUpdate;
    try {
      r = JSON.parse(line) as ManifestRecord | ManifestUpdate;
    } catch {
      // A damaged line loses nothing: its file is still there, and the rerun records it again.
      continue;
    }
    if (typeof r !== 'object' || r === null || typeof r.uid !== 'number') continue;
    if (isFullRecord(r)) {
      records.set(r.uid, r);
      continue;
    }
    const known = records.get(r.uid);
    if (!known) continue;
    if (r.file !== undefined) known.file = r.file;
    if (r.goneFromServerAt !== undefined) known.goneFromServerAt = r.goneFromServerAt;
  }
  return records;
}

export class ManifestWriter {
  private constructor(
    private readonly fh: FileHandle,
    /** Length of the manifest up to its last complete append. */
    private length: number,
  ) {}

  static async open(path: string): Promise<ManifestWriter> {
    const fh = await open(path, 'a', 0o600);
    try {
      return new ManifestWriter(fh, (await fh.stat()).size);
    } catch (e) {
      await fh.close().catch(() => {});
      throw e;
    }
  }

  async append(records: readonly (ManifestRecord | ManifestUpdate)[]): Promise<void> {
    if (records.length === 0) return;
    const data = Buffer.from(records.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
    try {
      await this.fh.writeFile(data);
      await this.fh.datasync();
    } catch (e) {
      // A write cut off (a full disk) leaves no torn line behind: the manifest goes back to its
      // last complete append, which frees the space the partial write took.
      await this.fh.truncate(this.length).catch(() => {});
      throw e;
    }
    this.length += data.length;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/**
 * What resuming needs from a manifest, compact whatever the folder's size: UIDs sorted in a typed
 * array (binary search), sizes and "gone from the server" beside them, and the recorded file names.
 */
export class ManifestIndex {
  private constructor(
    readonly uids: Uint32Array,
    readonly sizes: Float64Array,
    readonly files: string[],
    readonly gone: Uint8Array,
  ) {}

  static async read(path: string): Promise<ManifestIndex> {
    const records = await readManifest(path);
    const uids = Uint32Array.from(records.keys()).sort();
    const sizes = new Float64Array(uids.length);
    const gone = new Uint8Array(uids.length);
    const files: string[] = new Array<string>(uids.length);
    uids.forEach((uid, i) => {
      const r = records.get(uid)!;
      sizes[i] = r.size;
      files[i] = r.file;
      gone[i] = r.goneFromServerAt ? 1 : 0;
    });
    return new ManifestIndex(uids, sizes, files, gone);
  }

  /** Position of `uid`, or -1. */
  indexOf(uid: number): number {
    let lo = 0;
    let hi = this.uids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.uids[mid]!;
      if (v === uid) return mid;
      if (v < uid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
