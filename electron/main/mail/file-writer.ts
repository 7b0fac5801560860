/**
 * Writes the export's small messages to their temp files on a thread of its own, and hashes them
 * there: the thread that parses IMAP responses hands over a window's bytes and goes on parsing.
 *
 * Why a thread: creating a file is mostly kernel time (on ext4 without a journal, `open` with
 * O_CREAT scans the inode bitmap past every recently deleted inode). Measured with `perf` in the
 * mail bench (issue 19): 4.1-4.8 s of the export thread's ~9 s were spent in `open`, on the same
 * core as the parsing. Through the thread pool (fs/promises) it cost more than it saved: four
 * round trips a file (open, write, futimes, close), each a promise and a pool wake-up. Here it is
 * one message per window, and the writes stay synchronous calls on the writer's own thread.
 *
 * Files are written in the order given, so a window's acknowledgement means every file of it is
 * complete (not yet durable: `FolderJob.makeDurable` does that) or, on the first failure, that the
 * files before it are. The durable-batch protocol is unchanged: nothing is renamed into cur/ or
 * recorded before the writer has acknowledged it and the batch is synced.
 *
 * The writer's code is plain JavaScript started with `eval`, using only Node's own modules: it
 * needs no build entry, and runs the same from source (harness, tests), the bench's bundle and
 * the built app.
 */
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../../common/result';

/** One file to create, `length` bytes from `offset` of the window's buffer. */
export interface FileToWrite {
  path: string;
  offset: number;
  length: number;
  /** Modification time to set (ms since the epoch), 0 for none. */
  mtimeMs: number;
}

/** Files to write from `buffer`, or files to move (each `[from, to]`): one request is one or the other. */
interface WriteRequest {
  id: number;
  buffer?: ArrayBuffer;
  files?: FileToWrite[];
  moves?: [string, string][];
}

interface WriteReply {
  id: number;
  /** SHA-256 (hex) of each file written, in order. */
  hashes: string[];
  error?: { message: string; code?: string; syscall?: string; path?: string };
  /** The request's buffer, returned for reuse. */
  buffer?: ArrayBuffer;
}

