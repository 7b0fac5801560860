/**
 * Vault save and open against (a) the floor: the same JSON written to a temp file, fsynced,
 * renamed and read back (open: read the file and JSON.parse the same document), and (b) conf with
 * aes-256-gcm encryption. The contenders take turns within each round (the order rotating), after
 * warm-up rounds that are not counted, so load from other processes falls on all of them alike.
 * The ratios are the median (and the 25th percentile) of the per-round ratios, not a ratio of two
 * medians taken from different moments. Targets from issue 2: save <= 1.5x floor, open (keychain
 * mode) <= 1.5x floor, save >= 5x faster than conf's encrypted save.
 *
 * "Open" is what the app does at start in keychain mode (vault/service.ts): a fresh Vault, open
 * (temp sweep, read, checksum, header), unlock (key unwrapped by the key provider, no KDF; GCM
 * decrypt, JSON.parse) and read. The storage layer is the subject of the target; the app's own
 * schema check (migrateDocument) is measured on a document of the app's shape in its own row.
 *
 * Two open floors: readFileSync + JSON.parse, and fs/promises readFile + JSON.parse (open, fstat,
 * read, close: four thread-pool round trips, each waiting behind other pool work on a busy
 * machine). The vault reads its files synchronously (vault/durable-fs.ts: only fsync goes to the
 * thread pool; the printed count of thread-pool requests per open shows it), so the open target is
 * judged against the synchronous floor, the one doing the same kind of read; the asynchronous one
 * is shown beside it and is not the target's reference.
 *
 * On a busy machine the open ratio rises (here about 1.2x idle, 1.2x to 1.6x with a CPU hog and a
 * file-system loop running beside it) although the vault makes no thread-pool request: the
 * vault's own steps (temp sweep, checksum and header, key, decrypt) take about 0.8 ms and barely
 * move; its UTF-8 decode and JSON.parse, the same work as the floor's, are what stretch, the
 * vault's parse more than the floor's in those runs (not explained yet).
 */
import { createHook } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Conf from 'conf';
import { ok } from '../electron/common/result';
import { createFileKeyProvider } from '../tests/support/doubles/file-key-provider';
import { vaultDocumentCodec, type DocumentCodec } from '../electron/main/vault/codec';
import { apply, emptyDocument, type PlanCommand, type VaultDocument } from '../electron/common/model';
import { Vault } from '../electron/main/vault/vault';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
/** Opens are cheap and their difference to the floor is about a millisecond: more rounds at 200 KB. */
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 100);
/** Rounds run first and not counted: JIT, file cache, and the first allocation of large buffers. */
const WARMUP = 3;

type Doc = { schemaVersion: 1; createdAt: string; plans: unknown[]; history: unknown[] };

// The storage layer is what the target is about; the app's schema check has its own row.
const codec: DocumentCodec<Doc> = {
  empty: (now) => ({ schemaVersion: 1, createdAt: now, plans: [], history: [] }),
  migrate: (raw) => ok(raw as Doc),
};

/** A document shaped like the real one: plans with steps, and a long history of commands. */
function documentOfSize(bytes: number, variant: number): Doc {
  const doc: Doc = { schemaVersion: 1, createdAt: new Date(0).toISOString(), plans: [], history: [] };
  // The size is counted as entries are added (one comma each), not by stringifying the whole
  // document each time, which made building the 2 MB one take minutes.
  let length = JSON.stringify(doc).length;
  let i = 0;
  while (length < bytes) {
    const entry = {
      at: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
      command: {
        type: 'step.set',
        planId: `plan-${i % 3}`,
        stepId: `step-${i}`,
        status: i % 2 ? 'done' : 'todo',
      },
      note: `${variant} 备注 ${randomBytes(24).toString('base64')}`,
    };
    doc.history.push(entry);
    length += JSON.stringify(entry).length + 1;
    if (i % 50 === 0) {
      const plan = { id: `plan-${i}`, address: `user${i}@163.com`, steps: [] };
      doc.plans.push(plan);
      length += JSON.stringify(plan).length + 1;
    }
    i++;
  }
  return doc;
}

/**
 * A document of the app's own shape (model/document.ts) of about `bytes`, built through the
 * reducer: three plans and a history of detail edits with Chinese notes, events included.
 */
