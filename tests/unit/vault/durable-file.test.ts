import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHook } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/common/result';
import { nodeDurableFs, SYNC_READ_LIMIT } from '../../../electron/main/vault/durable-fs';
import { DurableFile } from '../../../electron/main/vault/durable-file';
import { faultyFs, tempDir } from './helpers';

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
  return 'no error';
}

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('DurableFile', () => {
  it('writes, reads back and replaces the file with mode 0600', async () => {
    const dir = tempDir();
    const file = new DurableFile(join(dir, 'v.bin'));
    expect(await file.read()).toBeNull();
    await file.write(bytes('one'));
    await file.write(bytes('two'));
    expect((await file.read())?.toString()).toBe('two');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'v.bin')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reads a file up to SYNC_READ_LIMIT without the thread pool, and a larger one through it', async () => {
    const dir = tempDir();
    const small = randomBytes(200 * 1024);
    const large = randomBytes(SYNC_READ_LIMIT + 1);
    writeFileSync(join(dir, 'small'), small);
    writeFileSync(join(dir, 'large'), large);
    /** Reads `name` and returns its bytes with the number of fs requests sent to the thread pool. */
    const read = async (name: string): Promise<{ bytes: Buffer; requests: number }> => {
      let requests = 0;
      const hook = createHook({
        init(_id, type) {
          if (type.startsWith('FSREQ') || type.startsWith('FILEHANDLE')) requests++;
        },
      }).enable();
      try {
        return { bytes: await nodeDurableFs.readFile(join(dir, name)), requests };
      } finally {
        hook.disable();
      }
    };
    const a = await read('small');
    expect(a.bytes.equals(small)).toBe(true);
    expect(a.requests).toBe(0);
    const b = await read('large');
    expect(b.bytes.equals(large)).toBe(true);
    expect(b.requests).toBeGreaterThan(0);
    await expect(nodeDurableFs.readFile(join(dir, 'absent'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the last 5 earlier versions as generations, newest first', async () => {
    const dir = tempDir();
    const file = new DurableFile(join(dir, 'v.bin'));
    for (let i = 1; i <= 9; i++) await file.write(bytes(`v${i}`));
    const gens = await file.generations();
    expect(gens).toHaveLength(5);
    expect(await Promise.all(gens.map(async (g) => (await file.readGeneration(g.id)).toString()))).toEqual([
      'v8',
      'v7',
      'v6',
      'v5',
      'v4',
    ]);
    // Generations are separate files: replacing the current one does not change them.
    expect((await file.read())?.toString()).toBe('v9');
  });

  it('continues the generation numbering across instances', async () => {
    const dir = tempDir();
    await new DurableFile(join(dir, 'v.bin')).write(bytes('a'));
    await new DurableFile(join(dir, 'v.bin')).write(bytes('b'));
    const again = new DurableFile(join(dir, 'v.bin'));
    await again.write(bytes('c'));
    const gens = await again.generations();
    expect(gens.map((g) => g.seq)).toEqual([2, 1]);
    expect((await again.readGeneration(gens[0]!.id)).toString()).toBe('b');
  });

  it('sweeps stale temp files and nothing else', async () => {
    const dir = tempDir();
    const file = new DurableFile(join(dir, 'v.bin'));
    await file.write(bytes('keep'));
    writeFileSync(join(dir, 'v.bin.tmp-dead01'), 'partial');
    writeFileSync(join(dir, 'v.bin.tmp-dead02'), '');
    writeFileSync(join(dir, 'other.txt'), 'not ours');
    expect(await file.sweepTemp()).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['other.txt', 'v.bin']);
  });

  it('loops over short writes until every byte is written', async () => {
    const dir = tempDir();
    let calls = 0;
    const fs = faultyFs({
      write: (_done, asked) => {
        calls++;
        return Math.min(asked, 1000); // the kernel may accept less than asked
      },
    });
    const file = new DurableFile(join(dir, 'v.bin'), { fs });
    const big = Buffer.alloc(10_500, 7);
    await file.write(big);
    expect(calls).toBe(11);
    expect(readFileSync(join(dir, 'v.bin')).equals(big)).toBe(true);
  });

  it('fails a write that stops making progress with vault.disk-full and keeps the previous file', async () => {
    const dir = tempDir();
    await new DurableFile(join(dir, 'v.bin')).write(bytes('previous'));
    const fs = faultyFs({ write: (done, asked) => (done >= 4 ? 0 : Math.min(asked, 4)) });
    const file = new DurableFile(join(dir, 'v.bin'), { fs });
    expect(await failure(file.write(bytes('the next version')))).toBe('vault.disk-full');
    expect(readFileSync(join(dir, 'v.bin'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it.each([
    ['ENOSPC', 'vault.disk-full'],
    ['EDQUOT', 'vault.disk-full'],
    ['EFBIG', 'vault.disk-full'],
    ['EROFS', 'vault.read-only'],
    ['EACCES', 'vault.read-only'],
    ['EPERM', 'vault.read-only'],
    ['EIO', 'vault.io'],
  ])('maps %s during the write to %s and keeps the previous file', async (errno, code) => {
    const dir = tempDir();
    await new DurableFile(join(dir, 'v.bin')).write(bytes('previous'));
    const fs = faultyFs({ write: (done) => (done > 0 ? errno : 3) });
    expect(await failure(new DurableFile(join(dir, 'v.bin'), { fs }).write(bytes('next one')))).toBe(code);
    expect(readFileSync(join(dir, 'v.bin'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('maps a folder that refuses new files (EROFS at create) to vault.read-only', async () => {
    const dir = tempDir();
    await new DurableFile(join(dir, 'v.bin')).write(bytes('previous'));
    const fs = faultyFs({ create: () => 'EROFS' });
    expect(await failure(new DurableFile(join(dir, 'v.bin'), { fs }).write(bytes('x')))).toBe(
      'vault.read-only',
    );
    expect(readFileSync(join(dir, 'v.bin'), 'utf8')).toBe('previous');
  });

  it('fails with a clear code when the target cannot be replaced, for real (target is a non-empty folder)', async () => {
    // Root ignores chmod, so a read-only folder cannot be staged portably; a directory in the
    // file's place makes the real rename(2) fail (EISDIR/ENOTEMPTY) with no facade involved.
    const dir = tempDir();
    mkdirSync(join(dir, 'v.bin'));
    writeFileSync(join(dir, 'v.bin', 'inside'), 'x');
    const code = await failure(new DurableFile(join(dir, 'v.bin'), { fs: nodeDurableFs }).write(bytes('x')));
    expect(code).toBe('vault.io');
    expect(existsSync(join(dir, 'v.bin', 'inside'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('moves a file aside on quarantine and never deletes it', async () => {
    const dir = tempDir();
    const file = new DurableFile(join(dir, 'v.bin'));
    await file.write(bytes('damaged'));
    const name = await file.quarantine('2026-01-01T00-00-00-000Z');
    expect(await file.read()).toBeNull();
    expect(readFileSync(join(dir, name), 'utf8')).toBe('damaged');
  });
});
