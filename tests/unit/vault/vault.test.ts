import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION, type VaultDocument } from '../../../electron/common/model/document';
import { migrateDocument } from '../../../electron/common/model/migrations';
import { AppFailure, err, ok } from '../../../electron/common/result';
import { vaultDocumentCodec } from '../../../electron/main/vault/codec';
import { parseVault } from '../../../electron/main/vault/cipher';
import { RECOVERY_UNCONFIRMED_FILE, VAULT_FILE, Vault } from '../../../electron/main/vault/vault';
import { createFileKeyProvider } from '../../support/doubles/file-key-provider';
import {
  FakeClock,
  faultyFs,
  keyFileFor,
  makeVault,
  setDoc,
  tempDir,
  testCodec,
  type TestDoc,
} from './helpers';
import { readOnlyFolder } from './read-only-folder';

const PASS = 'correct horse battery';
const FIXTURES = join(import.meta.dirname, '../../fixtures/documents');

async function failure(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
  return 'no error';
}

function flipByte(path: string, at: number): void {
  const b = readFileSync(path);
  b[at] = b[at]! ^ 0x5a;
  writeFileSync(path, b);
}

describe('vault: create and unlock', () => {
  it('creates a keychain vault, saves, and reopens to the same document', async () => {
    const dir = tempDir();
    const v = makeVault(dir);
    const { recoveryCode, status } = await v.create({ mode: 'keychain' });
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(status).toMatchObject({
      state: 'unlocked',
      mode: 'keychain',
      autoLockMinutes: null,
      recovery: null,
    });
    expect(await v.update((d) => ok({ doc: { ...d, n: 1, text: 'secret words' }, value: 'done' }))).toEqual(
      ok('done'),
    );

    const bytes = readFileSync(join(dir, VAULT_FILE));
    expect(bytes.includes(Buffer.from('secret words'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(join(dir, VAULT_FILE)).mode & 0o777).toBe(0o600);

    const again = makeVault(dir);
    expect((await again.open()).state).toBe('locked');
    expect(await failure(() => again.read())).toBe('vault.locked');
    await again.unlock({});
    expect(again.read()).toEqual({ n: 1, text: 'secret words' });
  });

  it('refuses to create over an existing vault', async () => {
    const dir = tempDir();
    await makeVault(dir).create({ mode: 'keychain' });
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.create({ mode: 'keychain' }))).toBe('vault.exists');
  });

  it('requires a passphrase where the keychain is insecure (basic_text) and reports a missing keychain', async () => {
    expect(
      await failure(
        makeVault(tempDir(), { keychain: { availability: 'insecure' } }).create({ mode: 'keychain' }),
      ),
    ).toBe('vault.passphrase-required');
    expect(
      await failure(
        makeVault(tempDir(), { keychain: { availability: 'unavailable' } }).create({ mode: 'keychain' }),
      ),
    ).toBe('vault.keychain-unavailable');
    const insecure = makeVault(tempDir(), { keychain: { availability: 'insecure' } });
    expect((await insecure.open()).keychainInsecure).toBe(true);
    expect((await insecure.create({ mode: 'passphrase', passphrase: PASS })).status.mode).toBe('passphrase');
  });

  it('asks the keychain once at start (open, then unlock) and again on a later unlock', async () => {
    const dir = tempDir();
    await makeVault(dir).create({ mode: 'keychain' });
    const real = createFileKeyProvider(keyFileFor(dir));
    let answer: 'available' | 'unavailable' = 'available';
    let asked = 0;
    const keyProvider = {
      ...real,
      availability: async () => {
        asked++;
        return answer;
      },
    };
    const vault = new Vault({ dataDir: dir, keyProvider, clock: new FakeClock(), codec: testCodec });
    await vault.open();
    expect((await vault.unlock({})).state).toBe('unlocked');
    expect(asked).toBe(1);
    // The keychain goes away: the next unlock asks again and names the cause.
    vault.lock();
    answer = 'unavailable';
    expect(await failure(vault.unlock({}))).toBe('vault.keychain-unavailable');
    expect(asked).toBe(2);
  });

  it('reports a lost keychain entry distinctly', async () => {
    const dir = tempDir();
    await makeVault(dir).create({ mode: 'keychain' });
    rmSync(keyFileFor(dir));
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.unlock({}))).toBe('vault.keychain-entry-missing');
    expect(existsSync(join(dir, VAULT_FILE))).toBe(true);
  });

  it('unlocks a passphrase vault with the passphrase or the recovery code, and rejects wrong ones', async () => {
    const dir = tempDir();
    const { recoveryCode } = await makeVault(dir).create({ mode: 'passphrase', passphrase: PASS });
    const v = makeVault(dir);
    await v.open();
    expect(await failure(v.unlock({ passphrase: 'wrong passphrase' }))).toBe('vault.wrong-passphrase');
    expect(await failure(v.unlock({}))).toBe('vault.passphrase-required');
    expect(await failure(v.unlock({ recoveryCode: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }))).toBe(
      'vault.wrong-recovery-code',
    );
    expect(await failure(v.unlock({ recoveryCode: 'not a code' }))).toBe('vault.wrong-recovery-code');
    // Typed by hand: lower case, spaces instead of dashes.
    expect((await v.unlock({ recoveryCode: recoveryCode.toLowerCase().replace(/-/g, ' ') })).state).toBe(
      'unlocked',
    );
    v.lock();
    expect((await v.unlock({ passphrase: PASS })).state).toBe('unlocked');
  });

  it('rejects a short passphrase', async () => {
    expect(await failure(makeVault(tempDir()).create({ mode: 'passphrase', passphrase: 'short' }))).toBe(
      'vault.weak-passphrase',
    );
  });

  it('uses scrypt N=2^17, r=8, p=1 by default', async () => {
    const dir = tempDir();
    const real = new Vault({
      dataDir: dir,
      keyProvider: createFileKeyProvider(keyFileFor(dir)),
      clock: new FakeClock(),
      codec: vaultDocumentCodec,
    });
    await real.create({ mode: 'passphrase', passphrase: PASS });
    const { header } = parseVault(readFileSync(join(dir, VAULT_FILE)));
    expect(header.passphrase?.kdf).toMatchObject({ name: 'scrypt', logN: 17, r: 8, p: 1 });
    expect(header.recovery.kdf).toMatchObject({ logN: 17, r: 8, p: 1 });
  });
});

