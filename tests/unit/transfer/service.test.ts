import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopAdapter } from '../../../electron/main/adapters/types';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { FakeClock, keyFileFor, TEST_KDF, tempDir } from '../vault/helpers';

/** A desktop whose "save as" writes into a folder and remembers the path, like the harness's. */
function savingDesktop(dir: string): DesktopAdapter & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    chooseFolder: async () => null,
    openPath: async () => {},
    saveFile: async ({ defaultName }, data) => {
      const path = join(dir, defaultName);
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path, data);
      saved.push(path);
      return path;
    },
    printToPdf: async () => {
      throw new Error('no printer in this test');
    },
  };
}

const cores: ReturnType<typeof createCore>[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function installation() {
  const dir = tempDir();
  const desktop = savingDesktop(tempDir());
  const c = createCore({
    dataDir: dir,
    appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
    keyProvider: createFileKeyProvider(keyFileFor(dir)),
    clock: new FakeClock(),
    vaultKdfCost: TEST_KDF,
    autoLockTimer: false,
    desktop,
  });
  cores.push(c);
  await c.start();
  const created = await c.dispatch('vault:create', { mode: 'keychain' });
  expect(created.ok).toBe(true);
  return { c, desktop };
}

async function must<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('moving a plan to another machine', () => {
  it('exports one plan, previews it elsewhere, merges it, and refuses bad files without changing anything', async () => {
    const a = await installation();
    await must(a.c.dispatch('plan:create', { address: 'wang.wu@163.com', planId: 'p1' }));
    await must(a.c.dispatch('plan:create', { address: 'wang.wu@126.com', planId: 'p2' }));
    const saved = await must<{ path: string }>(
      a.c.dispatch('transfer:export', {
        scope: { kind: 'plan', planId: 'p1' },
        passphrase: 'move it safely',
      }),
    );
    expect(saved.path).toMatch(/wang\.wu_163\.com.*\.closeout-export$/);
    const data = (await readFile(saved.path)).toString('base64');

    const b = await installation();
    const before = await must<unknown[]>(b.c.dispatch('plan:list', undefined));
    expect(before).toEqual([]);

    expect(await b.c.dispatch('transfer:preview', { data, passphrase: 'not the one' })).toMatchObject({
      ok: false,
      error: { code: 'transfer.wrong-passphrase' },
    });
    const bytes = Buffer.from(data, 'base64');
    const truncated = bytes.subarray(0, bytes.length - 7).toString('base64');
    expect(
      await b.c.dispatch('transfer:import', { data: truncated, passphrase: 'move it safely', mode: 'merge' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'transfer.tampered' },
    });
    expect(await must<unknown[]>(b.c.dispatch('plan:list', undefined))).toEqual([]);

    const preview = await must<{ scope: string; preview: { plans: { address: string; action: string }[] } }>(
      b.c.dispatch('transfer:preview', { data, passphrase: 'move it safely' }),
    );
    expect(preview.scope).toBe('plan');
    expect(preview.preview.plans).toMatchObject([{ address: 'wang.wu@163.com', action: 'add' }]);

    const imported = await must(
      b.c.dispatch('transfer:import', { data, passphrase: 'move it safely', mode: 'merge' }),
    );
    expect(imported).toEqual({ added: 1, updated: 0, kept: 0, conflicts: 0 });
    const after = await must<{ plan: { address: string } }[]>(b.c.dispatch('plan:list', undefined));
    expect(after.map((v) => v.plan.address)).toEqual(['wang.wu@163.com']);
  });

  it('exports the whole vault and replaces another vault with it', async () => {
    const a = await installation();
    await must(a.c.dispatch('plan:create', { address: 'zhao@yeah.net', planId: 'z1' }));
    const saved = await must<{ path: string }>(
      a.c.dispatch('transfer:export', { scope: { kind: 'vault' }, passphrase: 'whole vault please' }),
    );
    const data = (await readFile(saved.path)).toString('base64');
    const b = await installation();
    await must(b.c.dispatch('plan:create', { address: 'other@163.com', planId: 'o1' }));
    const preview = await must<{ preview: { replaceRemoves: { address: string }[] } }>(
      b.c.dispatch('transfer:preview', { data, passphrase: 'whole vault please' }),
    );
    expect(preview.preview.replaceRemoves).toEqual([{ id: 'o1', address: 'other@163.com' }]);
    await must(b.c.dispatch('transfer:import', { data, passphrase: 'whole vault please', mode: 'replace' }));
    const after = await must<{ plan: { address: string } }[]>(b.c.dispatch('plan:list', undefined));
    expect(after.map((v) => v.plan.address)).toEqual(['zhao@yeah.net']);
  });

  it('saves a Markdown report and reports a failed PDF as a translated error', async () => {
    const a = await installation();
    await must(a.c.dispatch('plan:create', { address: 'qian@163.com', planId: 'q1' }));
    const saved = await must<{ path: string }>(
      a.c.dispatch('report:save', {
        planId: 'q1',
        format: 'markdown',
        fileName: 'report.md',
        content: '# 注销报告\n',
      }),
    );
    expect(await readFile(saved.path, 'utf8')).toBe('# 注销报告\n');
    expect(
      await a.c.dispatch('report:save', { planId: 'q1', format: 'pdf', fileName: 'r.pdf', html: '<p>x</p>' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'transfer.save-failed' },
    });
    expect(
      await a.c.dispatch('report:save', {
        planId: 'nope',
        format: 'markdown',
        fileName: 'r.md',
        content: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'transfer.plan-not-found' },
    });
  });
});

/** Rewrites an export's header (the format's own layout: magic, u16 version, u32 length, JSON). */
function withHeader(file: Buffer, edit: (header: Record<string, unknown>) => void): Buffer {
  const at = 16 + 2;
  const length = file.readUInt32BE(at);
  const header = JSON.parse(file.subarray(at + 4, at + 4 + length).toString('utf8')) as Record<
    string,
    unknown
  >;
  edit(header);
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.from(file.subarray(0, at + 4));
  prefix.writeUInt32BE(json.length, at);
  return Buffer.concat([prefix, json, file.subarray(at + 4 + length)]);
}

describe('an imported file cannot choose its own scrypt cost', () => {
  it('refuses logN 20, r 32, p 16 (about 4 GiB) and any other unknown setting before deriving a key', async () => {
    const a = await installation();
    await must(a.c.dispatch('plan:create', { address: 'sun@163.com', planId: 's1' }));
    const saved = await must<{ path: string }>(
      a.c.dispatch('transfer:export', { scope: { kind: 'vault' }, passphrase: 'cost is fixed' }),
    );
    const file = await readFile(saved.path);
    const b = await installation();
    for (const cost of [
      { logN: 20, r: 32, p: 16 },
      { logN: 20, r: 8, p: 1 },
      { logN: 17, r: 8, p: 16 },
      { logN: 11, r: 8, p: 1 },
    ]) {
      const hostile = withHeader(file, (h) => Object.assign(h.kdf as object, cost)).toString('base64');
      expect(
        await b.c.dispatch('transfer:preview', { data: hostile, passphrase: 'cost is fixed' }),
        JSON.stringify(cost),
      ).toMatchObject({ ok: false, error: { code: 'transfer.unknown-kdf' } });
      expect(
        await b.c.dispatch('transfer:import', { data: hostile, passphrase: 'cost is fixed', mode: 'merge' }),
        JSON.stringify(cost),
      ).toMatchObject({ ok: false, error: { code: 'transfer.unknown-kdf' } });
    }
    // The file as written (the configured cost) still opens.
    expect(
      await b.c.dispatch('transfer:preview', { data: file.toString('base64'), passphrase: 'cost is fixed' }),
    ).toMatchObject({ ok: true });
    expect(await must<unknown[]>(b.c.dispatch('plan:list', undefined))).toEqual([]);
  });
});