function appDocumentOfSize(bytes: number): VaultDocument {
  let t = Date.parse('2026-03-01T00:00:00.000Z');
  const step = (doc: VaultDocument, c: PlanCommand): VaultDocument => {
    const r = apply(doc, c, new Date((t += 60_000)).toISOString());
    if (!r.ok) throw new Error(`${c.type}: ${r.error.code}`);
    return r.value.doc;
  };
  let doc = emptyDocument(new Date(t).toISOString());
  for (let p = 0; p < 3; p++) {
    doc = step(doc, { type: 'plan.create', planId: `plan-${p}`, address: `user${p}@163.com` });
    doc = step(doc, { type: 'plan.decide', planId: `plan-${p}` });
  }
  for (let i = 0; JSON.stringify(doc).length < bytes; i++) {
    for (let k = 0; k < 20; k++, i++) {
      doc = step(doc, {
        type: 'plan.set-details',
        planId: `plan-${i % 3}`,
        note: `第 ${i} 次：已联系客服，对方说三个工作日内回复。${randomBytes(12).toString('base64')}`,
      });
    }
  }
  return doc;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)]!;
}
const median = (xs: number[]) => quantile(xs, 0.5);

/**
 * subject/reference: the median of the per-round ratios (both measured in the same round), and the
 * ratio of the two 25th percentiles. Load from other processes only ever adds time, so the lower
 * quartiles are the least disturbed estimate of each one's own cost; the two should agree.
 */
function pairedRatio(subject: number[], reference: number[]): { median: number; p25: number } {
  const ratios = subject.map((s, i) => s / reference[i]!);
  return { median: median(ratios), p25: quantile(subject, 0.25) / quantile(reference, 0.25) };
}

// A full collection before each timed call, so one contender's garbage (conf allocates the most)
// is not collected during another's measurement.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Runs the contenders in turn within each round, so load from other processes falls on all of
 * them alike, and returns each one's samples, round by round. WARMUP rounds are not counted.
 */
async function timeTogether(fns: (() => Promise<unknown> | unknown)[], runs: number): Promise<number[][]> {
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < WARMUP + runs; round++) {
    // The order rotates each round: a contender's fsync is slower right after another's writes.
    for (let k = 0; k < fns.length; k++) {
      const i = (k + round) % fns.length;
      const fn = fns[i]!;
      collect();
      const t = performance.now();
      await fn();
      if (round >= WARMUP) samples[i]!.push(performance.now() - t);
    }
  }
  return samples;
}

function floorSave(dir: string, doc: unknown, syncDir = false): void {
  const bytes = Buffer.from(JSON.stringify(doc));
  const tmp = join(dir, 'floor.json.tmp');
  const fd = openSync(tmp, 'w', 0o600);
  writeSync(fd, bytes);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, join(dir, 'floor.json'));
  if (syncDir) {
    const dfd = openSync(dir, 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  }
  if (readFileSync(join(dir, 'floor.json')).length !== bytes.length) throw new Error('floor read-back');
}

function floorOpen(dir: string): unknown {
  return JSON.parse(readFileSync(join(dir, 'floor.json'), 'utf8'));
}

/** The same read and parse through fs/promises (open, fstat, read, close: four thread-pool round trips). */
async function floorOpenAsync(dir: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, 'floor.json'), 'utf8'));
}

/** What the app does at start in keychain mode: a fresh Vault and key provider, open, unlock, read. */
async function vaultOpen<D>(dataDir: string, keyFile: string, documentCodec: DocumentCodec<D>): Promise<D> {
  const clock = { now: () => Date.now() };
  const v = new Vault({ dataDir, keyProvider: createFileKeyProvider(keyFile), clock, codec: documentCodec });
  await v.open();
  await v.unlock({});
  return v.read();
}

/**
 * The async resources `fn` creates that are requests to libuv's thread pool (fs, crypto, zlib,
 * DNS), by type: each is a round trip that waits for a free pool thread.
 */
async function threadPoolRequests(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const hook = createHook({
    init(_id, type) {
      if (/^FSREQ|REQ$|REQUEST$|REQWRAP$|^ZLIB$/.test(type)) counts[type] = (counts[type] ?? 0) + 1;
    },
  });
  hook.enable();
  try {
    await fn();
  } finally {
    hook.disable();
  }
  return counts;
}

const describeCounts = (counts: Record<string, number>): string => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts).map(([type, n]) => `${type} ${n}`);
  return parts.length ? `${total} (${parts.join(', ')})` : '0';
};

interface Ratio {
  median: number;
  p25: number;
}