describe('vault: a recovery code not confirmed as written down', () => {
  it('is remembered on disk until confirmed, across a restart, and again for every new code', async () => {
    // An outside tester reloaded the window while the code was shown: it was gone, and nothing
    // ever said so. The vault now remembers that the last code was not confirmed.
    const dir = tempDir();
    const marker = join(dir, RECOVERY_UNCONFIRMED_FILE);
    const v = makeVault(dir);
    const { status } = await v.create({ mode: 'passphrase', passphrase: PASS });
    expect(status.recoveryCodeUnconfirmed).toBe(true);
    expect(existsSync(marker)).toBe(true);
    // The marker holds no secret: only that a code was not confirmed.
    expect(readFileSync(marker, 'utf8')).toMatch(/^A recovery code issued at \S+ was not yet confirmed/);

    // Restarted (a new process opens the same folder): still not confirmed, locked and unlocked.
    const again = makeVault(dir);
    expect((await again.open()).recoveryCodeUnconfirmed).toBe(true);
    expect((await again.unlock({ passphrase: PASS })).recoveryCodeUnconfirmed).toBe(true);
    expect((await again.confirmRecoveryCode()).recoveryCodeUnconfirmed).toBe(false);
    expect(existsSync(marker)).toBe(false);
    expect((await makeVault(dir).open()).recoveryCodeUnconfirmed).toBe(false);

    // A new code is unconfirmed again until typed back; confirming needs the vault open.
    const { status: renewed } = await again.newRecoveryCode(PASS);
    expect(renewed.recoveryCodeUnconfirmed).toBe(true);
    again.lock();
    await expect(again.confirmRecoveryCode()).rejects.toMatchObject({ code: 'vault.locked' });
    expect(existsSync(marker)).toBe(true);
  });
});

