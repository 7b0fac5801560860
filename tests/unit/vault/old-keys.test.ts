/**
 * Old generations kept the old key. After a passphrase change the data key was only re-wrapped:
 * the earlier generations (up to five) still opened with the OLD passphrase, and that key
 * decrypted the CURRENT vault, plans added after the change included. The same held for a switch
 * from keychain to passphrase, for `mail:forget-code` (older generations still held the code) and
 * `vault:restore` (worked on a locked, healthy vault without any secret). Each attack is acted out
 * here on real files.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/common/result';
import { createCore } from '../../../electron/main/core';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import { decryptVault, parseVault } from '../../../electron/main/vault/cipher';
import { nodeDurableFs, type DurableFs } from '../../../electron/main/vault/durable-fs';
import { openWithRecoveryCode, unwrapWithSecret } from '../../../electron/main/vault/keys';
import { VAULT_FILE } from '../../../electron/main/vault/vault';
import { FakeClock, keyFileFor, makeVault, setDoc, TEST_KDF, tempDir } from './helpers';

const OLD = 'the old passphrase';
const NEW = 'the new passphrase 2';

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
  return 'no error';
}

/** Every vault-format file in the folder (current, generations, quarantined), by name. */
function vaultFiles(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir)
    .filter((n) => n.startsWith(VAULT_FILE))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** What an attacker holding `secret` gets from each file: the data key, if any opens. */
async function keysOpenedBy(
  dir: string,
  secret: { passphrase?: string; recoveryCode?: string },
): Promise<Buffer[]> {
  const keys: Buffer[] = [];
  for (const f of vaultFiles(dir)) {
    let header;
    try {
      header = parseVault(f.bytes).header;
    } catch {
      continue; // overwritten or not a vault file
    }
    const key =
      secret.passphrase && header.passphrase
        ? await unwrapWithSecret(header.passphrase, secret.passphrase, 'passphrase')
        : secret.recoveryCode
          ? 'publicKey' in header.recovery
            ? await openWithRecoveryCode(header.recovery, secret.recoveryCode)
            : await unwrapWithSecret(header.recovery, secret.recoveryCode, 'recovery')
          : null;
    if (key) keys.push(key);
  }
  return keys;
}

function decrypts(file: Buffer, key: Buffer): boolean {
  try {
    decryptVault(parseVault(file), key);
    return true;
  } catch {
    return false;
  }
}

/** The real file system, recording what happens to each generation file before it is removed. */
function observedFs(): DurableFs & { log: string[] } {
  const log: string[] = [];
  return {
    ...nodeDurableFs,
    log,
    async openExisting(path) {
      const opened = await nodeDurableFs.openExisting(path);
      let written = 0;
      return {
        size: opened.size,
        file: {
          write: async (buffer, offset, length, position) => {
            if (buffer.subarray(offset, offset + length).some((b) => b !== 0)) log.push(`nonzero ${path}`);
            const n = await opened.file.write(buffer, offset, length, position);
            written += n;
            return n;
          },
          sync: async () => {
            await opened.file.sync();
            log.push(`overwrote ${path} ${written}/${opened.size}`);
          },
          close: () => opened.file.close(),
        },
      };
    },
    async unlink(path) {
      log.push(`unlink ${path}`);
      return nodeDurableFs.unlink(path);
    },
  };
}