interface Row {
  size: string;
  op: string;
  /** Save: sync write path; open: readFileSync + JSON.parse. */
  floor: number;
  /** Open: fs/promises readFile + JSON.parse. */
  floorAsync?: number;
  vault: number;
  ratio: Ratio;
  ratioAsync?: Ratio;
  /** Save: vault against the floor plus the directory fsync the vault does for the rename's durability. */
  ratioDirSync?: Ratio;
  conf?: number;
  confOverVault?: Ratio;
  /**
   * Save: how much faster than conf the floor plus the directory fsync is: the least a save that
   * is durable as issue 2 requires (file and folder fsynced) can cost, so the most it can reach.
   */
  confOverFloorDirSync?: Ratio;
}

async function measure(label: string, bytes: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'closeout-bench-'));
  try {
    const docs = [documentOfSize(bytes, 0), documentOfSize(bytes, 1)];
    let n = 0;
    const next = () => docs[n++ % 2]!;
    const keyFile = join(dir, 'keychain', 'key');
    const vaultDir = join(dir, 'vault');
    const clock = { now: () => Date.now() };
    const vault = new Vault({ dataDir: vaultDir, keyProvider: createFileKeyProvider(keyFile), clock, codec });
    await vault.create({ mode: 'keychain' });

    const floorDir = join(dir, 'floor');
    mkdirSync(floorDir);
    const confOptions = {
      cwd: join(dir, 'conf'),
      configName: 'store',
      encryptionKey: randomBytes(32).toString('hex'),
      encryptionAlgorithm: 'aes-256-gcm' as const,
    };
    const conf = new Conf<{ doc: Doc }>(confOptions);

    const rows: Row[] = [];
    if (SAVES) {
      const [floorSaves, vaultSaves, confSaves, floorDirSyncs] = await timeTogether(
        [
          () => floorSave(floorDir, next()),
          async () => {
            const r = await vault.update(() => ok({ doc: next(), value: null }));
            if (!r.ok) throw new Error(r.error.code);
          },
          () => conf.set('doc', next()),
          () => floorSave(floorDir, next(), true),
        ],
        RUNS,
      );
      rows.push({
        size: label,
        op: 'save',
        floor: median(floorSaves!),
        vault: median(vaultSaves!),
        ratio: pairedRatio(vaultSaves!, floorSaves!),
        ratioDirSync: pairedRatio(vaultSaves!, floorDirSyncs!),
        conf: median(confSaves!),
        confOverVault: pairedRatio(confSaves!, vaultSaves!),
        confOverFloorDirSync: pairedRatio(confSaves!, floorDirSyncs!),
      });
    }

    // All three hold the same document when the opens are timed.
    floorSave(floorDir, docs[0]);
    const saved = await vault.update(() => ok({ doc: docs[0]!, value: null }));
    if (!saved.ok) throw new Error(saved.error.code);
    conf.set('doc', docs[0]!);
    if (bytes <= 256 * 1024) {
      const vaultRequests = await threadPoolRequests(() => vaultOpen(vaultDir, keyFile, codec));
      const floorRequests = await threadPoolRequests(() => floorOpenAsync(floorDir));
      console.log(
        `thread-pool requests per open at ${label}: vault ${describeCounts(vaultRequests)}; ` +
          `async floor ${describeCounts(floorRequests)}; sync floor 0`,
      );
    }
    const openRuns = bytes <= 256 * 1024 ? OPEN_RUNS : RUNS;
    const [floorOpens, floorAsyncOpens, vaultOpens, confOpens] = await timeTogether(
      [
        () => floorOpen(floorDir),
        () => floorOpenAsync(floorDir),
        () => vaultOpen(vaultDir, keyFile, codec),
        () => new Conf<{ doc: Doc }>(confOptions).get('doc'),
      ],
      openRuns,
    );
    rows.push({
      size: label,
      op: 'open',
      floor: median(floorOpens!),
      floorAsync: median(floorAsyncOpens!),
      vault: median(vaultOpens!),
      ratio: pairedRatio(vaultOpens!, floorOpens!),
      ratioAsync: pairedRatio(vaultOpens!, floorAsyncOpens!),
      conf: median(confOpens!),
      confOverVault: pairedRatio(confOpens!, vaultOpens!),
    });
    if (bytes <= 256 * 1024) rows.push(await measureAppOpen(label, bytes, dir, keyFile));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The open as the app runs it, with its codec: migrateDocument, which checks the whole document
 * against the schema, on a document of the app's shape. The floor reads and parses the same JSON.
 */
async function measureAppOpen(label: string, bytes: number, dir: string, keyFile: string): Promise<Row> {
  const doc = appDocumentOfSize(bytes);
  const vaultDir = join(dir, 'app-vault');
  const floorDir = join(dir, 'app-floor');
  mkdirSync(floorDir);
  const clock = { now: () => Date.now() };
  const vault = new Vault({
    dataDir: vaultDir,
    keyProvider: createFileKeyProvider(keyFile),
    clock,
    codec: vaultDocumentCodec,
  });
  await vault.create({ mode: 'keychain' });
  const saved = await vault.update(() => ok({ doc, value: null }));
  if (!saved.ok) throw new Error(saved.error.code);
  floorSave(floorDir, doc);
  const [floorOpens, floorAsyncOpens, vaultOpens] = await timeTogether(
    [
      () => floorOpen(floorDir),
      () => floorOpenAsync(floorDir),
      () => vaultOpen(vaultDir, keyFile, vaultDocumentCodec),
    ],
    OPEN_RUNS,
  );
  return {
    size: label,
    op: 'open + schema check',
    floor: median(floorOpens!),
    floorAsync: median(floorAsyncOpens!),
    vault: median(vaultOpens!),
    ratio: pairedRatio(vaultOpens!, floorOpens!),
    ratioAsync: pairedRatio(vaultOpens!, floorAsyncOpens!),
  };
}

/** BENCH_VAULT_SIZES=200KB runs only the 200 KB sizes (building the 2 MB documents takes about 40 s). */
/** BENCH_VAULT_OPS=open skips the save rounds. */
const SAVES = (process.env.BENCH_VAULT_OPS ?? 'save,open').includes('save');
const SIZES = (process.env.BENCH_VAULT_SIZES ?? '200KB,2MB').split(',').map((s) => s.trim().toUpperCase());

export default async function bench(): Promise<void> {
  const rows: Row[] = [];
  if (SIZES.includes('200KB')) rows.push(...(await measure('200 KB', 200 * 1024)));
  if (SIZES.includes('2MB')) rows.push(...(await measure('2 MB', 2 * 1024 * 1024)));
  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  const x = (r: number) => `${r.toFixed(2)}x`;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const table = rows.map((r) => {
    const confTarget = (): string => {
      if (r.op !== 'save' || !r.confOverVault || !r.confOverFloorDirSync) return '-';
      if (r.confOverVault.median >= 5) return 'met';
      // conf fsyncs its file too. When conf is not 5x slower than the floor plus the folder fsync
      // either, no save durable as issue 2 requires can meet this target: the target is mistaken.
      const reach = r.confOverFloorDirSync.median;
      return reach < 5 ? `MISSED; out of reach: conf/(floor+dir fsync) ${x(reach)}` : 'MISSED';
    };
    return {
      size: r.size,
      op: r.op,
      floor: f(r.floor),
      vault: f(r.vault),
      'vault/floor': x(r.ratio.median),
      '(p25/p25)': x(r.ratio.p25),
      'floor async': r.floorAsync === undefined ? '-' : f(r.floorAsync),
      'vault/floor async': r.ratioAsync ? x(r.ratioAsync.median) : '-',
      '(p25/p25) async': r.ratioAsync ? x(r.ratioAsync.p25) : '-',
      'target vault/floor (sync) <= 1.5x':
        r.op === 'open + schema check' ? '-' : verdict(r.ratio.median <= 1.5),
      conf: r.conf === undefined ? '-' : f(r.conf),
      'conf/vault': r.confOverVault ? x(r.confOverVault.median) : '-',
      'target conf/vault >= 5x': confTarget(),
      'vault/(floor+dir fsync)': r.ratioDirSync ? x(r.ratioDirSync.median) : '-',
    };
  });
  console.log(
    `save: ${RUNS} rounds; open: ${OPEN_RUNS} rounds at 200 KB, ${RUNS} at 2 MB; ${WARMUP} warm-up rounds each`,
  );
  console.log('vault in keychain mode (file key provider, no KDF at open), fsync on every save');
  console.log('floor save = stringify, write, fsync, rename, read back; open = read and JSON.parse');
  console.log(
    'floor = readFileSync (the vault reads synchronously too: the open target is judged against it); ' +
      'floor async = fs/promises readFile, shown beside it, not the reference',
  );
  console.log(
    'ms columns: medians; ratios: median of the per-round ratios; (p25/p25): ratio of the lower quartiles',
  );
  console.log(
    "open + schema check: the app's codec (migrateDocument) on a document of the app's shape; no target",
  );
  console.table(table);
}
