import { readFileSync, readdirSync } from 'node:fs';
import { open, rename, link, unlink, copyFile, mkdir } from 'node:fs/promises';

/** An open file as the durable writer needs it. */
export interface WritableFile {
  /** May write fewer bytes than asked (a short write), as write(2) may. */
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file-system call the durable writer makes, so tests can inject short writes, ENOSPC or
 * EROFS deterministically while still writing real files for everything else.
 */
export interface DurableFs {
  /** Creates a new file exclusively ('wx') with the given mode. */
  create(path: string, mode: number): Promise<WritableFile>;
  /** Opens a directory to fsync it; null where that is not possible (Windows). */
  openDir(path: string): Promise<WritableFile | null>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, mode: number): Promise<void>;
}

async function wrap(path: string, flags: string, mode?: number): Promise<WritableFile> {
  const handle = await open(path, flags, mode);
  return {
    write: async (buffer, offset, length, position) =>
      (await handle.write(buffer, offset, length, position)).bytesWritten,
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

export const nodeDurableFs: DurableFs = {
  create: (path, mode) => wrap(path, 'wx', mode),
  openDir: async (path) => (process.platform === 'win32' ? null : wrap(path, 'r')),
  // Reads are synchronous on purpose: the files are at most a few MB (about a millisecond), and
  // fs/promises' readFile takes four thread-pool round trips (open, stat, read, close), which on a
  // busy machine cost more than the read itself. Writes stay asynchronous: fsync can take long.
  readFile: async (path) => readFileSync(path),
  readdir: async (path) => readdirSync(path),
  rename: (from, to) => rename(from, to),
  link: (existing, created) => link(existing, created),
  copyFile: (from, to) => copyFile(from, to),
  unlink: (path) => unlink(path),
  mkdir: async (path, mode) => {
    await mkdir(path, { recursive: true, mode });
  },
};