const WRITER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const failure = (e) => ({ message: String(e && e.message), code: e && e.code, syscall: e && e.syscall, path: e && e.path });
parentPort.on('message', (m) => {
  let error;
  if (m.moves) {
    for (const [from, to] of m.moves) {
      try {
        fs.renameSync(from, to);
      } catch (e) {
        error = failure(e);
        break;
      }
    }
    parentPort.postMessage({ id: m.id, hashes: [], error });
    return;
  }
  const bytes = new Uint8Array(m.buffer);
  const hashes = [];
  for (const f of m.files) {
    try {
      const data = bytes.subarray(f.offset, f.offset + f.length);
      const fd = fs.openSync(f.path, 'wx', 0o600);
      try {
        for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at);
        if (f.mtimeMs) fs.futimesSync(fd, f.mtimeMs / 1000, f.mtimeMs / 1000);
      } finally {
        fs.closeSync(fd);
      }
      hashes.push(createHash('sha256').update(data).digest('hex'));
    } catch (e) {
      error = failure(e);
      break;
    }
  }
  // The buffer goes back for another window: no garbage buffers pile up between collections.
  parentPort.postMessage({ id: m.id, hashes, error, buffer: m.buffer }, [m.buffer]);
});
`;

/** An error from the writer thread, with the errno code the export's error mapping reads. */
function writeError(e: NonNullable<WriteReply['error']>): Error {
  return Object.assign(new Error(e.message), {
    ...(e.code ? { code: e.code } : {}),
    ...(e.syscall ? { syscall: e.syscall } : {}),
    ...(e.path ? { path: e.path } : {}),
  });
}

/**
 * Size of the pieces a window's messages are copied into as they arrive (`WindowBytes`); a piece
 * moves to the writer and comes back with its answer, for another window. A message larger than
 * a piece gets a buffer of its own.
 */
const PIECE_BYTES = 256 * 1024;

/** Pieces kept for reuse at most (16 MiB): about what all connections have in flight at once. */
const MAX_SPARE_PIECES = 64;

/**
 * The bytes of one window's messages, copied out of imapflow's buffers as each message arrives.
 * imapflow allocates a buffer per message; held until the window is written, those outlived V8's
 * young generation and stayed allocated until the next full collection, tens of MB of mail
 * already on disk (measured: 45 MB of array buffers alive at the end of the bench's export).
 * Copied at once, they die young; the pieces are reused from window to window.
 */
export class WindowBytes {
  /** The pieces (and own buffers) this window's bytes are in, in order. */
  readonly buffers: ArrayBuffer[] = [];
  private current: ArrayBuffer | null = null;
  private used = 0;

  constructor(private readonly writer: FileWriter) {}

  /** A copy of `data` in this window's pieces. */
  keep(data: Uint8Array): Uint8Array {
    if (data.length > PIECE_BYTES) {
      const own = new Uint8Array(data.length);
      own.set(data);
      this.buffers.push(own.buffer);
      // What follows goes to a new piece: each buffer's messages stay together, in order.
      this.current = null;
      return own;
    }
    if (!this.current || this.used + data.length > PIECE_BYTES) {
      this.current = this.writer.takePiece();
      this.buffers.push(this.current);
      this.used = 0;
    }
    const copy = new Uint8Array(this.current, this.used, data.length);
    copy.set(data);
    this.used += data.length;
    return copy;
  }
}

export class FileWriter {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (h: string[]) => void; reject: (e: Error) => void }
  >();
  private readonly inFlight = new Set<Promise<string[]>>();
  private failure: Error | null = null;
  private readonly spare: ArrayBuffer[] = [];
  private allocated = 0;

  /** Pieces made so far (the rest of the windows reused them). */
  get piecesAllocated(): number {
    return this.allocated;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Its heap holds little more than one window's file list: a small young generation, like the
    // export's own thread (export-runner.ts).
    const w = new Worker(WRITER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    w.on('message', (r: WriteReply) => {
      if (r.buffer) this.givePiece(r.buffer);
      const p = this.waiting.get(r.id);
      if (!p) return;
      this.waiting.delete(r.id);
      if (r.error) p.reject(writeError(r.error));
      else p.resolve(r.hashes);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.waiting.values()) p.reject(e);
      this.waiting.clear();
    };
    // The thread itself failing (out of memory, an exception of its own) is no fault of the disk or
    // the server: the run stops with mail.internal, not as a lost connection to retry.
    w.on('error', (e) =>
      fail(
        new AppFailure(
          'mail.internal',
          `The file writer stopped: ${e instanceof Error ? e.message : String(e)}`,
        ),
      ),
    );
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = null;
      if (this.waiting.size)
        fail(new AppFailure('mail.internal', `The file writer stopped (exit code ${code})`));
    });
    // Idle between windows: it must not keep the process alive on its own.
    w.unref();
    this.worker = w;
    return w;
  }

  /** A piece for `WindowBytes`: a spare one, or a new one. */
  takePiece(): ArrayBuffer {
    const spare = this.spare.pop();
    if (spare) return spare;
    this.allocated++;
    return new ArrayBuffer(PIECE_BYTES);
  }

  private givePiece(b: ArrayBuffer): void {
    if (b.byteLength === PIECE_BYTES && this.spare.length < MAX_SPARE_PIECES) this.spare.push(b);
  }

  /**
   * Writes `parts[i]` to `files[i].path` (created, never overwritten) and resolves with their
   * SHA-256 hashes, in order. Every part is a view `window.keep` returned, in the order kept; each
   * of the window's buffers moves to the writer with the files in it (and comes back with its
   * answer). Pieces holding no part (messages that turned out large) go back to the spares at
   * once. After this call the parts are no longer readable here.
   */
  async write(
    files: Omit<FileToWrite, 'offset' | 'length'>[],
    parts: Uint8Array[],
    window: WindowBytes,
  ): Promise<string[]> {
    const requests: Promise<string[]>[] = [];
    const sent = new Set<ArrayBuffer>();
    let from = 0;
    while (from < files.length) {
      const buffer = parts[from]!.buffer as ArrayBuffer;
      if (!window.buffers.includes(buffer) || sent.has(buffer))
        throw new Error('FileWriter.write: a part not kept in this window, in order');
      let to = from + 1;
      while (to < files.length && parts[to]!.buffer === buffer) to++;
      const list: FileToWrite[] = [];
      for (let k = from; k < to; k++)
        list.push({ ...files[k]!, offset: parts[k]!.byteOffset, length: parts[k]!.length });
      sent.add(buffer);
      requests.push(this.send({ buffer, files: list }, [buffer]));
      from = to;
    }
    for (const b of window.buffers) if (!sent.has(b)) this.givePiece(b);
    return (await Promise.all(requests)).flat();
  }

  /**
   * Moves each file `[from, to]` (`rename`), in order, on the writer's thread: the batch's files
   * into cur/. Stops at the first failure and rejects with it; the moves before it are done.
   * Sent after the files' own writes were acknowledged, so they exist. One request a batch instead
   * of a `fs/promises` rename a file: measured with `--cpu-prof` on the mail bench's export, those
   * took 0.65 s of the parsing thread's time (a promise and a thread-pool wake-up each).
   */
  async move(moves: [string, string][]): Promise<void> {
    if (moves.length) await this.send({ moves }, []);
  }

  private send(request: Omit<WriteRequest, 'id'>, transfer: ArrayBuffer[]): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const w = this.start();
    const done = new Promise<string[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, ...request } satisfies WriteRequest, transfer);
    });
    // Referenced while something is being written, so an export awaiting only this stays alive.
    if (this.inFlight.size === 0) w.ref();
    this.inFlight.add(done);
    const settle = () => {
      this.inFlight.delete(done);
      if (this.inFlight.size === 0) this.worker?.unref();
    };
    done.then(settle, settle);
    return done;
  }

  /** Stops the thread once what was handed over is written (or failed). */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    await w.terminate();
  }
}
