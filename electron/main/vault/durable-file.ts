import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../common/result';
import { nodeDurableFs, type DurableFs, type WritableFile } from './durable-fs';
import { errnoCode, toVaultFailure } from './fs-errors';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
export const DEFAULT_GENERATIONS = 5;

export interface DurableFileOptions {
  fs?: DurableFs;
  /** Verified earlier versions kept beside the file. */
  generations?: number;
}

export interface GenerationFile {
  /** The file name, which is also the id the UI passes back to restore it. */
  id: string;
  seq: number;
  path: string;
}

const GEN_PATTERN = /\.gen-(\d{10})$/;

/**
 * One file replaced atomically and durably. electron-store's write path reports success after a
 * short write on a full disk and leaves a truncated file; here every byte is written or the save
 * fails with a stable code, and the previous file is never touched until the new one is verified.
 */
export class DurableFile {
  readonly dir: string;
  readonly name: string;
  private readonly fs: DurableFs;
  private readonly keep: number;
  private nextSeq: number | null = null;

  constructor(
    readonly path: string,
    options: DurableFileOptions = {},
  ) {
    this.dir = dirname(path);
    this.name = basename(path);
    this.fs = options.fs ?? nodeDurableFs;
    this.keep = options.generations ?? DEFAULT_GENERATIONS;
  }

  async ensureDir(): Promise<void> {
    try {
      await this.fs.mkdir(this.dir, DIR_MODE);
    } catch (e) {
      throw toVaultFailure(e, 'creating the data folder');
    }
  }

  /** Removes temp files a crash left behind; returns how many. Called at open, before reading. */
  async sweepTemp(): Promise<number> {
    let swept = 0;
    for (const entry of await this.list()) {
      if (!entry.startsWith(`${this.name}.tmp-`)) continue;
      try {
        await this.fs.unlink(join(this.dir, entry));
        swept++;
      } catch (e) {
        if (errnoCode(e) !== 'ENOENT') throw toVaultFailure(e, 'removing a stale temp file');
      }
    }
    return swept;
  }

  /** The current bytes, or null when the file does not exist. */
  async read(): Promise<Buffer | null> {
    try {
      return await this.fs.readFile(this.path);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw toVaultFailure(e, 'reading the vault');
    }
  }

  /**
   * Writes `bytes` to a temp file (every byte, looping over short writes), fsyncs it, reads it back
   * and compares, keeps the previous file as a generation, renames the temp file over the target
   * and fsyncs the folder. On any failure the temp file is removed and the target is unchanged.
   */
  async write(bytes: Buffer): Promise<void> {
    const tmp = join(this.dir, `${this.name}.tmp-${randomBytes(6).toString('hex')}`);
    try {
      await this.writeFully(tmp, bytes);
      const back = await this.fs.readFile(tmp);
      if (!back.equals(bytes))
        throw new AppFailure('vault.io', 'The saved file did not read back identically');
      await this.keepPrevious();
      await this.fs.rename(tmp, this.path);
    } catch (e) {
      await this.fs.unlink(tmp).catch(() => {});
      throw toVaultFailure(e, 'saving the vault');
    }
    await this.syncDir();
    await this.prune();
  }

  /** Verified earlier versions, newest first. */
  async generations(): Promise<GenerationFile[]> {
    const gens: GenerationFile[] = [];
    for (const entry of await this.list()) {
      if (!entry.startsWith(`${this.name}.gen-`)) continue;
      const m = GEN_PATTERN.exec(entry);
      if (m?.[1]) gens.push({ id: entry, seq: Number(m[1]), path: join(this.dir, entry) });
    }
    return gens.sort((a, b) => b.seq - a.seq);
  }

  async readGeneration(id: string): Promise<Buffer> {
    const gen = (await this.generations()).find((g) => g.id === id);
    if (!gen) throw new AppFailure('vault.absent', 'No such earlier version');
    try {
      return await this.fs.readFile(gen.path);
    } catch (e) {
      throw toVaultFailure(e, 'reading an earlier version');
    }
  }

