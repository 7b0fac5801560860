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