describe('vault: passphrase changes and auto-lock', () => {
  it('changes the passphrase; the old one stops working, the recovery code still works', async () => {
    const dir = tempDir();
    const v = makeVault(dir);
    const { recoveryCode } = await v.create({ mode: 'passphrase', passphrase: PASS });
    await v.update(setDoc({ n: 5, text: 'kept' }));
    expect(await failure(v.changePassphrase('not the passphrase', 'new passphrase 2'))).toBe(
      'vault.wrong-passphrase',
    );
    await v.changePassphrase(PASS, 'new passphrase 2');
    const again = makeVault(dir);
    await again.open();
    expect(await failure(again.unlock({ passphrase: PASS }))).toBe('vault.wrong-passphrase');
    await again.unlock({ passphrase: 'new passphrase 2' });
    expect(again.read()).toEqual({ n: 5, text: 'kept' });
    // A forgotten passphrase: unlock with the recovery code, then set a new one proving it with the code.
    again.lock();
    await again.unlock({ recoveryCode });
    await again.changePassphrase(recoveryCode, 'third passphrase');
    again.lock();
    expect((await again.unlock({ passphrase: 'third passphrase' })).state).toBe('unlocked');
  });

  it('switches a keychain vault to a passphrase when one is set', async () => {
    const dir = tempDir();
    const v = makeVault(dir);
    const { recoveryCode } = await v.create({ mode: 'keychain' });
    const { status } = await v.changePassphrase(recoveryCode, PASS);
    expect(status.mode).toBe('passphrase');
    const { header } = parseVault(readFileSync(join(dir, VAULT_FILE)));
    expect(header.keychain).toBeUndefined();
  });

  it('locks a passphrase vault after the idle time on the injected clock, and only then', async () => {
    const clock = new FakeClock();
    const v = makeVault(tempDir(), { clock });
    await v.create({ mode: 'passphrase', passphrase: PASS });
    await v.setAutoLock(10);
    clock.advance(9 * 60_000);
    expect(v.checkAutoLock()).toBe(false);
    v.touch();
    clock.advance(9 * 60_000);
    expect(v.checkAutoLock()).toBe(false);
    const events: boolean[] = [];
    v.onLockChange((u) => events.push(u));
    clock.advance(60_000);
    expect(v.checkAutoLock()).toBe(true);
    expect(v.isUnlocked()).toBe(false);
    expect(events).toEqual([false]);
    expect(await failure(() => v.read())).toBe('vault.locked');
    expect((await v.update(setDoc({ n: 1, text: '' }))).ok).toBe(false);
  });

  it('never auto-locks when auto-lock is off or in keychain mode', async () => {
    const clock = new FakeClock();
    const p = makeVault(tempDir(), { clock });
    await p.create({ mode: 'passphrase', passphrase: PASS });
    await p.setAutoLock(null);
    const k = makeVault(tempDir(), { clock });
    await k.create({ mode: 'keychain' });
    clock.advance(30 * 24 * 3600_000);
    expect(p.checkAutoLock()).toBe(false);
    expect(k.checkAutoLock()).toBe(false);
  });
});