describe('a new data key on every passphrase change, and the old copies destroyed', () => {
  it('the old passphrase opens nothing afterwards, and the old key does not decrypt the current vault', async () => {
    const dir = tempDir();
    const fs = observedFs();
    const clock = new FakeClock();
    const v = makeVault(dir, { fs, clock });
    const { recoveryCode } = await v.create({ mode: 'passphrase', passphrase: OLD });
    for (let n = 1; n <= 4; n++) {
      clock.advance(1000);
      await v.update(setDoc({ n, text: `before ${n}` }));
    }
    // The attacker's copy of the folder before the change (a backup, a synced folder).
    const stolen = readFileSync(join(dir, VAULT_FILE));
    const generationsBefore = readdirSync(dir).filter((n) => n.includes('.gen-'));
    expect(generationsBefore.length).toBeGreaterThanOrEqual(4);
    const sizes = new Map(generationsBefore.map((n) => [join(dir, n), statSync(join(dir, n)).size]));

    const changed = await v.changePassphrase(OLD, NEW);
    expect(changed).toMatchObject({ status: { mode: 'passphrase' }, recoveryCode: null });
    await v.update(setDoc({ n: 99, text: 'added after the change' }));

    // Nothing left in the folder opens with the old passphrase.
    expect(await keysOpenedBy(dir, { passphrase: OLD })).toEqual([]);
    // The old key, from the stolen copy, does not decrypt the current vault.
    const oldKey = await unwrapWithSecret(parseVault(stolen).header.passphrase!, OLD, 'passphrase');
    expect(oldKey).not.toBeNull();
    expect(decrypts(stolen, oldKey!)).toBe(true);
    expect(decrypts(readFileSync(join(dir, VAULT_FILE)), oldKey!)).toBe(false);
    for (const f of vaultFiles(dir)) expect(decrypts(f.bytes, oldKey!), f.name).toBe(false);

    // Each old generation was overwritten with zeros in full, then removed.
    for (const [path, size] of sizes) {
      expect(existsSync(path)).toBe(false);
      const overwrote = fs.log.indexOf(`overwrote ${path} ${size}/${size}`);
      expect(overwrote, path).toBeGreaterThanOrEqual(0);
      expect(fs.log.indexOf(`unlink ${path}`)).toBeGreaterThan(overwrote);
    }
    expect(fs.log.filter((l) => l.startsWith('nonzero'))).toEqual([]);

    // The new passphrase and the same recovery code open the current vault.
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.unlock({ passphrase: OLD }))).toBe('vault.wrong-passphrase');
    await again.unlock({ passphrase: NEW });
    expect(again.read()).toEqual({ n: 99, text: 'added after the change' });
    again.lock();
    await again.unlock({ recoveryCode });
    expect(again.read()).toEqual({ n: 99, text: 'added after the change' });
  });

  it('a switch from keychain to passphrase leaves no keychain-wrapped key behind', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const v = makeVault(dir, { clock });
    const { recoveryCode } = await v.create({ mode: 'keychain' });
    for (let n = 1; n <= 3; n++) {
      clock.advance(1000);
      await v.update(setDoc({ n, text: `kept ${n}` }));
    }
    const keychain = createFileKeyProvider(keyFileFor(dir));
    const stolen = readFileSync(join(dir, VAULT_FILE));
    const oldKey = await keychain.decrypt(Buffer.from(parseVault(stolen).header.keychain!, 'base64'));

    await v.changePassphrase(recoveryCode, NEW);
    await v.update(setDoc({ n: 7, text: 'after the switch' }));
    for (const f of vaultFiles(dir)) {
      expect(parseVault(f.bytes).header.keychain, f.name).toBeUndefined();
      expect(decrypts(f.bytes, oldKey), f.name).toBe(false);
    }
  });
});

describe('a new recovery code', () => {
  it('needs the current passphrase, stops the old code everywhere in the folder, and the new one works', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const v = makeVault(dir, { clock });
    const { recoveryCode: oldCode } = await v.create({ mode: 'passphrase', passphrase: OLD });
    for (let n = 1; n <= 3; n++) {
      clock.advance(1000);
      await v.update(setDoc({ n, text: `state ${n}` }));
    }
    expect(await failure(v.newRecoveryCode('not the passphrase'))).toBe('vault.wrong-passphrase');
    expect(await failure(v.newRecoveryCode(null))).toBe('vault.wrong-passphrase');
    expect(await failure(v.newRecoveryCode(oldCode))).toBe('vault.wrong-passphrase');
    const { recoveryCode: newCode } = await v.newRecoveryCode(OLD);
    expect(newCode).not.toBe(oldCode);
    expect(newCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);

    expect(await keysOpenedBy(dir, { recoveryCode: oldCode })).toEqual([]);
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.unlock({ recoveryCode: oldCode }))).toBe('vault.wrong-recovery-code');
    await again.unlock({ recoveryCode: newCode });
    expect(again.read()).toEqual({ n: 3, text: 'state 3' });
    again.lock();
    await again.unlock({ passphrase: OLD });
  });

  it('in keychain mode asks the keychain again', async () => {
    const dir = tempDir();
    const v = makeVault(dir);
    const { recoveryCode: oldCode } = await v.create({ mode: 'keychain' });
    const { recoveryCode: newCode } = await v.newRecoveryCode(null);
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.unlock({ recoveryCode: oldCode }))).toBe('vault.wrong-recovery-code');
    await again.unlock({ recoveryCode: newCode });
    again.lock();
    await again.unlock({});
  });
});

