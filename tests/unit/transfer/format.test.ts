import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/common/result';
import {
  EXPORT_MAGIC,
  openExport,
  readExportHeader,
  sealExport,
} from '../../../electron/main/transfer/format';

// Tests use a low scrypt cost (stored in the file header like any other); the app uses N=2^17.
const COST = { logN: 10, r: 8, p: 1 };
const META = {
  scope: 'plan' as const,
  exportedAt: '2026-11-29T08:00:00.000Z',
  app: { name: 'Closeout', version: '0.1.0' },
  documentVersion: 2,
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'opened';
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
}

describe('export file format', () => {
  it('round-trips a payload and reads the header without the passphrase', async () => {
    const payload = { plans: [{ id: 'p1', address: '张三@163.com' }], n: 42 };
    const file = await sealExport(payload, 'correct horse battery', META, COST);
    expect(file.subarray(0, EXPORT_MAGIC.length).equals(EXPORT_MAGIC)).toBe(true);
    expect(readExportHeader(file).header.scope).toBe('plan');
    const opened = await openExport(file, 'correct horse battery', [COST]);
    expect(opened.payload).toEqual(payload);
    expect(opened.header.exportedAt).toBe(META.exportedAt);
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const file = await sealExport({ a: 1 }, 'correct horse battery', META, COST);
    expect(await codeOf(openExport(file, 'wrong horse battery', [COST]))).toBe('transfer.wrong-passphrase');
    const damaged = Buffer.from(file);
    damaged[damaged.length - 20]! ^= 0x01;
    expect(await codeOf(openExport(damaged, 'correct horse battery', [COST]))).toBe('transfer.tampered');
  });

  it('detects every flipped byte of a small export', async () => {
    const file = await sealExport({ plans: [], note: 'x' }, 'passphrase-1', META, COST);
    const codes = new Map<string, number>();
    for (let i = 0; i < file.length; i++) {
      const copy = Buffer.from(file);
      copy[i]! ^= 0x20;
      const code = await codeOf(openExport(copy, 'passphrase-1', [COST]));
      expect(code, `byte ${i}`).not.toBe('opened');
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // Every failure is one of the format's own errors (all translated), never a crash or garbage.
    for (const code of codes.keys()) {
      expect([
        'transfer.not-an-export',
        'transfer.corrupt',
        'transfer.tampered',
        'transfer.wrong-passphrase',
        'transfer.newer-version',
        'transfer.unknown-kdf',
      ]).toContain(code);
    }
  });

  it('rejects every truncation', async () => {
    const file = await sealExport({ plans: [1, 2, 3] }, 'passphrase-1', META, COST);
    for (let len = 0; len < file.length; len += Math.max(1, Math.floor(file.length / 97))) {
      expect(
        await codeOf(openExport(file.subarray(0, len), 'passphrase-1', [COST])),
        `length ${len}`,
      ).not.toBe('opened');
    }
    expect(await codeOf(openExport(file.subarray(0, file.length - 1), 'passphrase-1', [COST]))).toBe(
      'transfer.tampered',
    );
  });

  it('refuses a file from a newer format version before asking for anything', async () => {
    const file = await sealExport({}, 'passphrase-1', META, COST);
    const newer = Buffer.from(file);
    newer.writeUInt16BE(99, EXPORT_MAGIC.length);
    expect(await codeOf(openExport(newer, 'passphrase-1', [COST]))).toBe('transfer.newer-version');
  });

  it('says when a file is not an export at all', async () => {
    expect(await codeOf(openExport(Buffer.from('# a markdown report\n'), 'x', [COST]))).toBe(
      'transfer.not-an-export',
    );
  });
});
