import { randomBytes } from 'node:crypto';
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../common/clock';
import type { VaultGeneration, VaultRecoveryOffer, VaultStatus } from '../../common/contract/vault';
import { AppFailure, err, ok, type Result } from '../../common/result';
import type { KeyAvailability, KeyProvider } from '../key-providers/key-provider';
import { decryptVault, encryptVault, parseVault, type ParsedVault } from './cipher';
import type { DocumentCodec } from './codec';
import type { DocumentStore } from './document-store';
import type { DurableFs } from './durable-fs';
import { DurableFile } from './durable-file';
import type { RecoveryWrap, SecretWrap, VaultHeader } from './header';
import {
  DEFAULT_KDF_COST,
  isKnownCost,
  newDataKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  openWithRecoveryCode,
  recoveryLockFor,
  sameKey,
  sealForRecovery,
  unwrapWithSecret,
  wrapWithSecret,
  type KdfCost,
} from './keys';

export const VAULT_FILE = 'vault.closeout';
/**
 * Beside the vault while a recovery code it issued has not been confirmed as written down (the
 * code is shown once, in the window): a reload or a restart in between would otherwise lose it
 * without a word. Holds no secret, only that fact; the app asks for a new code while it is there.
 */
export const RECOVERY_UNCONFIRMED_FILE = 'recovery-code-unconfirmed';
export const MIN_PASSPHRASE_LENGTH = 8;
/** Passphrase vaults lock after this many idle minutes unless the user changes it. */
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export interface VaultOptions<D> {
  dataDir: string;
  keyProvider: KeyProvider;
  clock: Clock;
  codec: DocumentCodec<D>;
  /** Lower scrypt cost: tests only. Real vaults use DEFAULT_KDF_COST. */
  kdfCost?: KdfCost;
  fs?: DurableFs;
  generations?: number;
}

export type CreateInput = { mode: 'keychain' } | { mode: 'passphrase'; passphrase: string };
export type UnlockInput = { passphrase: string } | { recoveryCode: string } | Record<string, never>;

/** A change that gave the vault a new data key; `recoveryCode` is set when a new code was issued (shown once). */
export interface Rekeyed {
  status: VaultStatus;
  recoveryCode: string | null;
}

interface Session<D> {
  key: Buffer;
  header: VaultHeader;
  doc: D;
}

/**
 * The encrypted, durable vault: one file, its verified generations and the unlocked session.
 * Every operation that reads or writes the file runs through one queue, so saves never interleave.
 */
export class Vault<D> implements DocumentStore<D> {
  private readonly file: DurableFile;
  private readonly cost: KdfCost;
  private header: VaultHeader | null = null;
  private session: Session<D> | null = null;
  private recovery: VaultRecoveryOffer | null = null;
  /** The file as `open` read it, so the unlock that normally follows does not read and hash it again. */
  private opened: ParsedVault | null = null;
  private keychain: KeyAvailability = 'unavailable';
  private lastActivity = 0;
  /** RECOVERY_UNCONFIRMED_FILE is there: the last code issued was not confirmed as written down. */
  private recoveryUnconfirmed = false;
  /** Earlier generations under a retired key or holding a forgotten secret, not yet destroyed (a failed attempt). */
  private pendingDestroy = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changeListeners = new Set<(doc: D) => void>();
  private readonly lockListeners = new Set<(unlocked: boolean) => void>();
  private readonly statusListeners = new Set<(status: VaultStatus) => void>();

  constructor(private readonly options: VaultOptions<D>) {
    this.file = new DurableFile(join(options.dataDir, VAULT_FILE), {
      fs: options.fs,
      generations: options.generations,
    });
    this.cost = options.kdfCost ?? DEFAULT_KDF_COST;
  }