describe('scrypt settings in a vault file', () => {
  it('refuses settings this installation never writes before deriving anything', async () => {
    const dir = tempDir();
    const v = makeVault(dir);
    await v.create({ mode: 'passphrase', passphrase: OLD });
    const path = join(dir, VAULT_FILE);
    const b = readFileSync(path);
    const headerLength = b.readUInt32BE(10);
    const header = JSON.parse(b.subarray(14, 14 + headerLength).toString('utf8'));
    Object.assign(header.passphrase.kdf, { logN: 20, r: 32, p: 16 });
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const prefix = Buffer.from(b.subarray(0, 14));
    prefix.writeUInt32BE(json.length, 10);
    const body = Buffer.concat([prefix, json, b.subarray(14 + headerLength, b.length - 4)]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    writeFileSync(path, Buffer.concat([body, sum]));
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.unlock({ passphrase: OLD }))).toBe('vault.corrupt');
  });
});

describe('through the core: forget-code and restore', () => {
  function core(dir: string, pick: string | null = null) {
    return createCore({
      dataDir: dir,
      // The folder dialog answers the mail backup's folder.
      desktop: {
        chooseFolder: async () => pick,
        openPath: async () => {},
        saveFile: async () => null,
        printToPdf: async () => new Uint8Array(),
      },
      appInfo: { name: 'Closeout', version: '0.0.0-test', platform: process.platform, runtime: 'harness' },
      keyProvider: createFileKeyProvider(keyFileFor(dir)),
      clock: new FakeClock(),
      vaultKdfCost: TEST_KDF,
      autoLockTimer: false,
    });
  }

  it('mail:forget-code leaves no copy of the code in any file of the folder', async () => {
    const dir = tempDir();
    const target = tempDir();
    const c = core(dir, target);
    await c.start();
    await c.dispatch('vault:create', { mode: 'passphrase', passphrase: OLD });
    await c.dispatch('plan:create', { address: 'keeper@163.com', planId: 'p1' });
    await c.dispatch('app:choose-folder', { purpose: 'mail-backup' });
    const CODE = 'the-kept-code-93e1';
    const finished = new Promise<void>((r) => c.onEvent((e) => e === 'mail:finished' && r()));
    // Port 1 on loopback refuses at once: the run fails, the code is kept all the same.
    expect(
      await c.dispatch('mail:start-backup', {
        planId: 'p1',
        account: { address: 'keeper@163.com', host: '127.0.0.1', port: 1 },
        authCode: CODE,
        saveCode: true,
        targetDir: target,
      }),
    ).toMatchObject({ ok: true });
    await finished;
    for (let i = 0; i < 3; i++)
      await c.dispatch('plan:apply', { type: 'plan.set-details', planId: 'p1', note: `n${i}` });
    const holding = async () => {
      const out: string[] = [];
      for (const f of vaultFiles(dir)) {
        let parsed;
        try {
          parsed = parseVault(f.bytes);
        } catch {
          continue;
        }
        const key = await unwrapWithSecret(parsed.header.passphrase!, OLD, 'passphrase');
        if (key && decryptVault(parsed, key).includes(CODE)) out.push(f.name);
      }
      return out;
    };
    expect((await holding()).length).toBeGreaterThanOrEqual(4);
    expect(await c.dispatch('mail:forget-code', { address: 'keeper@163.com' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await holding()).toEqual([]);
    await c.close();
  });

  it('vault:restore works only while the file is unreadable, and only with the secret', async () => {
    const dir = tempDir();
    const c = core(dir);
    await c.start();
    await c.dispatch('vault:create', { mode: 'passphrase', passphrase: OLD });
    await c.dispatch('plan:create', { address: 'early@163.com', planId: 'p1' });
    await c.dispatch('plan:create', { address: 'later@163.com', planId: 'p2' });
    const generations = readdirSync(dir).filter((n) => n.includes('.gen-'));
    expect(generations.length).toBeGreaterThan(0);
    // Locked and healthy: no rollback, with or without the secret.
    await c.dispatch('vault:lock', undefined);
    for (const input of [
      { generationId: generations[0]! },
      { generationId: generations[0]!, passphrase: OLD },
    ]) {
      expect(await c.dispatch('vault:restore', input)).toMatchObject({
        ok: false,
        error: { code: 'vault.restore-unavailable' },
      });
    }
    await c.close();

    // The current file is damaged: the offer stands, and the secret is still needed.
    const path = join(dir, VAULT_FILE);
    const b = readFileSync(path);
    b[30] = b[30]! ^ 0x5a;
    writeFileSync(path, b);
    const d = core(dir);
    await d.start();
    const status = await d.dispatch('vault:status', undefined);
    const offer = status.ok
      ? (status.value as { recovery: { generations: { id: string }[] } | null }).recovery
      : null;
    expect(offer?.generations.length).toBeGreaterThan(0);
    const id = offer!.generations[0]!.id;
    expect(await d.dispatch('vault:restore', { generationId: id })).toMatchObject({
      ok: false,
      error: { code: 'vault.passphrase-required' },
    });
    expect(
      await d.dispatch('vault:restore', { generationId: id, passphrase: 'a wrong passphrase' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'vault.wrong-passphrase' },
    });
    expect(await d.dispatch('vault:restore', { generationId: id, passphrase: OLD })).toMatchObject({
      ok: true,
      value: { state: 'locked', recovery: null },
    });
    expect(await d.dispatch('vault:unlock', { passphrase: OLD })).toMatchObject({ ok: true });
    await d.close();
  });
});

describe('destroying generations safely', () => {
  it('never overwrites the current file through a generation that is another name of it', async () => {
    const { DurableFile } = await import('../../../electron/main/vault/durable-file');
    const { linkSync } = await import('node:fs');
    const dir = tempDir();
    const file = new DurableFile(join(dir, 'v.bin'));
    await file.write(Buffer.from('first'));
    await file.write(Buffer.from('second'));
    // A failed save can leave the current file hard-linked as a generation.
    linkSync(join(dir, 'v.bin'), join(dir, 'v.bin.gen-0000000099'));
    await file.destroyGenerations();
    expect(readFileSync(join(dir, 'v.bin'), 'utf8')).toBe('second');
    expect(readdirSync(dir).filter((n) => n.includes('.gen-'))).toEqual([]);
  });

  it('a failed removal does not undo the change; the old generations go with the next save', async () => {
    let failures = 1;
    const fs: DurableFs = {
      ...nodeDurableFs,
      async openExisting(path) {
        if (failures-- > 0) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return nodeDurableFs.openExisting(path);
      },
    };
    const dir = tempDir();
    const clock = new FakeClock();
    const v = makeVault(dir, { fs, clock });
    await v.create({ mode: 'passphrase', passphrase: OLD });
    for (let n = 1; n <= 3; n++) {
      clock.advance(1000);
      await v.update(setDoc({ n, text: `state ${n}` }));
    }
    expect((await v.changePassphrase(OLD, NEW)).status.mode).toBe('passphrase');
    expect((await keysOpenedBy(dir, { passphrase: OLD })).length).toBeGreaterThan(0);
    await v.update(setDoc({ n: 4, text: 'next save' }));
    expect(await keysOpenedBy(dir, { passphrase: OLD })).toEqual([]);
  });
});
