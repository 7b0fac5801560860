import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import type { Readable, Writable } from 'node:stream';
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
 *
 * Calls for the same `path` are grouped: a call made while one is running waits for the next one,
 * which starts after it and serves every call made meanwhile (several connections finish their
 * batches at about the same time; each spawn of `sync` costs the process a fork).
 */
export function syncFileSystem(path: string): Promise<boolean> {
  let group = syncGroups.get(path);
  if (!group) {
    group = { running: null, next: null };
    syncGroups.set(path, group);
  }
  return requestSync(path, group);
}

interface SyncGroup {
  running: Promise<boolean> | null;
  next: Promise<boolean> | null;
}
const syncGroups = new Map<string, SyncGroup>();

function requestSync(path: string, g: SyncGroup): Promise<boolean> {
  if (!g.running) {
    const running = syncOnce(path).finally(() => {
      g.running = null;
      if (!g.next) syncGroups.delete(path);
    });
    g.running = running;
    return running;
  }
  g.next ??= g.running.then(() => {
    g.next = null;
    return requestSync(path, g);
  });
  return g.next;
}

async function syncOnce(path: string): Promise<boolean> {
  if (!SYNC_BIN) return false;
  if (!path.includes('\n')) {
    const helped = await syncHelper.sync(path);
    if (helped !== null) return helped;
  }
  try {
    await run(SYNC_BIN, ['-f', path]);
    return true;
  } catch {
    return false;
  }
}

/**
 * One long-lived `sh` that runs `sync -f` for each path written to it and answers `0` (done) or
 * `1` (failed), one line each, in order. Forking that small shell is cheap; forking this process
 * (a few hundred MB mapped) for every batch cost it about 40 ms of CPU each time (measured, issue
 * 19). Answers null when the helper cannot be used; the caller then spawns `sync` itself.
 */
class SyncHelper {
  private child: ChildProcessByStdio<Writable, Readable, null> | null = null;
  private broken = false;
  private readonly waiting: ((ok: boolean | null) => void)[] = [];
  private received = '';

  sync(path: string): Promise<boolean | null> {
    const child = this.start();
    if (!child) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      pipeOf(child.stdout).ref?.();
      child.stdin.write(path + '\n');
    });
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> | null {
    if (this.child || this.broken || !SYNC_BIN) return this.child;
    let child: ChildProcessByStdio<Writable, Readable, null>;
    try {
      child = spawn(
        '/bin/sh',
        ['-c', 'while IFS= read -r p; do if "$0" -f "$p"; then echo 0; else echo 1; fi; done', SYNC_BIN],
        { stdio: ['pipe', 'pipe', 'ignore'] },
      );
    } catch {
      this.broken = true;
      return null;
    }
    const fail = () => {
      this.broken = true;
      this.child = null;
      for (const w of this.waiting.splice(0)) w(null);
    };
    child.on('error', fail);
    child.on('exit', fail);
    child.stdin.on('error', fail);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      this.received += d;
      let nl: number;
      while ((nl = this.received.indexOf('\n')) >= 0) {
        const line = this.received.slice(0, nl);
        this.received = this.received.slice(nl + 1);
        this.waiting.shift()?.(line === '0');
      }
      if (this.waiting.length === 0) pipeOf(child.stdout).unref?.();
    });
    // Idle, it never keeps the app (or a test) running; it ends with this process's stdin pipe.
    child.unref();
    pipeOf(child.stdout).unref?.();
    pipeOf(child.stdin).unref?.();
    this.child = child;
    return child;
  }
}

/** A child's stdio pipe is a socket: it can stop keeping the event loop alive. */
function pipeOf(stream: Readable | Writable): { ref?: () => void; unref?: () => void } {
  return stream as unknown as { ref?: () => void; unref?: () => void };
}

const syncHelper = new SyncHelper();