  /**
   * Overwrites every earlier generation with zeros (fsynced) and then removes it: used when they
   * hold a key or a secret that must not outlive a change (a new data key, a forgotten code). A
   * generation that is another name of the current file (a hard link left by a failed save) is
   * only unlinked. Flash storage and copy-on-write file systems may keep old blocks regardless;
   * this removes what the file system itself still offers.
   */
  async destroyGenerations(): Promise<void> {
    const current = await this.fs.identity(this.path).catch(() => null);
    for (const gen of await this.generations()) {
      try {
        const same = current !== null && (await this.fs.identity(gen.path)) === current;
        if (!same) await this.overwrite(gen.path);
        await this.fs.unlink(gen.path);
      } catch (e) {
        if (errnoCode(e) !== 'ENOENT') throw toVaultFailure(e, 'removing an earlier version');
      }
    }
    await this.syncDir();
  }

  private async overwrite(path: string): Promise<void> {
    const { file, size } = await this.fs.openExisting(path);
    try {
      const zeros = Buffer.alloc(Math.min(size, 1 << 20));
      let done = 0;
      while (done < size) {
        const n = await file.write(zeros, 0, Math.min(zeros.length, size - done), done);
        if (n <= 0)
          throw new AppFailure('vault.disk-full', 'Short write while overwriting an earlier version');
        done += n;
      }
      await file.sync();
    } finally {
      await file.close().catch(() => {});
    }
  }

  /** Moves the current file aside under a new name (never deleted) and returns that name. */
  async quarantine(stamp: string): Promise<string> {
    const target = `${this.name}.quarantine-${stamp}-${randomBytes(3).toString('hex')}`;
    try {
      await this.fs.rename(this.path, join(this.dir, target));
    } catch (e) {
      throw toVaultFailure(e, 'moving a damaged vault aside');
    }
    await this.syncDir();
    return target;
  }

  private async writeFully(tmp: string, bytes: Buffer): Promise<void> {
    const file = await this.fs.create(tmp, FILE_MODE);
    try {
      let done = 0;
      while (done < bytes.length) {
        const n = await file.write(bytes, done, bytes.length - done, done);
        // write(2) returning 0 for a non-empty request means no space is left (a file-size limit
        // or a full disk on some file systems reports it this way instead of ENOSPC).
        if (n <= 0) throw new AppFailure('vault.disk-full', `Short write: ${done} of ${bytes.length} bytes`);
        done += n;
      }
      await file.sync();
    } finally {
      await file.close().catch(() => {});
    }
  }

  /** Hard-links the current file (a verified earlier save) as the next generation; copies where links are unsupported. */
  private async keepPrevious(): Promise<void> {
    if (this.keep <= 0) return;
    this.nextSeq ??= ((await this.generations())[0]?.seq ?? 0) + 1;
    const gen = join(this.dir, `${this.name}.gen-${String(this.nextSeq).padStart(10, '0')}`);
    try {
      await this.fs.link(this.path, gen);
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOENT') return;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
      await this.fs.copyFile(this.path, gen);
    }
    this.nextSeq++;
  }

  private async prune(): Promise<void> {
    const gens = await this.generations();
    for (const old of gens.slice(this.keep)) await this.fs.unlink(old.path).catch(() => {});
  }

  private async syncDir(): Promise<void> {
    let dir: WritableFile | null = null;
    try {
      dir = await this.fs.openDir(this.dir);
      await dir?.sync();
    } catch (e) {
      // Some file systems cannot fsync a directory (EINVAL) or open one (EISDIR); the rename is
      // still atomic there, only its durability across power loss is up to the file system.
      const code = errnoCode(e);
      if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP')
        throw toVaultFailure(e, 'syncing the data folder');
    } finally {
      await dir?.close().catch(() => {});
    }
  }

  private async list(): Promise<string[]> {
    try {
      return await this.fs.readdir(this.dir);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw toVaultFailure(e, 'listing the data folder');
    }
  }
}
