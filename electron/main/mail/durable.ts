import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { errnoCode } from '../vault/fs-errors';

/** fsync a directory so the names created or renamed in it survive a power cut (no-op on Windows). */
export async function fsyncDir(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await open(path, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    // Some file systems (exFAT through FUSE, some network shares) cannot fsync or open a
    // directory; the renames still happened, and a USB stick is exactly where backups go.
    const code = errnoCode(e);
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'ENOTSUP') throw e;
  }
}

/** Writes all of `data` to a new file and fsyncs it before closing. */
export async function writeSynced(path: string, data: Buffer | string): Promise<void> {
  const fh = await open(path, 'w', 0o600);
  try {
    await fh.writeFile(data);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

/** Replace a small file atomically and durably: temp file, fsync, rename, fsync the folder. */
export async function replaceFileDurably(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeSynced(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncDir(dirname(path));
}

const SYNC_BIN =
  process.platform === 'linux' ? ['/usr/bin/sync', '/bin/sync'].find((p) => existsSync(p)) : undefined;
const run = promisify(execFile);

/**
 * Makes every file written so far on the file system holding `path` durable with one syncfs(2)
 * (coreutils `sync -f`): one call per batch instead of one fsync per message, which is what lets a
 * durable export keep up with a non-durable one. Returns false where that is not available; the
 * caller then fsyncs each file.
 */
export async function syncFileSystem(path: string): Promise<boolean> {
  if (!SYNC_BIN) return false;
  try {
    await run(SYNC_BIN, ['-f', path]);
    return true;
  } catch {
    return false;
  }
}
