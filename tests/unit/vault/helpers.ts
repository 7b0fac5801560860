import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { ok, type Result } from '../../../electron/common/result';
import type { Clock } from '../../../electron/common/clock';
import { createFileKeyProvider, type FileKeyProviderOptions } from '../../support/doubles/file-key-provider';
import type { DocumentCodec } from '../../../electron/main/vault/codec';
import { nodeDurableFs, type DurableFs } from '../../../electron/main/vault/durable-fs';
import { Vault } from '../../../electron/main/vault/vault';
import type { KdfCost } from '../../../electron/main/vault/keys';

/** Cheap scrypt for tests that are not about the cost itself; the real default is asserted separately. */
export const TEST_KDF: KdfCost = { logN: 10, r: 8, p: 1 };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'closeout-vault-'));
  dirs.push(d);
  return d;
}

/** The stand-in keychain lives outside the vault folder, as the OS keychain does. */
export function keyFileFor(dir: string): string {
  if (!dirs.includes(`${dir}.keychain`)) dirs.push(`${dir}.keychain`);
  return join(`${dir}.keychain`, 'key');
}

export class FakeClock implements Clock {
  constructor(public t = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestDoc {
  n: number;
  text: string;
}

export const testCodec: DocumentCodec<TestDoc> = {
  empty: () => ({ n: 0, text: '' }),
  migrate: (raw) => ok(raw as TestDoc),
};

export function makeVault<D = TestDoc>(
  dir: string,
  opts: {
    clock?: Clock;
    fs?: DurableFs;
    codec?: DocumentCodec<D>;
    keychain?: FileKeyProviderOptions;
    kdfCost?: KdfCost;
  } = {},
): Vault<D> {
  return new Vault<D>({
    dataDir: dir,
    keyProvider: createFileKeyProvider(keyFileFor(dir), opts.keychain),
    clock: opts.clock ?? new FakeClock(),
    codec: (opts.codec ?? testCodec) as DocumentCodec<D>,
    kdfCost: opts.kdfCost ?? TEST_KDF,
    fs: opts.fs ?? nodeDurableFs,
  });
}

export function setDoc<D>(doc: D): (prev: D) => Result<{ doc: D; value: undefined }> {
  return () => ok({ doc, value: undefined });
}

/** A real file system whose writes can be made to fail or fall short, deterministically. */
export function faultyFs(fault: {
  /** Called before each write with the bytes already written to this file; return bytes to write, or an errno. */
  write?: (done: number, asked: number) => number | string;
  create?: () => string | null;
}): DurableFs {
  const fail = (code: string) => Object.assign(new Error(code), { code });
  return {
    ...nodeDurableFs,
    async create(path, mode) {
      const c = fault.create?.();
      if (c) throw fail(c);
      const real = await nodeDurableFs.create(path, mode);
      return {
        async write(buffer, offset, length, position) {
          const decision = fault.write ? fault.write(position, length) : length;
          if (typeof decision === 'string') throw fail(decision);
          return real.write(buffer, offset, Math.min(decision, length), position);
        },
        sync: () => real.sync(),
        close: () => real.close(),
      };
    },
  };
}
