import {
  closeSync,
  copyFileSync,
  fstatSync,
  fsync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';

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
  /** Opens an existing file for writing in place (to overwrite it before it is removed). */
  openExisting(path: string): Promise<{ file: WritableFile; size: number }>;
  /** Device and inode, to tell two names of one file apart from two files; null when absent. */
  identity(path: string): Promise<string | null>;
}

/*
 * Only fsync runs on the thread pool: it can take tens of milliseconds and must not block the main
 * process. Everything else here is a syscall of microseconds on files of at most a few MB, where
 * fs/promises' round trips through a busy thread pool (readFile alone takes four: open, stat,
 * read, close) cost more than the work. Reads are bounded: a file larger than SYNC_READ_LIMIT
 * goes through the thread pool, so the main process never blocks on a read of unbounded size.
 */

/** The largest file read synchronously: a page-cache read of 8 MB takes a few milliseconds. */
export const SYNC_READ_LIMIT = 8 * 1024 * 1024;

/** The file in one open, fstat and read when it is at most SYNC_READ_LIMIT; null when larger. */
function readBounded(path: string): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd).size <= SYNC_READ_LIMIT ? readFileSync(fd) : null;
  } finally {
    closeSync(fd);
  }
}
function wrap(fd: number): WritableFile {
  return {
    write: async (buffer, offset, length, position) => writeSync(fd, buffer, offset, length, position),
    sync: () => new Promise((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve()))),
    close: async () => closeSync(fd),
  };
}

export const nodeDurableFs: DurableFs = {
  create: async (path, mode) => wrap(openSync(path, 'wx', mode)),
  openDir: async (path) => (process.platform === 'win32' ? null : wrap(openSync(path, 'r'))),
  readFile: async (path) => readBounded(path) ?? (await readFile(path)),
  readdir: async (path) => readdirSync(path),
  rename: async (from, to) => renameSync(from, to),
  link: async (existing, created) => linkSync(existing, created),
  copyFile: async (from, to) => copyFileSync(from, to),
  unlink: async (path) => unlinkSync(path),
  mkdir: async (path, mode) => {
    mkdirSync(path, { recursive: true, mode });
  },
  openExisting: async (path) => {
    const fd = openSync(path, 'r+');
    return { file: wrap(fd), size: fstatSync(fd).size };
  },
  identity: async (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? `${st.dev}:${st.ino}` : null;
  },
};