  /** Sweeps temp files, reads the header (no key needed) and quarantines a damaged file. */
  open(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.keychain = await this.options.keyProvider.availability().catch(() => 'unavailable' as const);
      // A read-only folder must still open; its leftovers are swept on a later, writable start.
      await this.file.sweepTemp().catch(() => 0);
      await this.loadHeader();
      this.recoveryUnconfirmed = await access(this.unconfirmedPath()).then(
        () => true,
        () => false,
      );
      return this.changed();
    });
  }

  private unconfirmedPath(): string {
    return join(this.options.dataDir, RECOVERY_UNCONFIRMED_FILE);
  }

  /**
   * A recovery code was just issued (shown once): until the person confirms it, remember that on
   * disk. Best effort: failing to write the reminder must not fail the vault change it follows.
   */
  private async recoveryIssued(): Promise<void> {
    this.recoveryUnconfirmed = true;
    await writeFile(
      this.unconfirmedPath(),
      `A recovery code issued at ${new Date(this.options.clock.now()).toISOString()} was not yet confirmed as written down.\n`,
      { mode: 0o600 },
    ).catch(() => {});
  }

  /** The person typed back part of the last recovery code issued: it is written down. */
  confirmRecoveryCode(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.requireSession();
      await rm(this.unconfirmedPath(), { force: true });
      this.recoveryUnconfirmed = false;
      return this.changed();
    });
  }

  status(): VaultStatus {
    const header = this.header ?? this.session?.header ?? null;
    return {
      state: this.session ? 'unlocked' : header ? 'locked' : 'absent',
      mode: header?.mode ?? null,
      keychainAvailable: this.keychain === 'available',
      keychainInsecure: this.keychain === 'insecure',
      autoLockMinutes: header?.autoLockMinutes ?? null,
      dataDir: this.options.dataDir,
      recovery: this.recovery,
      recoveryCodeUnconfirmed: header !== null && this.recoveryUnconfirmed,
    };
  }

  create(input: CreateInput): Promise<{ recoveryCode: string; status: VaultStatus }> {
    return this.exclusive(async () => {
      if (this.header || (await this.file.read()))
        throw new AppFailure('vault.exists', 'A vault already exists');
      this.keychain = await this.options.keyProvider.availability().catch(() => 'unavailable' as const);
      // Refuse before spending a second on scrypt.
      if (input.mode === 'keychain' && this.keychain === 'insecure') {
        throw new AppFailure('vault.passphrase-required', 'The keychain would store the key unprotected');
      }
      if (input.mode === 'keychain' && this.keychain === 'unavailable') {
        throw new AppFailure('vault.keychain-unavailable', 'No keychain');
      }
      if (input.mode === 'passphrase') checkStrength(input.passphrase);
      const key = newDataKey();
      const recoveryCode = newRecoveryCode();
      const recovery = sealForRecovery(key, await recoveryLockFor(recoveryCode, this.cost));
      let header: VaultHeader;
      if (input.mode === 'keychain') {
        const blob = await this.options.keyProvider.encrypt(key).catch(() => {
          throw new AppFailure('vault.keychain-unavailable', 'The keychain refused to store the key');
        });
        header = {
          mode: 'keychain',
          keychain: blob.toString('base64'),
          recovery,
          autoLockMinutes: null,
          savedAt: 0,
        };
      } else {
        const passphrase = await wrapWithSecret(key, input.passphrase, 'passphrase', this.cost);
        header = {
          mode: 'passphrase',
          passphrase,
          recovery,
          autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
          savedAt: 0,
        };
      }
      const doc = this.options.codec.empty(new Date(this.options.clock.now()).toISOString());
      await this.file.ensureDir();
      const saved = await this.save(key, header, doc);
      this.header = saved;
      this.recovery = null;
      this.begin({ key, header: saved, doc });
      await this.recoveryIssued();
      return { recoveryCode, status: this.changed() };
    });
  }

  unlock(input: UnlockInput): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.session) return this.status();
      // The unlock that follows open() (the app's start) uses the file open() read and the
      // keychain answer it got, instead of asking the keychain (an async call) a second time.
      const fresh = this.opened;
      const parsed = fresh ?? (await this.readCurrent());
      this.opened = null;
      const key = await this.unwrap(parsed.header, input, fresh ? this.keychain : undefined);
      const doc = await this.decode(parsed, key);
      this.header = parsed.header;
      this.begin({ key, header: parsed.header, doc });
      return this.changed();
    });
  }

  lock(): VaultStatus {
    if (this.session) {
      this.session.key.fill(0);
      this.session = null;
      for (const l of this.lockListeners) safely(() => l(false));
    }
    return this.changed();
  }

  /**
   * Sets a new passphrase (a keychain vault switches to passphrase mode). The vault gets a new
   * data key and every earlier generation, readable with the old passphrase or keychain entry, is
   * destroyed: the old secret opens no copy kept here afterwards. The recovery code keeps working
   * (it is sealed for the new key); a vault made before sealed recovery gets a new code, returned.
   */
  changePassphrase(current: string, next: string): Promise<Rekeyed> {
    return this.exclusive(async () => {
      const s = this.requireSession();
      checkStrength(next);
      // The recovery code is accepted as `current` too: that is how a forgotten passphrase is replaced.
      const asPassphrase = s.header.passphrase && (await this.openWrap(s.header.passphrase, current));
      const code = asPassphrase ? null : normalizeRecoveryCode(current);
      const asRecovery = code ? await this.openRecovery(s.header.recovery, code) : null;
      const proven = asPassphrase || asRecovery;
      if (!proven || !sameKey(proven, s.key))
        throw new AppFailure('vault.wrong-passphrase', 'Wrong passphrase');
      proven.fill(0);
      const recoveryCode = await this.rekey(s, { mode: 'passphrase', passphrase: next }, code);
      if (recoveryCode) await this.recoveryIssued();
      return { status: this.changed(), recoveryCode };
    });
  }

  /**
   * Issues a new recovery code (shown once): a new data key, sealed for the new code, and every
   * earlier generation destroyed, so the old code opens nothing kept here. Needs the current
   * secret: the passphrase, or for a keychain vault the keychain itself (asked again).
   */
  newRecoveryCode(current: string | null): Promise<{ status: VaultStatus; recoveryCode: string }> {
    return this.exclusive(async () => {
      const s = this.requireSession();
      let proven: Buffer | null;
      if (s.header.mode === 'passphrase') {
        proven = s.header.passphrase && current ? await this.openWrap(s.header.passphrase, current) : null;
        if (!proven || !sameKey(proven, s.key))
          throw new AppFailure('vault.wrong-passphrase', 'Wrong passphrase');
      } else {
        proven = await this.unwrap(s.header, {});
        if (!sameKey(proven, s.key))
          throw new AppFailure('vault.keychain-entry-missing', 'The keychain holds another key');
      }
      proven.fill(0);
      const target =
        s.header.mode === 'passphrase'
          ? { mode: 'passphrase' as const, passphrase: current! }
          : { mode: 'keychain' as const };
      const recoveryCode = newRecoveryCode();
      await this.rekey(s, target, null, recoveryCode);
      await this.recoveryIssued();
      return { status: this.changed(), recoveryCode };
    });
  }

  setAutoLock(minutes: number | null): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const s = this.requireSession();
      await this.commitHeader(s, { ...s.header, autoLockMinutes: minutes });
      return this.changed();
    });
  }

  /**
   * Makes a verified earlier generation the current file again; the vault is then locked. Only
   * while a recovery offer stands (the current file could not be read), and only with the secret
   * that opens that generation (passphrase, recovery code, or the keychain): a healthy vault is
   * never rolled back, and a locked one never without its secret.
   */
  restore(generationId: string, input: UnlockInput = {}): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (!this.recovery) {
        throw new AppFailure(
          'vault.restore-unavailable',
          'Earlier versions are offered only when the vault file cannot be read',
        );
      }
      const bytes = await this.file.readGeneration(generationId);
      const parsed = parseVault(bytes);
      const key = await this.unwrap(parsed.header, input);
      try {
        decryptVault(parsed, key);
      } finally {
        key.fill(0);
      }
      await this.file.write(bytes);
      this.lock();
      this.recovery = null;
      await this.loadHeader();
      return this.changed();
    });
  }

  /**
   * Destroys every earlier generation (overwritten, then removed): after a secret left the
   * document (`mail:forget-code`), the copies that still hold it go too.
   */
  destroyEarlierVersions(): Promise<void> {
    return this.exclusive(async () => {
      this.requireSession();
      await this.file.destroyGenerations();
      this.pendingDestroy = false;
    });
  }

  /** Records user activity for auto-lock. */
  touch(): void {
    this.lastActivity = this.options.clock.now();
  }

  /** Locks a passphrase vault idle for longer than its auto-lock time; returns whether it locked. */
  checkAutoLock(): boolean {
    const s = this.session;
    const minutes = s?.header.autoLockMinutes;
    if (!s || s.header.mode !== 'passphrase' || !minutes) return false;
    if (this.options.clock.now() - this.lastActivity < minutes * 60_000) return false;
    this.lock();
    return true;
  }

  onStatus(listener: (status: VaultStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  // DocumentStore

  isUnlocked(): boolean {
    return this.session !== null;
  }

  read(): D {
    return this.requireSession().doc;
  }

  update<T>(fn: (doc: D) => Result<{ doc: D; value: T }>): Promise<Result<T>> {
    return this.exclusive(async (): Promise<Result<T>> => {
      try {
        const s = this.requireSession();
        const r = fn(s.doc);
        if (!r.ok) return r;
        const header = await this.save(s.key, s.header, r.value.doc);
        if (this.session === s) {
          s.doc = r.value.doc;
          s.header = header;
          this.header = header;
          for (const l of this.changeListeners) safely(() => l(s.doc));
        }
        return ok(r.value.value);
      } catch (e) {
        if (e instanceof AppFailure) return err(e.code, e.message, e.params);
        throw e;
      }
    });
  }

  onChange(listener: (doc: D) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onLockChange(listener: (unlocked: boolean) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  // internals

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private requireSession(): Session<D> {
    if (!this.session) throw new AppFailure('vault.locked', 'The vault is locked');
    return this.session;
  }

  private begin(session: Session<D>): void {
    this.session = session;
    this.touch();
    for (const l of this.lockListeners) safely(() => l(true));
  }

  private changed(): VaultStatus {
    const status = this.status();
    for (const l of this.statusListeners) safely(() => l(status));
    return status;
  }

  private async save(key: Buffer, header: VaultHeader, doc: D): Promise<VaultHeader> {
    const next = { ...header, savedAt: this.options.clock.now() };
    const plain = Buffer.from(JSON.stringify(doc), 'utf8');
    await this.file.write(encryptVault(next, key, randomBytes(12), plain));
    if (this.pendingDestroy) await this.destroyGenerationsNow();
    return next;
  }

  /**
   * Replaces the data key: the document is written under a new key wrapped for `target` and the
   * recovery code (the same code, sealed again, or `issue` when given), then every generation
   * under the old key is destroyed. Returns the new recovery code when one had to be issued.
   */
  private async rekey(
    s: Session<D>,
    target: { mode: 'passphrase'; passphrase: string } | { mode: 'keychain' },
    knownCode: string | null,
    issue?: string,
  ): Promise<string | null> {
    const key = newDataKey();
    let issued: string | null = issue ?? null;
    let recovery: VaultHeader['recovery'];
    if (issue) {
      recovery = sealForRecovery(key, await recoveryLockFor(issue, this.cost));
    } else if ('publicKey' in s.header.recovery) {
      recovery = sealForRecovery(key, s.header.recovery);
    } else {
      // A vault made before sealed recovery: its code can be carried over only if it was just typed.
      issued = knownCode ? null : newRecoveryCode();
      recovery = sealForRecovery(key, await recoveryLockFor(knownCode ?? issued!, this.cost));
    }
    let header: VaultHeader;
    if (target.mode === 'passphrase') {
      header = {
        ...s.header,
        keychain: undefined,
        mode: 'passphrase',
        passphrase: await wrapWithSecret(key, target.passphrase, 'passphrase', this.cost),
        recovery,
        autoLockMinutes: s.header.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
      };
    } else {
      const blob = await this.options.keyProvider.encrypt(key).catch(() => {
        throw new AppFailure('vault.keychain-unavailable', 'The keychain refused to store the key');
      });
      header = {
        ...s.header,
        mode: 'keychain',
        keychain: blob.toString('base64'),
        passphrase: undefined,
        recovery,
      };
    }
    const saved = await this.save(key, header, s.doc);
    s.key.fill(0);
    s.key = key;
    s.header = saved;
    this.header = saved;
    this.pendingDestroy = true;
    await this.destroyGenerationsNow();
    return issued;
  }

  /** Destroys the earlier generations; on failure they are tried again after the next save. */
  private async destroyGenerationsNow(): Promise<void> {
    try {
      await this.file.destroyGenerations();
      this.pendingDestroy = false;
    } catch {
      // The new file is saved and verified; what failed is only the removal of old copies.
    }
  }

  /** A passphrase wrap opened with `secret`; refuses scrypt settings this installation never writes. */
  private async openWrap(wrap: SecretWrap, secret: string): Promise<Buffer | null> {
    this.checkCost(wrap.kdf);
    return unwrapWithSecret(wrap, secret, 'passphrase');
  }

  private async openRecovery(wrap: RecoveryWrap | SecretWrap, code: string): Promise<Buffer | null> {
    this.checkCost(wrap.kdf);
    return 'publicKey' in wrap ? openWithRecoveryCode(wrap, code) : unwrapWithSecret(wrap, code, 'recovery');
  }

  private checkCost(cost: KdfCost): void {
    // A file chooses its own parameters: logN 20, r 32, p 16 would take gigabytes before the secret is tried.
    if (!isKnownCost(cost, [this.cost]))
      throw new AppFailure('vault.corrupt', 'Unknown key-derivation settings');
  }

  private async commitHeader(s: Session<D>, header: VaultHeader): Promise<void> {
    const saved = await this.save(s.key, header, s.doc);
    s.header = saved;
    this.header = saved;
  }

  private async readCurrent(): Promise<ParsedVault> {
    const bytes = await this.file.read();
    if (!bytes) throw new AppFailure('vault.absent', 'There is no vault to unlock');
    return this.parseOrQuarantine(bytes);
  }

  private async loadHeader(): Promise<void> {
    this.header = null;
    this.opened = null;
    const bytes = await this.file.read();
    if (!bytes) {
      const generations = await this.verifiedGenerations();
      if (generations.length > 0) this.recovery = { problem: 'missing', quarantinedAs: null, generations };
      return;
    }
    this.opened = await this.parseOrQuarantine(bytes).catch(() => null);
    this.header = this.opened?.header ?? null;
  }

  /** Parses the file; a damaged one is moved aside and reported, never replaced by an empty vault. */
  private async parseOrQuarantine(bytes: Buffer): Promise<ParsedVault> {
    try {
      return parseVault(bytes);
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'vault.newer-version') {
        // Left in place: the newer release that wrote it can still read it.
        this.recovery = {
          problem: 'newer-version',
          quarantinedAs: null,
          generations: await this.verifiedGenerations(),
        };
        throw e;
      }
      await this.quarantine('corrupt');
      throw e;
    }
  }

  private async quarantine(problem: 'corrupt' | 'tampered'): Promise<void> {
    const stamp = new Date(this.options.clock.now()).toISOString().replace(/[:.]/g, '-');
    // Where the file cannot be moved (read-only folder) it stays in place, still never overwritten:
    // create refuses while it exists and a restore keeps it as a generation.
    const quarantinedAs = await this.file.quarantine(stamp).catch(() => null);
    this.header = null;
    this.recovery = { problem, quarantinedAs, generations: await this.verifiedGenerations() };
    this.changed();
  }

  private async verifiedGenerations(): Promise<VaultGeneration[]> {
    const out: VaultGeneration[] = [];
    for (const gen of await this.file.generations()) {
      try {
        const { header } = parseVault(await this.file.readGeneration(gen.id));
        out.push({ id: gen.id, savedAt: new Date(header.savedAt).toISOString(), mode: header.mode });
      } catch {
        // A damaged generation is not offered.
      }
    }
    return out;
  }

  /** `keychain`: the availability open() just found; asked again when absent. */
  private async unwrap(header: VaultHeader, input: UnlockInput, keychain?: KeyAvailability): Promise<Buffer> {
    if ('passphrase' in input && typeof input.passphrase === 'string') {
      const key = header.passphrase ? await this.openWrap(header.passphrase, input.passphrase) : null;
      if (!key) throw new AppFailure('vault.wrong-passphrase', 'Wrong passphrase');
      return key;
    }
    if ('recoveryCode' in input && typeof input.recoveryCode === 'string') {
      const code = normalizeRecoveryCode(input.recoveryCode);
      const key = code ? await this.openRecovery(header.recovery, code) : null;
      if (!key) throw new AppFailure('vault.wrong-recovery-code', 'Wrong recovery code');
      return key;
    }
    if (!header.keychain)
      throw new AppFailure('vault.passphrase-required', 'This vault is protected by a passphrase');
    const availability =
      keychain ?? (await this.options.keyProvider.availability().catch(() => 'unavailable' as const));
    if (availability === 'unavailable') throw new AppFailure('vault.keychain-unavailable', 'No keychain');
    try {
      const key = await this.options.keyProvider.decrypt(Buffer.from(header.keychain, 'base64'));
      if (key.length !== 32) throw new Error('wrong key length');
      return key;
    } catch {
      throw new AppFailure('vault.keychain-entry-missing', 'The keychain could not unwrap the vault key');
    }
  }

  private async decode(parsed: ParsedVault, key: Buffer): Promise<D> {
    let plain: Buffer;
    try {
      plain = decryptVault(parsed, key);
    } catch (e) {
      key.fill(0);
      await this.quarantine('tampered');
      throw e;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(plain.toString('utf8'));
    } catch {
      raw = undefined;
    }
    const migrated = this.options.codec.migrate(raw);
    if (migrated.ok) return migrated.value;
    key.fill(0);
    if (migrated.error.code === 'vault.newer-version') {
      this.recovery = {
        problem: 'newer-version',
        quarantinedAs: null,
        generations: await this.verifiedGenerations(),
      };
      this.changed();
    } else {
      await this.quarantine('corrupt');
    }
    throw new AppFailure(migrated.error.code, migrated.error.message);
  }
}

function checkStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppFailure('vault.weak-passphrase', 'The passphrase is too short', {
      min: MIN_PASSPHRASE_LENGTH,
    });
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // A listener's failure must not undo a save or a lock.
  }
}
