/**
 * The export's writer thread (file-writer.ts), on real files: what a window's messages become on
 * disk, their hashes, dates and modes, in the order given, across pieces and a message larger than
 * a piece; and that a file it cannot create fails with the errno code the export maps to a
 * translated error, after the files before it were written and without replacing anything; and
 * that the thread itself stopping fails the run as mail.internal, not as a lost connection.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileWriter, WindowBytes } from '../../../electron/main/mail/file-writer';
import { tempDir } from '../vault/helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const writers: FileWriter[] = [];
afterEach(async () => {
  for (const w of writers.splice(0)) await w.close();
});

function writer(): FileWriter {
  const w = new FileWriter();
  writers.push(w);
  return w;
}

describe('FileWriter', () => {
  it('writes a window of messages, one larger than a piece among them, with hashes and dates in order', async () => {
    const dir = tempDir();
    const w = writer();
    const window = new WindowBytes(w);
    // 300 small ones fill several 256 KiB pieces; the 400 KB one gets a buffer of its own.
    const messages = Array.from({ length: 300 }, (_, i) => randomBytes(i === 150 ? 400_000 : 1500 + i));
    messages.push(Buffer.alloc(0));
    const kept = messages.map((m) => window.keep(m));
    // imapflow's buffers may be reused once copied: the copies must not depend on them.
    for (const m of messages) m.fill(0);
    const date = Date.parse('2024-03-05T06:07:08Z');
    const files = kept.map((_, i) => ({ path: join(dir, `m${i}`), mtimeMs: i % 2 ? date : 0 }));
    const originals = kept.map((k) => Buffer.from(k));

    const hashes = await w.write(files, kept, window);

    expect(hashes).toEqual(originals.map(sha));
    originals.forEach((bytes, i) => {
      const path = join(dir, `m${i}`);
      expect(readFileSync(path).equals(bytes)).toBe(true);
      const st = statSync(path);
      expect(st.mode & 0o777).toBe(0o600);
      if (i % 2) expect(st.mtimeMs).toBe(date);
    });
    // Moved to the writer: no longer readable here, so nothing can change them underneath it.
    expect(kept[0]!.byteLength).toBe(0);
  });

  it('fails with the errno code on a file it cannot create, after writing the ones before, replacing nothing', async () => {
    const dir = tempDir();
    const w = writer();
    writeFileSync(join(dir, 'b'), 'already there');
    const window = new WindowBytes(w);
    const parts = ['first', 'second', 'third'].map((t) => window.keep(Buffer.from(t)));
    const failed = await w
      .write(
        ['a', 'b', 'c'].map((n) => ({ path: join(dir, n), mtimeMs: 0 })),
        parts,
        window,
      )
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'EEXIST', syscall: 'open' });
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('first');
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('already there');
    expect(existsSync(join(dir, 'c'))).toBe(false);

    // The writer goes on with the next window; a missing folder is ENOENT, as fs would say.
    const next = new WindowBytes(w);
    const missing = await w
      .write([{ path: join(dir, 'gone', 'x'), mtimeMs: 0 }], [next.keep(Buffer.from('x'))], next)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'ENOENT' });
    mkdirSync(join(dir, 'gone'));
    const again = new WindowBytes(w);
    await w.write([{ path: join(dir, 'gone', 'x'), mtimeMs: 0 }], [again.keep(Buffer.from('x'))], again);
    expect(readFileSync(join(dir, 'gone', 'x'), 'utf8')).toBe('x');
  });

  it('moves written files in order, and stops at the first it cannot move with the errno code', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tmp'));
    mkdirSync(join(dir, 'cur'));
    const w = writer();
    const window = new WindowBytes(w);
    const names = ['a', 'b', 'c', 'd'];
    const parts = names.map((n) => window.keep(Buffer.from(`mail ${n}`)));
    await w.write(
      names.map((n) => ({ path: join(dir, 'tmp', n), mtimeMs: 0 })),
      parts,
      window,
    );
    await w.move(names.slice(0, 2).map((n) => [join(dir, 'tmp', n), join(dir, 'cur', `${n}:2,S`)]));
    expect(readFileSync(join(dir, 'cur', 'a:2,S'), 'utf8')).toBe('mail a');
    expect(readFileSync(join(dir, 'cur', 'b:2,S'), 'utf8')).toBe('mail b');
    expect(existsSync(join(dir, 'tmp', 'a'))).toBe(false);

    // `gone` was never written: c is moved, gone fails, d stays where it was.
    const failed = await w
      .move(['c', 'gone', 'd'].map((n) => [join(dir, 'tmp', n), join(dir, 'cur', n)]))
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'ENOENT', syscall: 'rename' });
    expect(existsSync(join(dir, 'cur', 'c'))).toBe(true);
    expect(existsSync(join(dir, 'cur', 'd'))).toBe(false);
    expect(readFileSync(join(dir, 'tmp', 'd'), 'utf8')).toBe('mail d');

    // Nothing to move sends nothing; the writer still answers the next request.
    await w.move([]);
    await w.move([[join(dir, 'tmp', 'd'), join(dir, 'cur', 'd')]]);
    expect(readFileSync(join(dir, 'cur', 'd'), 'utf8')).toBe('mail d');
  });

  it('refuses parts that were not kept in the window given, or not in the order kept', async () => {
    const dir = tempDir();
    const w = writer();
    const window = new WindowBytes(w);
    const other = new WindowBytes(w);
    const stray = other.keep(Buffer.from('elsewhere'));
    await expect(w.write([{ path: join(dir, 'x'), mtimeMs: 0 }], [stray], window)).rejects.toThrow(
      /not kept/,
    );
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('reuses pieces from window to window and closes without leaving the thread behind', async () => {
    const dir = tempDir();
    const w = writer();
    for (let round = 0; round < 20; round++) {
      const window = new WindowBytes(w);
      const parts = Array.from({ length: 40 }, (_, i) => window.keep(randomBytes(10_000 + i)));
      const expected = parts.map((p) => sha(p));
      const files = parts.map((_, i) => ({ path: join(dir, `${round}-${i}`), mtimeMs: 0 }));
      expect(await w.write(files, parts, window)).toEqual(expected);
    }
    // 20 windows of about 400 KB, one after another, went through the same two 256 KiB pieces.
    expect(w.piecesAllocated).toBe(2);
    await w.close();
    await w.close();
  });

  it('fails a write in flight with mail.internal when the thread itself stops', async () => {
    const dir = tempDir();
    const w = writer();
    const window = new WindowBytes(w);
    const parts = Array.from({ length: 40 }, () => window.keep(randomBytes(10_000)));
    const files = parts.map((_, i) => ({ path: join(dir, `m-${i}`), mtimeMs: 0 }));
    const written = w.write(files, parts, window);
    // The thread is still starting when it is stopped (as if it ran out of memory).
    void (w as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(written).rejects.toMatchObject({ code: 'mail.internal' });
    // Later writes fail the same way instead of waiting for a thread that is gone.
    const again = new WindowBytes(w);
    const part = again.keep(randomBytes(10));
    await expect(w.write([{ path: join(dir, 'late'), mtimeMs: 0 }], [part], again)).rejects.toMatchObject({
      code: 'mail.internal',
    });
  });
});
