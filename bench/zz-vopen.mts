import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ok } from '../electron/common/result';
import { createFileKeyProvider } from '../electron/main/key-providers/file-key-provider';
import { Vault } from '../electron/main/vault/vault';
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const codec = { empty: (now: string) => ({ schemaVersion: 1, createdAt: now, plans: [] as unknown[], history: [] as unknown[] }), migrate: (raw: unknown) => ok(raw as any) };
const doc = codec.empty('x');
let i = 0;
while (JSON.stringify(doc).length < 200 * 1024) { doc.history.push({ at: new Date(1_700_000_000_000 + i * 60_000).toISOString(), command: { type: 'step.set', planId: `plan-${i % 3}`, stepId: `step-${i}`, status: i % 2 ? 'done' : 'todo' }, note: `0 备注 ${randomBytes(24).toString('base64')}` }); if (i % 50 === 0) doc.plans.push({ id: `plan-${i}`, address: `user${i}@163.com`, steps: [] }); i++; }
const dir = mkdtempSync(join(tmpdir(), 'vp-'));
const keyFile = join(dir, 'k', 'key'); const vaultDir = join(dir, 'v');
const clock = { now: () => Date.now() };
const v0 = new Vault({ dataDir: vaultDir, keyProvider: createFileKeyProvider(keyFile), clock, codec });
await v0.create({ mode: 'keychain' });
for (let k = 0; k < 6; k++) await v0.update(() => ok({ doc, value: null }));
const floorFile = join(dir, 'floor.json');
writeFileSync(floorFile, JSON.stringify(doc));
const fns: (() => unknown)[] = [
  () => JSON.parse(readFileSync(floorFile, 'utf8')),
  async () => { const v = new Vault({ dataDir: vaultDir, keyProvider: createFileKeyProvider(keyFile), clock, codec }); await v.open(); await v.unlock({}); v.read(); },
];
const samples = fns.map(() => [] as number[]);
for (let round = 0; round <= 60; round++) for (let k = 0; k < fns.length; k++) { const i = (k + round) % fns.length; collect(); const t = performance.now(); await fns[i]!(); if (round > 0) samples[i]!.push(performance.now() - t); }
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!;
console.log('floor med', med(samples[0]!).toFixed(2), 'p10', q(samples[0]!, 0.1).toFixed(2), 'vault med', med(samples[1]!).toFixed(2), 'p10', q(samples[1]!, 0.1).toFixed(2), 'ratio', (med(samples[1]!) / med(samples[0]!)).toFixed(2));