describe('vault: damage is quarantined and reported, never reset', () => {
  async function withHistory(dir: string, clock = new FakeClock()) {
    const v = makeVault(dir, { clock });
    await v.create({ mode: 'keychain' });
    for (let n = 1; n <= 3; n++) {
      clock.advance(1000);
      await v.update(setDoc({ n, text: `state ${n}` }));
    }
    return v;
  }

  it('quarantines a corrupt file at open and offers the newest verified generation', async () => {
    const dir = tempDir();
    await withHistory(dir);
    flipByte(join(dir, VAULT_FILE), 200);
    const v = makeVault(dir);
    const status = await v.open();
    expect(status.state).toBe('absent');
    expect(status.recovery?.problem).toBe('corrupt');
    const q = status.recovery!.quarantinedAs!;
    expect(existsSync(join(dir, q))).toBe(true);
    expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
    const gens = status.recovery!.generations;
    expect(gens.length).toBeGreaterThanOrEqual(3);
    expect(gens.map((g) => g.savedAt)).toEqual([...gens.map((g) => g.savedAt)].sort().reverse());

    const restored = await v.restore(gens[0]!.id, {});
    expect(restored).toMatchObject({ state: 'locked', recovery: null });
    await v.unlock({});
    expect(v.read()).toEqual({ n: 2, text: 'state 2' });
    expect(existsSync(join(dir, q))).toBe(true);
  });

  it('quarantines a file whose checksum was recomputed after a change (tampering) at unlock', async () => {
    const dir = tempDir();
    await withHistory(dir);
    const path = join(dir, VAULT_FILE);
    const b = readFileSync(path);
    b[b.length - 60] = b[b.length - 60]! ^ 1;
    b.writeUInt32BE(crc32(b.subarray(0, b.length - 4)), b.length - 4);
    writeFileSync(path, b);
    const v = makeVault(dir);
    expect((await v.open()).state).toBe('locked');
    expect(await failure(v.unlock({}))).toBe('vault.tampered');
    const status = v.status();
    expect(status.recovery).toMatchObject({ problem: 'tampered' });
    expect(existsSync(join(dir, status.recovery!.quarantinedAs!))).toBe(true);
    expect(v.isUnlocked()).toBe(false);
  });

  it('never opens a damaged file as an empty vault, whatever byte is damaged', async () => {
    const dir = tempDir();
    await withHistory(dir);
    const original = readFileSync(join(dir, VAULT_FILE));
    for (const at of [
      0,
      9,
      13,
      40,
      Math.floor(original.length / 2),
      original.length - 40,
      original.length - 1,
    ]) {
      writeFileSync(join(dir, VAULT_FILE), original);
      flipByte(join(dir, VAULT_FILE), at);
      const v = makeVault(dir);
      await v.open();
      const code = await failure(v.unlock({}));
      expect(['vault.corrupt', 'vault.tampered', 'vault.absent']).toContain(code);
      expect(v.isUnlocked()).toBe(false);
      expect(v.status().recovery?.problem).toBe('corrupt');
    }
  });

  it('offers the generations when the file itself is missing', async () => {
    const dir = tempDir();
    await withHistory(dir);
    rmSync(join(dir, VAULT_FILE));
    const status = await makeVault(dir).open();
    expect(status.recovery).toMatchObject({ problem: 'missing', quarantinedAs: null });
    expect(status.recovery!.generations.length).toBeGreaterThan(0);
  });
});

