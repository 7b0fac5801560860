/**
 * Vault save and open against (a) the floor: the same JSON written to a temp file, fsynced,
 * renamed and read back (open: read and parse), and (b) conf with aes-256-gcm encryption. Medians
 * of RUNS runs each, measured in this run. Targets from issue 2: save <= 1.5x floor, open
 * (keychain mode) <= 1.5x floor, save >= 5x faster than conf's encrypted save.
 */
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Conf from 'conf';
import { ok } from '../electron/common/result';
import { createFileKeyProvider } from '../tests/support/doubles/file-key-provider';
import type { DocumentCodec } from '../electron/main/vault/codec';
import { Vault } from '../electron/main/vault/vault';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);

type Doc = { schemaVersion: 1; createdAt: string; plans: unknown[]; history: unknown[] };

// The storage layer is what is measured; the domain's schema check is not part of either side.
const codec: DocumentCodec<Doc> = {
  empty: (now) => ({ schemaVersion: 1, createdAt: now, plans: [], history: [] }),
  migrate: (raw) => ok(raw as Doc),
};

/** A document shaped like the real one: plans with steps, and a long history of commands. */
function documentOfSize(bytes: number, variant: number): Doc {
  const doc: Doc = { schemaVersion: 1, createdAt: new Date(0).toISOString(), plans: [], history: [] };
  let i = 0;
  while (JSON.stringify(doc).length < bytes) {
    doc.history.push({
      at: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
      command: {
        type: 'step.set',
        planId: `plan-${i % 3}`,
        stepId: `step-${i}`,
        status: i % 2 ? 'done' : 'todo',
      },
      note: `${variant} 备注 ${randomBytes(24).toString('base64')}`,
    });
    if (i % 50 === 0) doc.plans.push({ id: `plan-${i}`, address: `user${i}@163.com`, steps: [] });
    i++;
  }
  return doc;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// A full collection before each timed call, so one contender's garbage (conf allocates the most)
// is not collected during another's measurement.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Runs the contenders in turn within each round, so load from other processes falls on all of
 * them alike, and returns each one's median. One warm-up round is not counted.
 */
async function timeTogether(fns: (() => Promise<unknown> | unknown)[]): Promise<number[]> {
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round <= RUNS; round++) {
    // The order rotates each round: a contender's fsync is slower right after another's writes.
    for (let k = 0; k < fns.length; k++) {
      const i = (k + round) % fns.length;
      const fn = fns[i]!;
      collect();
      const t = performance.now();
      await fn();
      if (round > 0) samples[i]!.push(performance.now() - t);
    }
  }
  return samples.map(median);
}

function floorSave(dir: string, doc: Doc, syncDir = false): void {
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

interface Row {
  size: string;
  floorSave: number;
  /** The floor plus the directory fsync the vault does for the rename's durability. */
  floorDirSync: number;
  vaultSave: number;
  confSave: number;
  floorOpen: number;
  vaultOpen: number;
  confOpen: number;
}

async function measure(label: string, bytes: number): Promise<Row> {
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

    const [floorSaveMs, vaultSaveMs, confSaveMs, floorDirSyncMs] = await timeTogether([
      () => floorSave(floorDir, next()),
      async () => {
        const r = await vault.update(() => ok({ doc: next(), value: null }));
        if (!r.ok) throw new Error(r.error.code);
      },
      () => conf.set('doc', next()),
      () => floorSave(floorDir, next(), true),
    ]);
    const [floorOpenMs, vaultOpenMs, confOpenMs] = await timeTogether([
      () => floorOpen(floorDir),
      // A fresh Vault and key provider each time: what starting the app costs, key unwrap included.
      async () => {
        const v = new Vault({ dataDir: vaultDir, keyProvider: createFileKeyProvider(keyFile), clock, codec });
        await v.open();
        await v.unlock({});
        v.read();
      },
      () => new Conf<{ doc: Doc }>(confOptions).get('doc'),
    ]);
    const row: Row = {
      size: label,
      floorSave: floorSaveMs!,
      floorDirSync: floorDirSyncMs!,
      vaultSave: vaultSaveMs!,
      confSave: confSaveMs!,
      floorOpen: floorOpenMs!,
      vaultOpen: vaultOpenMs!,
      confOpen: confOpenMs!,
    };
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<void> {
  const rows = [await measure('200 KB', 200 * 1024), await measure('2 MB', 2 * 1024 * 1024)];
  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  const x = (r: number) => `${r.toFixed(2)}x`;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const table = rows.flatMap((r) => [
    {
      size: r.size,
      op: 'save',
      floor: f(r.floorSave),
      vault: f(r.vaultSave),
      'vault/floor': x(r.vaultSave / r.floorSave),
      conf: f(r.confSave),
      'conf/vault': x(r.confSave / r.vaultSave),
      'target vault/floor <= 1.5x': verdict(r.vaultSave / r.floorSave <= 1.5),
      'target conf/vault >= 5x': verdict(r.confSave / r.vaultSave >= 5),
      'floor+dir fsync': f(r.floorDirSync),
      'vault/(floor+dir fsync)': x(r.vaultSave / r.floorDirSync),
    },
    {
      size: r.size,
      op: 'open',
      floor: f(r.floorOpen),
      vault: f(r.vaultOpen),
      'vault/floor': x(r.vaultOpen / r.floorOpen),
      conf: f(r.confOpen),
      'conf/vault': x(r.confOpen / r.vaultOpen),
      'target vault/floor <= 1.5x': verdict(r.vaultOpen / r.floorOpen <= 1.5),
      'target conf/vault >= 5x': '-',
      'floor+dir fsync': '-',
      'vault/(floor+dir fsync)': '-',
    },
  ]);
  console.log(`median of ${RUNS} runs each; vault in keychain mode (file key provider), fsync on every save`);
  console.log('floor save = stringify, write, fsync, rename, read back; open = read and JSON.parse');
  console.table(table);
}
