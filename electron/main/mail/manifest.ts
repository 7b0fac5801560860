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
  flags: string;
  /** Relative to the Maildir root. */
  file: string;
}

/** Last record per UID wins (a message re-fetched after its file went missing is appended again). */
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
    const r = JSON.parse(line) as ManifestRecord;
    records.set(r.uid, r);
  }
  return records;
}

export class ManifestWriter {
  private constructor(private readonly fh: FileHandle) {}

  static async open(path: string): Promise<ManifestWriter> {
    return new ManifestWriter(await open(path, 'a', 0o600));
  }

  async append(records: readonly ManifestRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.fh.writeFile(records.map((r) => JSON.stringify(r) + '\n').join(''));
    await this.fh.datasync();
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/**
 * What resuming needs from a manifest, compact whatever the folder's size: UIDs sorted in a typed
 * array (binary search), sizes beside them, and the recorded file names. Last record per UID wins.
 */
export class ManifestIndex {
  private constructor(
    readonly uids: Uint32Array,
    readonly sizes: Float64Array,
    readonly files: string[],
  ) {}

  static async read(path: string): Promise<ManifestIndex> {
    const records = await readManifest(path);
    const uids = Uint32Array.from(records.keys()).sort();
    const sizes = new Float64Array(uids.length);
    const files: string[] = new Array<string>(uids.length);
    uids.forEach((uid, i) => {
      const r = records.get(uid)!;
      sizes[i] = r.size;
      files[i] = r.file;
    });
    return new ManifestIndex(uids, sizes, files);
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

  /** Keeps only the entries `keep` accepts (records whose file went missing are forgotten). */
  filter(keep: (i: number) => boolean): ManifestIndex {
    const idx: number[] = [];
    for (let i = 0; i < this.uids.length; i++) if (keep(i)) idx.push(i);
    return new ManifestIndex(
      Uint32Array.from(idx, (i) => this.uids[i]!),
      Float64Array.from(idx, (i) => this.sizes[i]!),
      idx.map((i) => this.files[i]!),
    );
  }
}