describe('vault: document store', () => {
  it('serializes concurrent updates, each seeing the previous one', async () => {
    const v = makeVault(tempDir());
    await v.create({ mode: 'keychain' });
    const seen: number[] = [];
    v.onChange((d) => seen.push(d.n));
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        v.update((d: TestDoc) => ok({ doc: { ...d, n: d.n + 1 }, value: d.n + 1 })),
      ),
    );
    expect(results.map((r) => (r.ok ? r.value : -1))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('returns a refused update unchanged and does not save', async () => {
    const dir = tempDir();
    const v = makeVault(dir);
    await v.create({ mode: 'keychain' });
    const before = readFileSync(join(dir, VAULT_FILE));
    expect(await v.update(() => err('vault.locked', 'no'))).toEqual(err('vault.locked', 'no'));
    expect(readFileSync(join(dir, VAULT_FILE)).equals(before)).toBe(true);
  });

  it('keeps the previous document in memory and on disk when the disk is full (fs facade)', async () => {
    const dir = tempDir();
    let full = false;
    const fs = faultyFs({ write: (done, asked) => (full ? (done > 100 ? 'ENOSPC' : 100) : asked) });
    const v = makeVault(dir, { fs });
    await v.create({ mode: 'keychain' });
    await v.update(setDoc({ n: 1, text: 'saved' }));
    full = true;
    const r = await v.update(setDoc({ n: 2, text: 'x'.repeat(10_000) }));
    expect(r.ok ? 'ok' : r.error.code).toBe('vault.disk-full');
    expect(v.read()).toEqual({ n: 1, text: 'saved' });
    const again = makeVault(dir);
    await again.open();
    await again.unlock({});
    expect(again.read()).toEqual({ n: 1, text: 'saved' });
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('reports a read-only folder and keeps the previous state (a real read-only folder)', async () => {
    const ro = readOnlyFolder();
    if (!ro) {
      // Root without mount rights: chmod does not bind root and nothing else makes a folder
      // read-only, so this environment cannot exercise it for real. The fs-facade test below still runs.
      expect(process.getuid?.()).toBe(0);
      return;
    }
    try {
      expect(ro.how).toBe(process.getuid?.() === 0 ? 'remount' : 'chmod');
      const v = makeVault(ro.dir);
      await v.create({ mode: 'keychain' });
      await v.update(setDoc({ n: 1, text: 'before' }));
      ro.makeReadOnly();
      const r = await v.update(setDoc({ n: 2, text: 'after' }));
      expect(r.ok ? 'ok' : r.error.code).toBe('vault.read-only');
      expect(v.read()).toEqual({ n: 1, text: 'before' });
      const again = makeVault(ro.dir);
      await again.open();
      await again.unlock({});
      expect(again.read()).toEqual({ n: 1, text: 'before' });
      ro.makeWritable();
    } finally {
      ro.dispose();
    }
  });

  it('reports EROFS from the fs facade as vault.read-only', async () => {
    const dir = tempDir();
    let ro = false;
    const v = makeVault(dir, { fs: faultyFs({ create: () => (ro ? 'EROFS' : null) }) });
    await v.create({ mode: 'keychain' });
    ro = true;
    const r = await v.update(setDoc({ n: 2, text: '' }));
    expect(r.ok ? 'ok' : r.error.code).toBe('vault.read-only');
  });
});

describe('vault: document migrations', () => {
  it('runs migrateDocument on open: a stored document of every earlier version comes back current', async () => {
    // The closure domain keeps a fixture of each earlier version in tests/fixtures/documents/.
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    const stored = fixtures.map(
      (f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown>,
    );
    const versions = new Set(stored.map((d) => d.schemaVersion));
    for (let v = 1; v < DOCUMENT_VERSION; v++)
      expect(versions, `a fixture of document version ${v}`).toContain(v);
    for (const old of stored) {
      const dir = tempDir();
      const writer = makeVault<Record<string, unknown>>(dir, {
        codec: { empty: () => old, migrate: (raw) => ok(raw as Record<string, unknown>) },
      });
      await writer.create({ mode: 'keychain' });
      const reader = makeVault<VaultDocument>(dir, { codec: vaultDocumentCodec });
      await reader.open();
      await reader.unlock({});
      const expected = migrateDocument(old);
      expect(expected.ok).toBe(true);
      expect(reader.read()).toEqual(expected.ok ? expected.value : null);
      expect(reader.read().schemaVersion).toBe(DOCUMENT_VERSION);
    }
  });

  it('leaves a document from a newer release in place and says so', async () => {
    const dir = tempDir();
    const writer = makeVault<Record<string, unknown>>(dir, {
      codec: {
        empty: () => ({ schemaVersion: DOCUMENT_VERSION + 1 }),
        migrate: (raw) => ok(raw as Record<string, unknown>),
      },
    });
    await writer.create({ mode: 'keychain' });
    const reader = makeVault<VaultDocument>(dir, { codec: vaultDocumentCodec });
    await reader.open();
    expect(await failure(reader.unlock({}))).toBe('vault.newer-version');
    expect(reader.status().recovery).toMatchObject({ problem: 'newer-version', quarantinedAs: null });
    expect(existsSync(join(dir, VAULT_FILE))).toBe(true);
  });

  it('quarantines a document that decrypts but does not match its schema', async () => {
    const dir = tempDir();
    const writer = makeVault<Record<string, unknown>>(dir, {
      codec: {
        empty: () => ({ schemaVersion: DOCUMENT_VERSION, plans: 'not a list' }),
        migrate: (raw) => ok(raw as Record<string, unknown>),
      },
    });
    await writer.create({ mode: 'keychain' });
    const reader = makeVault<VaultDocument>(dir, { codec: vaultDocumentCodec });
    await reader.open();
    expect(await failure(reader.unlock({}))).toBe('vault.corrupt');
    expect(reader.status().recovery?.problem).toBe('corrupt');
  });
});
